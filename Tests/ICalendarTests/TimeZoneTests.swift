import Foundation
import Testing
@testable import ICalendar

@Suite("Time zones")
struct TimeZoneTests {
    /// Berlin rules written as a VTIMEZONE under any TZID.
    static func berlinDefinition(_ tzid: String) -> [String] {
        ["BEGIN:VTIMEZONE", "TZID:\(tzid)",
         "BEGIN:STANDARD", "DTSTART:19701025T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
         "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
         "BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
         "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
         "END:VTIMEZONE"]
    }

    static let aroundSpringForward = window("2024-03-01", "2024-04-15")
    static let expectedBerlinInstants = [
        utc("20240321T080000Z"), utc("20240328T080000Z"), utc("20240404T070000Z"), utc("20240411T070000Z"),
    ]

    static func weeklyThursdays(tzid: String, definition: [String] = []) throws -> ICalendarFileResult {
        try Fixture.read(
            Fixture.calendar(definition + Fixture.event(
                "weekly", "DTSTART;TZID=\"\(tzid)\":20240321T090000", ["RRULE:FREQ=WEEKLY;COUNT=4"])),
            window: aroundSpringForward)
    }

    @Test("Weekly 09:00 Europe/Berlin across the last Sunday of March: 08:00Z becomes 07:00Z",
          arguments: ["Europe/Berlin", "/Europe/Berlin", "/mozilla.org/20050126_1/Europe/Berlin", "W. Europe Standard Time"])
    func namedZoneAcrossSpringForward(tzid: String) throws {
        let result = try Self.weeklyThursdays(tzid: tzid)
        #expect(result.problems.isEmpty)
        #expect(result.occurrences.map(\.start) == Self.expectedBerlinInstants)
        #expect(result.dates == ["2024-03-21", "2024-03-28", "2024-04-04", "2024-04-11"])
    }

    @Test("A VTIMEZONE with a made-up TZID is implemented from its observances",
          arguments: ["Custom Zone", "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"])
    func madeUpZone(tzid: String) throws {
        let result = try Self.weeklyThursdays(tzid: tzid, definition: Self.berlinDefinition(tzid))
        #expect(result.problems.isEmpty)
        #expect(result.occurrences.map(\.start) == Self.expectedBerlinInstants)
    }

