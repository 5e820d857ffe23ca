import Foundation
import Testing
import ICalendar

@Suite("Hostile input and error reporting")
struct RobustnessTests {
    /// Fails the test if `body` takes longer than `seconds` (debug build).
    static func quickly<T>(_ seconds: Double = 2, _ body: () throws -> T) rethrows -> T {
        let start = Date()
        let value = try body()
        #expect(Date().timeIntervalSince(start) < seconds)
        return value
    }

    @Test("COUNT=1000000000 over a window returns the window's days and stops")
    func hugeCount() throws {
        let result = try Self.quickly {
            try Fixture.read(Fixture.calendar(Fixture.event(
                "huge", "DTSTART:20240101T100000Z", ["RRULE:FREQ=DAILY;COUNT=1000000000"])))
        }
        #expect(result.occurrences.count == 366)
        #expect(result.dates.last == "2024-12-31")
    }

    @Test("The occurrence cap stops a series and is reported")
    func occurrenceCap() throws {
        let result = try Self.quickly {
            try Fixture.read(
                Fixture.calendar(Fixture.event("busy", "DTSTART:20240101T000000Z",
                                               ["RRULE:FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,15,30,45"])
                                 + Fixture.event("calm", "DTSTART:20240101T000000Z", ["RRULE:FREQ=MONTHLY"])),
                limit: 500)
        }
        #expect(result.occurrences(uid: "busy").count == 500)
        #expect(result.occurrences(uid: "busy").last?.start == utc("20240106T050000Z") - 15 * 60)
        #expect(result.occurrences(uid: "calm").count == 12)
        #expect(result.skipped[.capped] == 1)
        #expect(result.cappedUIDs == ["busy"])
    }

    @Test("The per-file cap bounds memory: series past it are counted as capped")
    func fileCap() throws {
        let events = (0..<5).flatMap { Fixture.event("daily-\($0)", "DTSTART:20240101T10000\($0)Z", ["RRULE:FREQ=DAILY"]) }
        let result = try ICalendarReader(maxOccurrencesPerSeries: 5000, maxOccurrencesPerFile: 500)
            .read(Fixture.bytes(Fixture.calendar(events)), fileName: "many.ics", window: Fixture.year2024)
        #expect(result.occurrences.count == 500)
        #expect(result.occurrences(uid: "daily-0").count == 366)
        #expect(result.occurrences(uid: "daily-1").count == 134)
        #expect(result.cappedUIDs == ["daily-1", "daily-2", "daily-3", "daily-4"])
        #expect(result.skipped[.capped] == 4)
    }

    @Test("Rules that never match stop after fifty quiet years with only DTSTART, reported as capped",
          arguments: [
            "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30,31",
            "FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=400",
            "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=5",
            "FREQ=YEARLY;BYSETPOS=-400;BYDAY=MO;COUNT=3",
          ])
    func neverMatching(rule: String) throws {
        let result = try Self.quickly {
            try Fixture.read(
                Fixture.calendar(Fixture.event("never", "DTSTART:00010101T100000Z", ["RRULE:\(rule)"])),
                window: window("0001-01-01", "9999-12-31"))
        }
        #expect(result.problems.isEmpty)
        #expect(result.dates == ["0001-01-01"])
        #expect(result.skipped[.capped] == 1)
    }

    @Test("Rules that never match within an ordinary window return nothing and are not capped")
    func neverMatchingInWindow() throws {
        let result = try Fixture.read(Fixture.calendar(
            Fixture.event("feb31", "DTSTART:20230131T100000Z", ["RRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2"])
            + Fixture.event("setpos", "DTSTART:20230102T100000Z", ["RRULE:FREQ=WEEKLY;BYDAY=MO;BYSETPOS=400;COUNT=10"])))
        #expect(result.occurrences.isEmpty)
        #expect(result.problems.isEmpty)
        #expect(result.skipped.isEmpty)
    }

    @Test("A rule that matches rarely is bounded by the work limit and reported as capped")
    func workLimit() throws {
        let result = try Self.quickly(5) {
            try Fixture.read(
                Fixture.calendar(Fixture.event("rare", "DTSTART:00010101T100000Z",
                                               ["RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;COUNT=100000000"])),
                window: window("9000-01-01", "9999-12-31"))
        }
        #expect(result.occurrences.isEmpty)
        #expect(result.skipped[.capped] == 1)
    }

