import Testing
import ICalendar

@Suite("Participants")
struct ParticipantTests {
    static func participants(_ lines: [String]) throws -> [String] {
        let result = try Fixture.read(Fixture.calendar(Fixture.event("p", "DTSTART:20240301T100000Z", lines)))
        return try #require(result.occurrences.first).participants
    }

    @Test("Declined attendees, rooms, resources and non-participants are left out (any case)")
    func exclusions() throws {
        let people = try Self.participants([
            "ORGANIZER;CN=Lead:mailto:lead@example.com",
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:yes@example.com",
            "ATTENDEE;PARTSTAT=declined:mailto:no@example.com",
            "ATTENDEE;CUTYPE=ROOM:mailto:room@example.com",
            "ATTENDEE;CUTYPE=resource:mailto:beamer@example.com",
            "ATTENDEE;ROLE=NON-PARTICIPANT:mailto:fyi@example.com",
            "ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=TENTATIVE:mailto:maybe@example.com",
            "ATTENDEE;CUTYPE=GROUP:mailto:team@example.com",
        ])
        #expect(people == ["lead@example.com", "yes@example.com", "maybe@example.com", "team@example.com"])
    }

    @Test("EMAIL= wins over the URI; MAILTO in any case; addresses lowercased, trimmed and listed once")
    func addressNormalisation() throws {
        let people = try Self.participants([
            "ORGANIZER:MAILTO:Lead@Example.COM",
            "ATTENDEE;EMAIL=Real.Person@Example.com:mailto:alias@example.com",
            "ATTENDEE;EMAIL=\"urn-user@example.com\":urn:uuid:1b0e2d6c-7a1f-4f2e-9a47-0d9c2bb7c001",
            "ATTENDEE:MailTo: Spaced@Example.com ",
            "ATTENDEE:mailto:lead@example.com",
            "ATTENDEE:mailto:REAL.PERSON@example.com",
            "ATTENDEE:urn:uuid:no-address-here",
            "ATTENDEE:mailto:",
        ])
        #expect(people == ["lead@example.com", "real.person@example.com", "urn-user@example.com", "spaced@example.com"])
    }

    @Test("Without ORGANIZER the organizer is nil and attendees still count")
    func noOrganizer() throws {
        let result = try Fixture.read(Fixture.calendar(Fixture.event("p", "DTSTART:20240301T100000Z", [
            "ATTENDEE:mailto:a@example.com", "ATTENDEE:mailto:b@example.com",
        ])))
        let occurrence = try #require(result.occurrences.first)
        #expect(occurrence.organizer == nil)
        #expect(occurrence.participants == ["a@example.com", "b@example.com"])
    }
}