    @Test("Outlook fixture: Windows TZID with an Exchange VTIMEZONE (DTSTART 1601) and BYSETPOS=-1")
    func outlookFixture() throws {
        let result = try Fixture.readFixture("outlook-request.ics")
        #expect(result.problems.isEmpty)
        #expect(result.dates == ["2024-01-31", "2024-02-29", "2024-03-29", "2024-04-30", "2024-05-31", "2024-06-28"])
        #expect(result.occurrences.map(\.start) == [
            utc("20240131T150000Z"), utc("20240229T150000Z"), utc("20240329T150000Z"),
            utc("20240430T140000Z"), utc("20240531T140000Z"), utc("20240628T140000Z"),
        ])
        let first = try #require(result.occurrences.first)
        #expect(first.participants == ["dirk.maas@example.nl", "eva.janssen@example.nl"])
        #expect(first.organizer == "dirk.maas@example.nl")
        #expect(first.sequence == 2)
        #expect(first.uid == "040000008200E00074C5B7101A82E00800000000A0F5C2A3B3C9DA01000000000000000010000000C9F3E3E7C0A5B54B9A0B0F2A6E4C1D2E")
    }

    @Test("Outlook fixture: quoted display-name TZID defined by a VTIMEZONE")
    func outlookCustomZoneFixture() throws {
        let result = try Fixture.readFixture("outlook-custom-zone.ics")
        #expect(result.problems.isEmpty)
        #expect(result.occurrences.map(\.start) == [utc("20240319T083000Z"), utc("20240326T083000Z"), utc("20240402T073000Z")])
        #expect(result.occurrences.first?.participants == ["ann.lee@example.com", "bob.stone@example.com"])
        #expect(result.occurrences.first?.durationSeconds == 1800)
    }

    @Test("An unknown TZID is a problem of that event only")
    func unknownZone() throws {
        let result = try Fixture.read(Fixture.calendar(
            Fixture.event("good", "DTSTART;TZID=Europe/Paris:20240105T090000")
            + Fixture.event("bad", "DTSTART;TZID=Mars/Olympus_Mons:20240105T090000")
            + Fixture.event("bad-exdate", "DTSTART:20240105T090000Z", ["RRULE:FREQ=DAILY;COUNT=2", "EXDATE;TZID=Nowhere:20240106T090000"])))
        #expect(result.occurrences.map(\.uid) == ["good"])
        #expect(result.occurrences.first?.start == utc("20240105T080000Z"))
        #expect(result.problems.count == 2)
        let problem = try #require(result.problems.first)
        #expect(problem.uid == "bad")
        #expect(problem.line == 12)
        #expect(problem.message.contains("unknown TZID 'Mars/Olympus_Mons'"))
        #expect(problem.message.contains("expected"))
        #expect(result.problems.last?.uid == "bad-exdate")
    }

    @Test("Floating times are wall clock read as UTC; UTC times are instants")
    func floatingAndUTC() throws {
        let result = try Fixture.read(Fixture.calendar(
            Fixture.event("floating", "DTSTART:20240310T090000", ["DTEND:20240310T103000", "RRULE:FREQ=WEEKLY;COUNT=3"])
            + Fixture.event("utc", "DTSTART:20240310T233000Z", ["DURATION:PT45M"])))
        let floating = result.occurrences(uid: "floating")
        #expect(floating.map(\.start) == [utc("20240310T090000Z"), utc("20240317T090000Z"), utc("20240324T090000Z")])
        #expect(floating.map(\.originalStart) == floating.map(\.start))
        #expect(floating.first?.durationSeconds == 5400)
        let utcEvent = try #require(result.occurrences(uid: "utc").first)
        #expect(utcEvent.start == utc("20240310T233000Z"))
        #expect(utcEvent.startDate == date("2024-03-10"))
        #expect(utcEvent.durationSeconds == 2700)
    }

    @Test("A nonexistent local time moves forward by the gap; an ambiguous one takes the earlier instant")
    func gapsAndOverlaps() throws {
        let result = try Fixture.read(Fixture.calendar(
            Fixture.event("gap", "DTSTART;TZID=Europe/Berlin:20240331T023000")
            + Fixture.event("overlap", "DTSTART;TZID=Europe/Berlin:20241027T023000")
            + Fixture.event("gap-vtimezone", "DTSTART;TZID=Custom:20240331T023000")
            + Fixture.event("overlap-vtimezone", "DTSTART;TZID=Custom:20241027T023000")
            + Self.berlinDefinition("Custom")))
        #expect(result.occurrences(uid: "gap").first?.start == utc("20240331T013000Z"))
        #expect(result.occurrences(uid: "gap").first?.localTime(in: "Europe/Berlin") == "03:30")
        #expect(result.occurrences(uid: "overlap").first?.start == utc("20241027T003000Z"))
        #expect(result.occurrences(uid: "gap-vtimezone").first?.start == utc("20240331T013000Z"))
        #expect(result.occurrences(uid: "overlap-vtimezone").first?.start == utc("20241027T003000Z"))
    }

    @Test("The VTIMEZONE wins over an IANA name it shadows; an unusable one falls back to the name")
    func vtimezonePreferred() throws {
        let fixedPlusThree = ["BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                              "TZOFFSETFROM:+0300", "TZOFFSETTO:+0300", "END:STANDARD", "END:VTIMEZONE"]
        let broken = ["BEGIN:VTIMEZONE", "TZID:Europe/Paris", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                      "TZOFFSETFROM:+0100", "END:STANDARD", "END:VTIMEZONE"]
        let result = try Fixture.read(Fixture.calendar(fixedPlusThree + broken
            + Fixture.event("shadowed", "DTSTART;TZID=Europe/Berlin:20240105T090000")
            + Fixture.event("fallback", "DTSTART;TZID=Europe/Paris:20240105T090000")))
        #expect(result.occurrences(uid: "shadowed").first?.start == utc("20240105T060000Z"))
        #expect(result.occurrences(uid: "fallback").first?.start == utc("20240105T080000Z"))
    }

    @Test("VTIMEZONE observances given by RDATE, and a southern-hemisphere zone")
    func observanceVariants() throws {
        let rdateZone = ["BEGIN:VTIMEZONE", "TZID:Listed",
                         "BEGIN:STANDARD", "DTSTART:20231029T030000", "RDATE:20241027T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
                         "BEGIN:DAYLIGHT", "DTSTART:20240331T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
                         "END:VTIMEZONE"]
        let sydney = ["BEGIN:VTIMEZONE", "TZID:AUS Eastern Standard Time",
                      "BEGIN:STANDARD", "DTSTART:16010101T030000", "TZOFFSETFROM:+1100", "TZOFFSETTO:+1000",
                      "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=4", "END:STANDARD",
                      "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETFROM:+1000", "TZOFFSETTO:+1100",
                      "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=10", "END:DAYLIGHT",
                      "END:VTIMEZONE"]
        let result = try Fixture.read(Fixture.calendar(rdateZone + sydney
            + Fixture.event("listed", "DTSTART;TZID=Listed:20240101T120000", ["RDATE;TZID=Listed:20240701T120000,20241201T120000"])
            + Fixture.event("sydney", "DTSTART;TZID=AUS Eastern Standard Time:20240103T090000",
                            ["RRULE:FREQ=MONTHLY;BYMONTHDAY=3;COUNT=12"])))
        #expect(result.occurrences(uid: "listed").map(\.start)
                == [utc("20240101T110000Z"), utc("20240701T100000Z"), utc("20241201T110000Z")])
        let sydneyStarts = result.occurrences(uid: "sydney")
        #expect(sydneyStarts.count == 12)
        #expect(sydneyStarts.allSatisfy { $0.localTime(in: "Australia/Sydney") == "09:00" })
        #expect(sydneyStarts.first?.start == utc("20240102T220000Z"))
        #expect(sydneyStarts[5].start == utc("20240602T230000Z"))
    }

    @Test("DTEND in another zone than DTSTART gives the exact duration")
    func durationAcrossZones() throws {
        let result = try Fixture.read(Fixture.calendar(Fixture.event(
            "flight", "DTSTART;TZID=Europe/London:20240601T090000", ["DTEND;TZID=America/New_York:20240601T120000"])))
        #expect(result.occurrences.first?.durationSeconds == 8 * 3600)
    }

    @Test("Every Windows mapping resolves with Foundation, and the table covers the common zones")
    func windowsTable() {
        #expect(WindowsTimeZones.mappings.count >= 60)
        let unresolved = WindowsTimeZones.mappings.filter { TimeZone(identifier: $0.iana) == nil }.map(\.iana)
        #expect(unresolved.isEmpty)
        #expect(WindowsTimeZones.ianaIdentifier(forWindowsName: "pacific standard time") == "America/Los_Angeles")
        #expect(WindowsTimeZones.ianaIdentifier(forWindowsName: "India Standard Time") == "Asia/Kolkata")
        #expect(WindowsTimeZones.ianaIdentifier(forWindowsName: "Atlantis Standard Time") == nil)
    }

    @Test("Zone offsets match Foundation hour by hour, for Foundation zones and for a VTIMEZONE",
          arguments: ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "America/Sao_Paulo"])
    func offsetsMatchFoundation(identifier: String) throws {
        let foundation = try #require(TimeZone(identifier: identifier))
        let zone = Zone(rules: .foundation(foundation))
        let start = utc("20100101T000000Z")
        var mismatches: [Int] = []
        for hour in stride(from: 0, to: 24 * 366 * 15, by: 7) {
            let instant = start + hour * 3600
            let expected = foundation.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
            let nearTransition = zone.offset(atUTC: instant - 3 * 3600) != zone.offset(atUTC: instant + 3 * 3600)
            if zone.offset(atUTC: instant) != expected
                || (!nearTransition && zone.utc(fromWall: instant + expected) != instant) {
                mismatches.append(instant)
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test("A VTIMEZONE with Berlin's rules matches Foundation's Europe/Berlin from 1996 to 2030")
    func vtimezoneMatchesFoundation() throws {
        let result = try Fixture.read(Fixture.calendar(Self.berlinDefinition("Custom")
            + Fixture.event("custom", "DTSTART;TZID=Custom:19960101T093000", ["RRULE:FREQ=DAILY"])
            + Fixture.event("iana", "DTSTART;TZID=Europe/Berlin:19960101T093000", ["RRULE:FREQ=DAILY"])),
            window: window("1996-01-01", "2030-01-01"), limit: 20_000)
        let custom = result.occurrences(uid: "custom").map(\.start)
        let iana = result.occurrences(uid: "iana").map(\.start)
        #expect(custom.count == 12_419)
        #expect(custom == iana)
        #expect(result.skipped[.capped] == nil)
    }
}
