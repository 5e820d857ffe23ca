import Foundation
import Testing
@testable import ICalendar

@Suite("Values and calendar arithmetic")
struct ValueTests {
    @Test("Civil dates and weekdays agree with Foundation's Gregorian calendar from 1601 to 2400")
    func civilArithmeticMatchesFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var mismatches: [Int] = []
        for day in stride(from: CivilCalendar.day(year: 1601, month: 1, day: 1), to: CivilCalendar.day(year: 2400, month: 1, day: 1), by: 37) {
            let components = calendar.dateComponents([.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: TimeInterval(day * 86_400)))
            let civil = CivilCalendar.date(ofDay: day)
            // Foundation: 1 = Sunday ... 7 = Saturday; ours: 0 = Monday ... 6 = Sunday.
            let foundationWeekday = ((components.weekday ?? 0) + 5) % 7
            if civil.year != components.year || civil.month != components.month || civil.day != components.day
                || CivilCalendar.weekday(ofDay: day) != foundationWeekday
                || CivilCalendar.day(year: civil.year, month: civil.month, day: civil.day) != day {
                mismatches.append(day)
            }
        }
        #expect(mismatches.isEmpty)
        #expect(CivilCalendar.day(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilCalendar.weekday(ofDay: 0) == 3)
        #expect(CivilCalendar.floorDiv(-1, 86_400) == -1)
        #expect(CivilCalendar.ceilDiv(-7, 7) == -1)
    }

    @Test("LocalDate normalises, clamps, orders and prints ISO dates")
    func localDate() {
        #expect(LocalDate(year: 2024, month: 2, day: 30) == LocalDate(year: 2024, month: 3, day: 1))
        #expect(LocalDate(year: 2023, month: 13, day: 1) == LocalDate(year: 2024, month: 1, day: 1))
        #expect(LocalDate(year: 2024, month: 0, day: 31).description == "2023-12-31")
        #expect(LocalDate(year: Int.max, month: Int.min, day: Int.max).description == "9999-12-31")
        #expect(LocalDate(year: 5, month: 6, day: 7).description == "0005-06-07")
        #expect(LocalDate(year: 2024, month: 1, day: 31) < LocalDate(year: 2024, month: 2, day: 1))
    }

    @Test("DATE and DATE-TIME values", arguments: [
        ("20240229", "date 19782"),
        ("20240229T235960z", "local 1709251199 utc"),
        ("  19700101T000000  ", "local 0"),
        ("20230229", "invalid"), ("20241301", "invalid"), ("20240101T240000", "invalid"),
        ("2024-01-01", "invalid"), ("20240101T1000", "invalid"), ("20240101X100000", "invalid"), ("", "invalid"),
    ])
    func timeValues(text: String, expected: String) {
        let described: String
        switch TimeValue(parsing: text) {
        case .date(let day): described = "date \(day)"
        case .dateTime(let wall, let isUTC): described = "local \(wall)" + (isUTC ? " utc" : "")
        case nil: described = "invalid"
        }
        #expect(described == expected)
    }

    @Test("DURATION values; negative or malformed ones are rejected")
    func durations() {
        #expect(ValueParsing.durationSeconds("PT1H30M") == 5400)
        #expect(ValueParsing.durationSeconds("P1D") == 86_400)
        #expect(ValueParsing.durationSeconds("+P2W") == 1_209_600)
        #expect(ValueParsing.durationSeconds("P1DT2H3M4S") == 93_784)
        #expect(ValueParsing.durationSeconds("p0d") == 0)
        #expect(ValueParsing.durationSeconds("-PT5M") == nil)
        #expect(ValueParsing.durationSeconds("PT") == nil)
        #expect(ValueParsing.durationSeconds("P1H") == nil)
        #expect(ValueParsing.durationSeconds("PT5") == nil)
        #expect(ValueParsing.durationSeconds("P999999999999D") == nil)
    }

    @Test("UTC offsets")
    func offsets() {
        #expect(ValueParsing.utcOffsetSeconds("+0100") == 3600)
        #expect(ValueParsing.utcOffsetSeconds("-0530") == -19_800)
        #expect(ValueParsing.utcOffsetSeconds("+013045") == 5445)
        #expect(ValueParsing.utcOffsetSeconds("0100") == nil)
        #expect(ValueParsing.utcOffsetSeconds("+01:00") == nil)
        #expect(ValueParsing.utcOffsetSeconds("+2500") == nil)
    }

    @Test("RRULE parsing keeps parts, clamps INTERVAL and accepts lowercase and trailing semicolons")
    func ruleParsing() throws {
        let rule = try RecurrenceRule(parsing: "freq=monthly;interval=99999999999;byday=-1fr,2TU;bysetpos=-1;wkst=su;")
        #expect(rule.frequency == .monthly)
        #expect(rule.interval == RecurrenceRule.maximumInterval)
        #expect(Set(rule.byDay) == [.init(ordinal: -1, weekday: 4), .init(ordinal: 2, weekday: 1)])
        #expect(rule.bySetPosition == [-1])
        #expect(rule.weekStart == 6)
        #expect(throws: RecurrenceRule.Invalid.self) { try RecurrenceRule(parsing: "FREQ=DAILY;BYHOUR=24") }
        #expect(throws: RecurrenceRule.Invalid.self) { try RecurrenceRule(parsing: "FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO") }
    }
}
