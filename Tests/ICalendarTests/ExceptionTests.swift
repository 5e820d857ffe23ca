import Testing
import ICalendar

@Suite("EXDATE, RDATE and RECURRENCE-ID overrides")
struct ExceptionTests {
    static let berlinWeekly = "DTSTART;TZID=Europe/Berlin:20240101T090000"

    @Test("EXDATE forms: zoned, UTC, several per line, several lines, DATE values, floating read in the event's zone")
    func exceptionDateForms() throws {
        let result = try Fixture.read(Fixture.calendar(Fixture.event("ex", Self.berlinWeekly, [
            "RRULE:FREQ=DAILY;COUNT=10",
            "EXDATE;TZID=Europe/Berlin:20240102T090000,20240103T090000",
            "EXDATE:20240104T080000Z",
            "EXDATE;VALUE=DATE:20240105",
            "EXDATE:20240106T090000",
            "EXDATE;TZID=Europe/Berlin:20240107T100000",
        ])))
        #expect(result.dates == ["2024-01-01", "2024-01-07", "2024-01-08", "2024-01-09", "2024-01-10"])
    }

    @Test("EXDATE on an all-day series matches by date")
    func allDayExceptions() throws {
        let result = try Fixture.read(Fixture.calendar(Fixture.event("allday", "DTSTART;VALUE=DATE:20240101", [
            "DTEND;VALUE=DATE:20240102", "RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE;VALUE=DATE:20240108,20240115",
        ])))
        #expect(result.dates == ["2024-01-01", "2024-01-22"])
        #expect(result.occurrences.allSatisfy { $0.isAllDay && $0.durationSeconds == 86_400 })
        #expect(result.occurrences.first?.start == utc("20240101T000000Z"))
    }

