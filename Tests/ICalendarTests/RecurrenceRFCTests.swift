import Testing
import ICalendar

@Suite("RRULE expansion: RFC 5545 section 3.8.5.3 examples")
struct RecurrenceRFCTests {
    @Test("RFC example", arguments: rfcExamples)
    func rfcExample(_ example: RFCExample) throws {
        let ruleLines = ["RRULE:" + example.rule[0]] + example.rule.dropFirst()
        let result = try Fixture.read(
            Fixture.calendar(Fixture.event("rfc", "DTSTART;TZID=America/New_York:\(example.start)", ruleLines + example.extra)),
            window: example.window)
        #expect(result.problems.isEmpty)
        #expect(result.dates == example.expected)
        #expect(result.occurrences.allSatisfy { $0.localTime(in: "America/New_York") == "09:00" })
    }

    @Test("Local 09:00 across the DST change: EDT instants become EST instants")
    func instantsFollowWallClock() throws {
        let result = try Fixture.read(
            Fixture.calendar(Fixture.event("rfc", "DTSTART;TZID=America/New_York:19970902T090000",
                                           ["RRULE:FREQ=DAILY;UNTIL=19971224T000000Z"])),
            window: window("1997-01-01", "1998-01-01"))
        #expect(result.occurrences.count == 113)
        #expect(result.occurrences.first?.start == utc("19970902T130000Z"))
        #expect(result.occurrences.first(where: { $0.startDate == date("1997-10-25") })?.start == utc("19971025T130000Z"))
        #expect(result.occurrences.first(where: { $0.startDate == date("1997-10-26") })?.start == utc("19971026T140000Z"))
        #expect(result.occurrences.last?.start == utc("19971223T140000Z"))
    }

    @Test("Every 20 minutes from 9:00 to 16:40 every day (DAILY with BYHOUR and BYMINUTE)")
    func byHourAndMinute() throws {
        let result = try Fixture.read(
            Fixture.calendar(Fixture.event("minutes", "DTSTART;TZID=America/New_York:19970902T090000",
                                           ["RRULE:FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40"])),
            window: window("1997-09-02", "1997-09-04"))
        let times = result.occurrences.map { $0.localTime(in: "America/New_York") }
        #expect(result.occurrences.count == 48)
        #expect(Array(times.prefix(4)) == ["09:00", "09:20", "09:40", "10:00"])
        #expect(Array(times.suffix(3)) == ["16:00", "16:20", "16:40"])
        #expect(Set(result.dates) == ["1997-09-02", "1997-09-03"])
    }

    @Test("The last work day of the month via BYSETPOS=-1")
    func lastWorkDay() throws {
        let result = try Fixture.read(Fixture.calendar(Fixture.event(
            "last-work-day", "DTSTART;TZID=Europe/Berlin:20240131T160000",
            ["RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"])))
        #expect(result.dates == ["2024-01-31", "2024-02-29", "2024-03-29", "2024-04-30", "2024-05-31", "2024-06-28",
                                 "2024-07-31", "2024-08-30", "2024-09-30", "2024-10-31", "2024-11-29", "2024-12-31"])
    }

    @Test("MONTHLY on the 31st skips short months; YEARLY on February 29 keeps leap years only")
    func invalidDatesSkipped() throws {
        let result = try Fixture.read(
            Fixture.calendar(
                Fixture.event("31st", "DTSTART;VALUE=DATE:20240131", ["RRULE:FREQ=MONTHLY;COUNT=4"])
                + Fixture.event("leap", "DTSTART;VALUE=DATE:20200229", ["RRULE:FREQ=YEARLY"])),
            window: window("2020-01-01", "2030-01-01"))
        #expect(result.occurrences(uid: "31st").map(\.startDate.description) == ["2024-01-31", "2024-03-31", "2024-05-31", "2024-07-31"])
        #expect(result.occurrences(uid: "leap").map(\.startDate.description) == ["2020-02-29", "2024-02-29", "2028-02-29"])
    }

    @Test("DTSTART that does not match the rule is still the first occurrence and counts toward COUNT")
    func unsynchronizedStart() throws {
        let result = try Fixture.read(Fixture.calendar(Fixture.event(
            "unsync", "DTSTART:20240103T100000Z", ["RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3"])))
        #expect(result.dates == ["2024-01-03", "2024-01-08", "2024-01-15"])
    }

    @Test("UNTIL is inclusive, as a DATE and as a local DATE-TIME")
    func untilInclusive() throws {
        let result = try Fixture.read(Fixture.calendar(
            Fixture.event("date-until", "DTSTART;VALUE=DATE:20240101", ["RRULE:FREQ=DAILY;UNTIL=20240103"])
            + Fixture.event("local-until", "DTSTART;TZID=Europe/Berlin:20240101T090000",
                            ["RRULE:FREQ=DAILY;UNTIL=20240103T090000"])
            + Fixture.event("utc-until", "DTSTART;TZID=Europe/Berlin:20240101T090000",
                            ["RRULE:FREQ=DAILY;UNTIL=20240103T080000Z"])))
        #expect(result.occurrences(uid: "date-until").map(\.startDate.description) == ["2024-01-01", "2024-01-02", "2024-01-03"])
        #expect(result.occurrences(uid: "local-until").map(\.startDate.description) == ["2024-01-01", "2024-01-02", "2024-01-03"])
        #expect(result.occurrences(uid: "utc-until").map(\.startDate.description) == ["2024-01-01", "2024-01-02", "2024-01-03"])
    }

    @Test("YEARLY with BYMONTH and an ordinal BYDAY counts within the month; without BYMONTH within the year")
    func yearlyOrdinals() throws {
        let result = try Fixture.read(
            Fixture.calendar(
                Fixture.event("thanksgiving", "DTSTART;VALUE=DATE:20221124", ["RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH"])
                + Fixture.event("last-monday-of-year", "DTSTART;VALUE=DATE:20221226", ["RRULE:FREQ=YEARLY;BYDAY=-1MO"])),
            window: window("2022-01-01", "2026-01-01"))
        #expect(result.occurrences(uid: "thanksgiving").map(\.startDate.description)
                == ["2022-11-24", "2023-11-23", "2024-11-28", "2025-11-27"])
        #expect(result.occurrences(uid: "last-monday-of-year").map(\.startDate.description)
                == ["2022-12-26", "2023-12-25", "2024-12-30", "2025-12-29"])
    }

    @Test("WEEKLY with INTERVAL=2 keeps its cadence when the window starts years later")
    func fastForwardKeepsPhase() throws {
        let result = try Fixture.read(
            Fixture.calendar(Fixture.event("biweekly", "DTSTART;TZID=Europe/Berlin:20150105T100000",
                                           ["RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH"])),
            window: window("2024-01-01", "2024-01-31"))
        #expect(result.dates == ["2024-01-08", "2024-01-11", "2024-01-22", "2024-01-25"])
    }
}
