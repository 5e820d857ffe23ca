import Foundation
@testable import OrgImport
import OrgModel
import Testing

/// Meetings of several people's calendar exports turned into links: each rule of docs/links.md, on small
/// files written as Google, Outlook and Apple write them.
struct CalendarLinksTests {
    /// Ann, Ben and Cy of Engineering, Dee of Sales; people are found by email, any case.
    static let organization = Organization(people: [
        Person(key: "E1", name: "Ann Lee", email: "ann@acme.io", department: "Engineering"),
        Person(key: "E2", name: "Ben Ode", email: "Ben@Acme.io", department: "Engineering", managerKey: "E1"),
        Person(key: "E3", name: "Cy Park", email: "cy@acme.io", department: "Engineering", managerKey: "E1"),
        Person(key: "S1", name: "Dee Roy", email: "dee@acme.io", department: "Sales"),
    ])

    static func reader(maxAttendees: Int = 25, weighting: CalendarOptions.Weighting = .meetings) -> CalendarLinks {
        CalendarLinks(organization: organization, options: CalendarOptions(
            since: CalendarDate(year: 2026, month: 1, day: 1)!, until: CalendarDate(year: 2026, month: 7, day: 1)!,
            maxAttendees: maxAttendees, weighting: weighting))
    }

    /// A calendar file around `events`, with CRLF line ends.
    static func calendar(_ events: String..., method: String = "PUBLISH") -> [UInt8] {
        let body = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\nMETHOD:\(method)\n" + events.joined() + "END:VCALENDAR\n"
        return Array(body.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    static func event(
        uid: String, start: String = "20260302T090000Z", end: String = "20260302T100000Z", zone: String? = nil,
        sequence: Int = 0, organizer: String = "ann@acme.io", attendees: [String], extra: String = ""
    ) -> String {
        var lines = ["BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:20260101T000000Z", "SEQUENCE:\(sequence)"]
        let parameters = start.count == 8 ? ";VALUE=DATE" : zone.map { ";TZID=\($0)" } ?? ""
        lines.append("DTSTART\(parameters):\(start)")
        if !end.isEmpty { lines.append("DTEND\(parameters):\(end)") }
        lines.append("ORGANIZER;CN=Organizer:mailto:\(organizer)")
        lines += attendees.map { "ATTENDEE;PARTSTAT=ACCEPTED:mailto:\($0)" }
        if !extra.isEmpty { lines.append(extra) }
        lines.append("END:VEVENT")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Links as (key, key, weight, date) with the keys in order, sorted, for comparing.
    static func pairs(_ result: CalendarLinks.Result) -> [String] {
        let keys = organization.people.map(\.key)
        return result.links.map { link in
            let (a, b) = (keys[link.a], keys[link.b])
            return "\(min(a, b))-\(max(a, b)) \(String(format: "%.3f", link.weight)) \(link.date)"
        }.sorted()
    }

    @Test func aMeetingLinksEveryPairOneOverNMinusOne() throws {
        var reader = Self.reader()
        try reader.read(Self.calendar(Self.event(uid: "m1", attendees: ["ben@acme.io", "cy@acme.io", "dee@acme.io"])), fileName: "ann.ics")
        let result = reader.links()
        #expect(result.counted == 1)
        // 4 participants: each pair 1/3, so each person's meeting adds up to 1.
        #expect(Self.pairs(result) == [
            "E1-E2 0.333 2026-03-02", "E1-E3 0.333 2026-03-02", "E1-S1 0.333 2026-03-02",
            "E2-E3 0.333 2026-03-02", "E2-S1 0.333 2026-03-02", "E3-S1 0.333 2026-03-02",
        ])
    }

    @Test func hoursWeighTheMeetingsLength() throws {
        var reader = Self.reader(weighting: .hours)
        try reader.read(Self.calendar(
            Self.event(uid: "m1", end: "20260302T103000Z", attendees: ["ben@acme.io"]),
            Self.event(uid: "m2", start: "20260303T090000Z", end: "", attendees: ["cy@acme.io"], extra: "DURATION:PT2H")), fileName: "ann.ics")
        #expect(Self.pairs(reader.links()) == ["E1-E2 1.500 2026-03-02", "E1-E3 2.000 2026-03-03"])
    }

    /// The same meeting in every attendee's export counts once; the copy with the highest SEQUENCE wins (its
    /// attendees, its time), whichever file comes first.
    @Test(arguments: [false, true])
    func duplicatesAcrossFilesCountOnceHighestSequenceWins(organizerFirst: Bool) throws {
        let stale = Self.calendar(Self.event(uid: "weekly-sync", attendees: ["ben@acme.io"]))
        let updated = Self.calendar(Self.event(uid: "weekly-sync", start: "20260302T140000Z", end: "20260302T150000Z", sequence: 1, attendees: ["ben@acme.io", "dee@acme.io"]))
        var reader = Self.reader()
        for (bytes, name) in organizerFirst ? [(updated, "ann.ics"), (stale, "ben.ics")] : [(stale, "ben.ics"), (updated, "ann.ics")] {
            try reader.read(bytes, fileName: name)
        }
        let result = reader.links()
        #expect(result.counted == 1)
        #expect(result.skips[.duplicate] == 1)
        #expect(Self.pairs(result) == ["E1-E2 0.500 2026-03-02", "E1-S1 0.500 2026-03-02", "E2-S1 0.500 2026-03-02"])
    }

    @Test func occurrencesThatSayNothingAreCountedNotLinked() throws {
        var reader = Self.reader(maxAttendees: 3)
        try reader.read(Self.calendar(
            Self.event(uid: "cancelled", attendees: ["ben@acme.io"], extra: "STATUS:cancelled"),
            Self.event(uid: "offsite", start: "20260304", end: "20260305", attendees: ["ben@acme.io"]),
            Self.event(uid: "alone", attendees: []),
            Self.event(uid: "crowd", attendees: ["ben@acme.io", "cy@acme.io", "dee@acme.io"]),
            Self.event(uid: "kept", attendees: ["cy@acme.io"])), fileName: "ann.ics")
        try reader.read(Self.calendar(Self.event(uid: "kept", attendees: ["ann@acme.io"], extra: ""), method: "REPLY"), fileName: "reply.ics")
        let result = reader.links()
        #expect(result.skips == [.cancelled: 1, .allDay: 1, .tooFewParticipants: 1, .tooManyParticipants: 1, .schedulingMessage: 1])
        #expect(Self.pairs(result) == ["E1-E3 1.000 2026-03-02"])
    }

    /// Declined attendees, rooms, resources and non-participants are not participants; an alarm's attendee is
    /// not the event's; an address nobody has is a guest: counted in n, named in the warning, linked to no one.
    @Test func whoIsAParticipant() throws {
        let event = """
            BEGIN:VEVENT
            UID:review
            DTSTAMP:20260101T000000Z
            DTSTART;TZID=Europe/London:20260302T090000
            DTEND;TZID=Europe/London:20260302T100000
            ORGANIZER;CN="Lee, Ann":MAILTO:Ann@Acme.io
            ATTENDEE;PARTSTAT=DECLINED:mailto:cy@acme.io
            ATTENDEE;CUTYPE=ROOM;CN=Blue room:mailto:blue@acme.io
            ATTENDEE;CUTYPE=RESOURCE:mailto:projector@acme.io
            ATTENDEE;ROLE=NON-PARTICIPANT:mailto:dee@acme.io
            ATTENDEE;CN=Guest;EMAIL=guest@partner.example:invalid:nomail
            ATTENDEE;PARTSTAT=ACCEPTED;CN=Ben Ode;ROLE=REQ-PARTICIPANT;CUTYPE=INDIVIDUAL:mai
            \tlto:ben@acme.io
            BEGIN:VALARM
            ACTION:EMAIL
            TRIGGER:-PT15M
            ATTENDEE:mailto:cy@acme.io
            END:VALARM
            END:VEVENT

            """
        var reader = Self.reader()
        try reader.read(Self.calendar(event), fileName: "ann.ics")
        let result = reader.links()
        // Ann, the guest and Ben (folded with a tab): 3 participants, so Ann–Ben weighs 1/2.
        #expect(Self.pairs(result) == ["E1-E2 0.500 2026-03-02"])
        #expect(result.externals == ["guest@partner.example": 1])
    }

    /// A link's date is the meeting's local start date: 23:30 in New York is the next day in UTC.
    @Test func theDateIsTheLocalStartDate() throws {
        var reader = Self.reader()
        try reader.read(Self.calendar(Self.event(uid: "late", start: "20260302T233000", end: "20260303T000000", zone: "America/New_York", attendees: ["ben@acme.io"])), fileName: "ann.ics")
        #expect(Self.pairs(reader.links()) == ["E1-E2 1.000 2026-03-02"])
    }

    /// Weekly at 09:00 in Berlin across the change to summer time: every week counts, on its local date, and
    /// an EXDATE takes one out; only occurrences in the window are read.
    @Test func recurringMeetingsExpandInTheirTimeZone() throws {
        let weekly = """
            BEGIN:VEVENT
            UID:standup
            DTSTAMP:20260101T000000Z
            DTSTART;TZID=W. Europe Standard Time:20260316T090000
            DTEND;TZID=W. Europe Standard Time:20260316T091500
            RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4
            EXDATE;TZID=W. Europe Standard Time:20260323T090000
            ORGANIZER:mailto:ann@acme.io
            ATTENDEE:mailto:ben@acme.io
            END:VEVENT

            """
        var reader = Self.reader()
        try reader.read(Self.calendar(weekly), fileName: "ann.ics")
        #expect(Self.pairs(reader.links()) == ["E1-E2 1.000 2026-03-16", "E1-E2 1.000 2026-03-30", "E1-E2 1.000 2026-04-06"])
    }

    /// An instance moved into the window counts; one moved out does not, though its series starts inside.
    @Test func overridesMoveOccurrencesInAndOutOfTheWindow() throws {
        let series = """
            BEGIN:VEVENT
            UID:retro
            DTSTAMP:20251201T000000Z
            DTSTART:20251222T100000Z
            DTEND:20251222T110000Z
            RRULE:FREQ=WEEKLY;COUNT=3
            ORGANIZER:mailto:ann@acme.io
            ATTENDEE:mailto:ben@acme.io
            END:VEVENT
            BEGIN:VEVENT
            UID:retro
            RECURRENCE-ID:20251222T100000Z
            DTSTAMP:20251201T000000Z
            DTSTART:20260105T100000Z
            DTEND:20260105T110000Z
            ORGANIZER:mailto:ann@acme.io
            ATTENDEE:mailto:ben@acme.io
            ATTENDEE:mailto:dee@acme.io
            END:VEVENT
            BEGIN:VEVENT
            UID:retro
            RECURRENCE-ID:20260105T100000Z
            DTSTAMP:20251201T000000Z
            DTSTART:20251230T100000Z
            DTEND:20251230T110000Z
            ORGANIZER:mailto:ann@acme.io
            ATTENDEE:mailto:ben@acme.io
            END:VEVENT

            """
        var reader = Self.reader()
        try reader.read(Self.calendar(series), fileName: "ann.ics")
        // Dec 22 moved to Jan 5 (with Dee): in; Dec 29: before the window; Jan 5's own instance moved to Dec 30: out.
        #expect(Self.pairs(reader.links()) == ["E1-E2 0.500 2026-01-05", "E1-S1 0.500 2026-01-05", "E2-S1 0.500 2026-01-05"])
    }

    /// One broken event is skipped, named with its line and UID; the rest of the file still counts.
    @Test func aBrokenEventIsSkippedAndNamed() throws {
        var reader = Self.reader()
        try reader.read(Self.calendar(
            Self.event(uid: "broken", attendees: ["ben@acme.io"], extra: "RRULE:FREQ=FORTNIGHTLY"),
            Self.event(uid: "fine", attendees: ["cy@acme.io"])), fileName: "ann.ics")
        #expect(reader.skippedEvents.count == 1)
        let skipped = try #require(reader.skippedEvents.first)
        #expect(skipped.file == "ann.ics")
        #expect(skipped.problem.uid == "broken")
        #expect(skipped.description.hasPrefix("ann.ics: line "))
        #expect(skipped.description.contains("(UID broken)"))
        #expect(Self.pairs(reader.links()) == ["E1-E3 1.000 2026-03-02"])
    }

    @Test(arguments: [
        ("not a calendar", "name,email\n", "line 1"),
        ("cut short", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n", "line 2"),
    ])
    func anUnreadableFileIsAnErrorWithItsLine(name: String, text: String, line: String) {
        var reader = Self.reader()
        do {
            try reader.read(Array(text.utf8), fileName: "bad.ics")
            Issue.record("\(name) was read")
        } catch let OrgMapError.invalidInput(file, problems, _) {
            #expect(file == "bad.ics")
            #expect(problems.first.map { "\($0)" }?.hasPrefix(line) == true, "\(problems)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