    @Test("Absurd INTERVAL and sub-daily or broken rules", arguments: [
        ("FREQ=DAILY;INTERVAL=99999999999999999999", nil),
        ("FREQ=SECONDLY", "sub-daily"),
        ("FREQ=MINUTELY;INTERVAL=1", "sub-daily"),
        ("FREQ=HOURLY;COUNT=5", "sub-daily"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL"),
        ("FREQ=DAILY;INTERVAL=-2", "INTERVAL"),
        ("FREQ=FOO", "FREQ=DAILY, WEEKLY, MONTHLY or YEARLY"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY"),
        ("FREQ=WEEKLY;BYDAY=2MO", "ordinals"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY"),
        ("FREQ=MONTHLY;BYMONTH=13", "BYMONTH"),
        ("FREQ=DAILY;COUNT=0", "COUNT"),
        ("FREQ=DAILY;UNTIL=2024", "UNTIL"),
        ("BYDAY=MO", "FREQ"),
        ("FREQ=DAILY;BOGUS=1", "known rule part"),
        ("FREQ=MONTHLY;BYWEEKNO=3", "BYWEEKNO"),
    ] as [(String, String?)])
    func hostileRules(rule: String, expectedMessage: String?) throws {
        let result = try Self.quickly {
            try Fixture.read(Fixture.calendar(
                Fixture.event("hostile", "DTSTART:20240101T100000Z", ["RRULE:\(rule)"])
                + Fixture.event("fine", "DTSTART:20240102T100000Z")))
        }
        #expect(result.occurrences(uid: "fine").count == 1)
        if let expectedMessage {
            let problem = try #require(result.problems.first)
            #expect(result.problems.count == 1)
            #expect(problem.uid == "hostile")
            #expect(problem.line == 8)
            #expect(problem.message.contains(expectedMessage))
            #expect(result.occurrences(uid: "hostile").isEmpty)
        } else {
            #expect(result.problems.isEmpty)
            #expect(result.occurrences(uid: "hostile").map(\.startDate.description) == ["2024-01-01"])
        }
    }

    @Test("Event-level problems are confined to their event and carry line, UID and what was expected")
    func eventProblems() throws {
        let result = try Fixture.read(Fixture.calendar([
            "BEGIN:VEVENT", "UID:no-start", "SUMMARY:x", "END:VEVENT",                          // lines 4-7
            "BEGIN:VEVENT", "DTSTART:20240105T100000Z", "END:VEVENT",                           // lines 8-10
            "BEGIN:VEVENT", "UID:bad-date", "DTSTART:20240230T100000Z", "END:VEVENT",           // lines 11-14
            "BEGIN:VEVENT", "UID:bad-duration", "DTSTART:20240105T100000Z", "DURATION:-PT5M", "END:VEVENT",  // 15-19
            "BEGIN:VEVENT", "UID:backwards", "DTSTART:20240105T100000Z", "DTEND:20240105T090000Z", "END:VEVENT", // 20-24
            "BEGIN:VEVENT", "UID:ok", "DTSTART:20240106T100000Z", "DURATION:P1DT2H", "END:VEVENT",   // 25-29
        ]))
        #expect(result.occurrences.map(\.uid) == ["ok"])
        #expect(result.occurrences.first?.durationSeconds == 93_600)
        #expect(result.problems.map(\.line) == [4, 8, 13, 18, 23])
        #expect(result.problems.map(\.uid) == ["no-start", nil, "bad-date", "bad-duration", "backwards"])
        #expect(result.problems[0].message.contains("expected a DTSTART"))
        #expect(result.problems[1].message.contains("expected a UID"))
        #expect(result.problems[2].message.contains("found '20240230T100000Z'"))
        #expect(result.problems[3].message.contains("non-negative duration"))
        #expect(result.problems[4].message.contains("before DTSTART"))
    }

    @Test("A broken master takes its overrides with it, each reported")
    func brokenMasterOverrides() throws {
        let result = try Fixture.read(Fixture.calendar(
            Fixture.event("s", "DTSTART:20240101T100000Z", ["RRULE:FREQ=WEEKLY;BYDAY=XX"])
            + Fixture.event("s", "DTSTART:20240109T100000Z", ["RECURRENCE-ID:20240108T100000Z"])))
        #expect(result.occurrences.isEmpty)
        #expect(result.problems.map(\.line) == [8, 10])
        #expect(result.problems.last?.message.contains("line 4") == true)
    }

    @Test("A file that is not iCalendar is a file-level error")
    func notICalendar() throws {
        let csv = Fixture.error(Array("Subject,Start Date,Start Time\nStandup,2024-03-01,09:00\n".utf8))
        #expect(csv?.kind == .notICalendar)
        #expect(csv?.line == 1)
        #expect(csv?.fileName == "broken.ics")
        #expect(csv?.message.contains("expected BEGIN:VCALENDAR") == true)
        let vcard = Fixture.error(Array("\r\n\r\nBEGIN:VCARD\r\nFN:Ann\r\nEND:VCARD\r\n".utf8))
        #expect(vcard?.kind == .notICalendar)
        #expect(vcard?.line == 3)
        let empty = Fixture.error([])
        #expect(empty?.kind == .notICalendar)
        #expect(empty?.message.contains("end of the file") == true)
    }

    @Test("Truncated files name the line of the unclosed BEGIN")
    func truncated() throws {
        let full = Fixture.calendar(Fixture.event("a", "DTSTART:20240101T100000Z") + Fixture.event("b", "DTSTART:20240101T100000Z"))
        let missingEndCalendar = Fixture.error(Fixture.bytes(Array(full.dropLast())))
        #expect(missingEndCalendar?.kind == .unclosedComponent)
        #expect(missingEndCalendar?.line == 1)
        #expect(missingEndCalendar?.message.contains("expected END:VCALENDAR") == true)
        let cutInsideEvent = Fixture.error(Fixture.bytes(Array(full.prefix(11))))
        #expect(cutInsideEvent?.kind == .unclosedComponent)
        #expect(cutInsideEvent?.line == 9)
        #expect(cutInsideEvent?.description == "broken.ics:9: BEGIN:VEVENT is never closed (expected END:VEVENT before the end of the file)")
        var missingEndEvent = full
        missingEndEvent.remove(at: 12)
        let mismatched = Fixture.error(Fixture.bytes(missingEndEvent))
        #expect(mismatched?.line == 9)
        #expect(mismatched?.message.contains("found END:VCALENDAR at line 13") == true)
    }

    @Test("Invalid UTF-8 is a file-level error naming the physical line")
    func invalidUTF8() throws {
        var bytes = Fixture.bytes(Fixture.calendar(
            Fixture.event("a", "DTSTART:20240101T100000Z", ["DESCRIPTION:first", " second", " third"])))
        let marker = try #require(bytes.indices.first { bytes[$0] == UInt8(ascii: "t") && bytes[$0 + 1] == UInt8(ascii: "h") && bytes[$0 + 2] == UInt8(ascii: "i") })
        bytes[marker] = 0xFF
        let error = Fixture.error(bytes)
        #expect(error?.kind == .invalidUTF8)
        #expect(error?.line == 10)
        let overlong = Fixture.error(Fixture.bytes(Fixture.calendar(Fixture.event("b", "DTSTART:20240101T100000Z"))) + [0xC0, 0xAF])
        #expect(overlong?.kind == .invalidUTF8)
        #expect(overlong?.line == 10)
    }

    @Test("Deep nesting and junk lines do not break the reader")
    func nestingAndJunk() throws {
        let nested = Array(repeating: "BEGIN:X-DEEP", count: 20_000) + Array(repeating: "END:X-DEEP", count: 20_000)
        let result = try Self.quickly {
            try Fixture.read(Fixture.calendar(
                ["BEGIN:VEVENT", "UID:deep", "DTSTART:20240101T100000Z"] + nested
                + ["this line lost its fold and has no colon", "Agenda: a prose line that looks like a property", "END:VEVENT"]))
        }
        #expect(result.occurrences.map(\.uid) == ["deep"])
    }
}