    @Test("RDATE adds instances: several per line, several lines, UTC, DATE and PERIOD values; duplicates collapse")
    func recurrenceDates() throws {
        let result = try Fixture.read(Fixture.calendar(Fixture.event("rdate", Self.berlinWeekly, [
            "DTEND;TZID=Europe/Berlin:20240101T100000",
            "RRULE:FREQ=WEEKLY;COUNT=2",
            "RDATE;TZID=Europe/Berlin:20240103T090000,20240104T150000",
            "RDATE:20240105T120000Z",
            "RDATE;VALUE=DATE:20240106",
            "RDATE;VALUE=PERIOD:20240107T100000Z/20240107T120000Z,20240109T100000Z/PT1H",
            "RDATE;TZID=Europe/Berlin:20240108T090000",
            "EXDATE;TZID=Europe/Berlin:20240104T150000",
        ])))
        #expect(result.occurrences.map(\.start) == [
            utc("20240101T080000Z"), utc("20240103T080000Z"), utc("20240105T120000Z"), utc("20240106T080000Z"),
            utc("20240107T100000Z"), utc("20240108T080000Z"), utc("20240109T100000Z"),
        ])
        #expect(result.occurrences.allSatisfy { $0.durationSeconds == 3600 })
    }

    @Test("RECURRENCE-ID moves an instance into and out of the window")
    func overridesAcrossWindow() throws {
        let result = try Fixture.read(
            Fixture.calendar(
                Fixture.event("series", Self.berlinWeekly, ["RRULE:FREQ=WEEKLY;COUNT=6", "SUMMARY:Weekly"])
                + Fixture.event("series", "DTSTART;TZID=Europe/Berlin:20240301T090000",
                                ["RECURRENCE-ID;TZID=Europe/Berlin:20240115T090000", "SUMMARY:Moved out"])
                + Fixture.event("series", "DTSTART;TZID=Europe/Berlin:20240120T140000",
                                ["RECURRENCE-ID;TZID=Europe/Berlin:20240101T090000", "SUMMARY:Moved in"])),
            window: window("2024-01-08", "2024-02-01"))
        #expect(result.dates == ["2024-01-08", "2024-01-20", "2024-01-22", "2024-01-29"])
        let movedIn = try #require(result.occurrences.first { $0.isOverride })
        #expect(movedIn.summary == "Moved in")
        #expect(movedIn.originalStart == utc("20240101T080000Z"))
        #expect(movedIn.start == utc("20240120T130000Z"))
    }

    @Test("A RECURRENCE-ID in UTC replaces the local-time instance it names; one naming nothing is an extra instance")
    func overrideMatching() throws {
        let result = try Fixture.read(Fixture.calendar(
            Fixture.event("s", Self.berlinWeekly, ["RRULE:FREQ=WEEKLY;COUNT=3"])
            + Fixture.event("s", "DTSTART;TZID=Europe/Berlin:20240109T100000", ["RECURRENCE-ID:20240108T080000Z"])
            + Fixture.event("s", "DTSTART;TZID=Europe/Berlin:20240302T090000",
                            ["RECURRENCE-ID;TZID=Europe/Berlin:20240301T090000"])
            + Fixture.event("s", "DTSTART;TZID=Europe/Berlin:20240110T090000",
                            ["RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20240115T090000"])))
        #expect(result.dates == ["2024-01-01", "2024-01-09", "2024-01-10", "2024-03-02"])
        #expect(result.occurrences.map(\.isOverride) == [false, true, true, true])
        #expect(result.occurrences[3].originalStart == utc("20240301T080000Z"))
    }

    @Test("Overrides bring their own attendees, status and sequence; a cancelled instance stays visible as cancelled")
    func overrideFacts() throws {
        let result = try Fixture.read(Fixture.calendar(
            Fixture.event("s", Self.berlinWeekly, [
                "RRULE:FREQ=WEEKLY;COUNT=3", "SEQUENCE:3",
                "ORGANIZER:mailto:lead@example.com", "ATTENDEE:mailto:a@example.com", "ATTENDEE:mailto:b@example.com",
            ])
            + Fixture.event("s", "DTSTART;TZID=Europe/Berlin:20240108T090000", [
                "RECURRENCE-ID;TZID=Europe/Berlin:20240108T090000", "SEQUENCE:4",
                "ORGANIZER:mailto:lead@example.com", "ATTENDEE:mailto:c@example.com",
            ])
            + Fixture.event("s", "DTSTART;TZID=Europe/Berlin:20240115T090000", [
                "RECURRENCE-ID;TZID=Europe/Berlin:20240115T090000", "STATUS:cancelled", "SEQUENCE:5",
            ])))
        #expect(result.occurrences.map(\.participants) == [
            ["lead@example.com", "a@example.com", "b@example.com"], ["lead@example.com", "c@example.com"], [],
        ])
        #expect(result.occurrences.map(\.isCancelled) == [false, false, true])
        #expect(result.occurrences.map(\.sequence) == [3, 4, 5])
        #expect(result.occurrences.map(\.originalStart) == [utc("20240101T080000Z"), utc("20240108T080000Z"), utc("20240115T080000Z")])
    }

    @Test("A cancelled master marks every instance cancelled, overrides included")
    func cancelledMaster() throws {
        let result = try Fixture.read(Fixture.calendar(
            Fixture.event("s", Self.berlinWeekly, ["RRULE:FREQ=WEEKLY;COUNT=2", "STATUS:CANCELLED"])
            + Fixture.event("s", "DTSTART;TZID=Europe/Berlin:20240109T090000", ["RECURRENCE-ID;TZID=Europe/Berlin:20240108T090000"])))
        #expect(result.dates == ["2024-01-01", "2024-01-09"])
        #expect(result.occurrences.allSatisfy { $0.isCancelled })
    }

    @Test("EXDATE takes precedence over an override of the excluded instance")
    func exceptionBeatsOverride() throws {
        let result = try Fixture.read(Fixture.calendar(
            Fixture.event("s", Self.berlinWeekly, ["RRULE:FREQ=WEEKLY;COUNT=3", "EXDATE;TZID=Europe/Berlin:20240108T090000"])
            + Fixture.event("s", "DTSTART;TZID=Europe/Berlin:20240109T090000", ["RECURRENCE-ID;TZID=Europe/Berlin:20240108T090000"])))
        #expect(result.dates == ["2024-01-01", "2024-01-15"])
    }

    @Test("An override without its master (invited to one instance) is an occurrence of its own")
    func orphanOverride() throws {
        let result = try Fixture.read(Fixture.calendar(Fixture.event(
            "orphan", "DTSTART;TZID=Europe/Berlin:20240110T090000",
            ["RECURRENCE-ID;TZID=Europe/Berlin:20240108T090000", "ATTENDEE:mailto:guest@example.com"])))
        let occurrence = try #require(result.occurrences.first)
        #expect(result.occurrences.count == 1)
        #expect(occurrence.isOverride)
        #expect(occurrence.start == utc("20240110T080000Z"))
        #expect(occurrence.originalStart == utc("20240108T080000Z"))
        #expect(occurrence.participants == ["guest@example.com"])
    }

    @Test("The same series in two VCALENDARs: overrides attach across calendars, the higher SEQUENCE master wins")
    func duplicatesAcrossCalendars() throws {
        let lines = Fixture.calendar(Fixture.event("s", Self.berlinWeekly, ["RRULE:FREQ=WEEKLY;COUNT=2", "SEQUENCE:1", "SUMMARY:Old"]))
            + Fixture.calendar(Fixture.event("s", Self.berlinWeekly, ["RRULE:FREQ=WEEKLY;COUNT=3", "SEQUENCE:2", "SUMMARY:New"]))
            + Fixture.calendar(Fixture.event("s", "DTSTART;TZID=Europe/Berlin:20240116T090000",
                                             ["RECURRENCE-ID;TZID=Europe/Berlin:20240115T090000", "SUMMARY:Moved"]))
        let result = try Fixture.read(lines)
        #expect(result.dates == ["2024-01-01", "2024-01-08", "2024-01-16"])
        #expect(result.occurrences.map(\.summary) == ["New", "New", "Moved"])
        #expect(result.skipped[.duplicate] == 1)
    }

    @Test("Expansion is driven by the window: a long daily series yields only the window's days")
    func windowDriven() throws {
        let result = try Fixture.read(
            Fixture.calendar(Fixture.event("daily", "DTSTART;TZID=Europe/Berlin:20100101T090000", ["RRULE:FREQ=DAILY"])),
            window: window("2024-02-27", "2024-03-02"))
        #expect(result.dates == ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"])
        #expect(result.skipped.isEmpty)
    }
}
