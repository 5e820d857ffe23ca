/// A parsed and validated RRULE (RFC 5545 3.3.10).
///
/// Validation is strict about what would make expansion meaningless (unknown
/// frequency, malformed numbers, ordinals where the RFC forbids them) so a
/// broken rule becomes an event-level problem instead of a wrong series.
struct RecurrenceRule: Sendable, Hashable {
    enum Frequency: String, Sendable, Hashable {
        case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"
    }

    /// A BYDAY entry: a weekday (0 = Monday ... 6 = Sunday) with an optional
    /// ordinal (`2TU` is the second Tuesday, `-1FR` the last Friday; 0 = every).
    struct WeekdayNumber: Sendable, Hashable {
        let ordinal: Int
        let weekday: Int
    }

    /// An RRULE that cannot be used, with what was expected.
    struct Invalid: Error {
        let message: String
    }

    /// Largest INTERVAL kept: no second instance of a larger interval can fall
    /// within years 1...9999 for any frequency, so clamping changes nothing.
    static let maximumInterval = 10_000_000

    private(set) var frequency: Frequency = .daily
    private(set) var interval = 1
    private(set) var count: Int?
    private(set) var until: TimeValue?
    private(set) var byMonth: [Int] = []
    private(set) var byWeekNumber: [Int] = []
    private(set) var byYearDay: [Int] = []
    private(set) var byMonthDay: [Int] = []
    private(set) var byDay: [WeekdayNumber] = []
    private(set) var byHour: [Int] = []
    private(set) var byMinute: [Int] = []
    private(set) var bySecond: [Int] = []
    private(set) var bySetPosition: [Int] = []
    /// First day of the week, 0 = Monday (the RFC default).
    private(set) var weekStart = 0

    static let weekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    init(parsing text: String) throws(Invalid) {
        var sawFrequency = false
        for part in text.trimmingBlanks().uppercased().split(separator: ";", omittingEmptySubsequences: true) {
            guard let equals = part.firstIndex(of: "=") else {
                throw Invalid(message: "RRULE: expected NAME=VALUE parts, found '\(part)'")
            }
            let name = part[..<equals]
            let value = part[part.index(after: equals)...]
            switch name {
            case "FREQ":
                guard let frequency = Frequency(rawValue: String(value)) else {
                    let subDaily = ["HOURLY", "MINUTELY", "SECONDLY"].contains(String(value))
                    throw Invalid(message: "RRULE: expected FREQ=DAILY, WEEKLY, MONTHLY or YEARLY, found FREQ=\(value)"
                        + (subDaily ? " (sub-daily frequencies are not supported)" : ""))
                }
                self.frequency = frequency
                sawFrequency = true
            case "INTERVAL":
                guard let interval = ValueParsing.integer(value), interval >= 1 else {
                    throw Invalid(message: "RRULE: expected INTERVAL to be a positive integer, found INTERVAL=\(value)")
                }
                self.interval = min(interval, RecurrenceRule.maximumInterval)
            case "COUNT":
                guard let count = ValueParsing.integer(value), count >= 1 else {
                    throw Invalid(message: "RRULE: expected COUNT to be a positive integer, found COUNT=\(value)")
                }
                self.count = count
            case "UNTIL":
                guard let until = TimeValue(parsing: value) else {
                    throw Invalid(message: "RRULE: expected UNTIL to be a DATE or DATE-TIME, found UNTIL=\(value)")
                }
                self.until = until
            case "BYMONTH": byMonth = try RecurrenceRule.numbers(value, name, 1...12, allowNegative: false)
            case "BYWEEKNO": byWeekNumber = try RecurrenceRule.numbers(value, name, 1...53, allowNegative: true)
            case "BYYEARDAY": byYearDay = try RecurrenceRule.numbers(value, name, 1...366, allowNegative: true)
            case "BYMONTHDAY": byMonthDay = try RecurrenceRule.numbers(value, name, 1...31, allowNegative: true)
            case "BYHOUR": byHour = try RecurrenceRule.numbers(value, name, 0...23, allowNegative: false)
            case "BYMINUTE": byMinute = try RecurrenceRule.numbers(value, name, 0...59, allowNegative: false)
            case "BYSECOND": bySecond = try RecurrenceRule.numbers(value, name, 0...60, allowNegative: false)
            case "BYSETPOS": bySetPosition = try RecurrenceRule.numbers(value, name, 1...1_000_000, allowNegative: true)
            case "BYDAY": byDay = try RecurrenceRule.weekdayNumbers(value)
            case "WKST":
                guard let weekStart = RecurrenceRule.weekdayCodes.firstIndex(of: String(value)) else {
                    throw Invalid(message: "RRULE: expected WKST to be one of MO, TU, WE, TH, FR, SA, SU, found WKST=\(value)")
                }
                self.weekStart = weekStart
            default:
                guard name.hasPrefix("X-") else {
                    throw Invalid(message: "RRULE: expected a known rule part (FREQ, UNTIL, COUNT, INTERVAL, BY..., WKST), found '\(name)'")
                }
            }
        }
        guard sawFrequency else {
            throw Invalid(message: "RRULE: expected a FREQ part, found '\(text)'")
        }
        if !byWeekNumber.isEmpty && frequency != .yearly {
            throw Invalid(message: "RRULE: BYWEEKNO is only valid with FREQ=YEARLY, found FREQ=\(frequency.rawValue)")
        }
        if byDay.contains(where: { $0.ordinal != 0 }) {
            let allowed = frequency == .monthly || (frequency == .yearly && byWeekNumber.isEmpty)
            guard allowed else {
                throw Invalid(message: "RRULE: BYDAY ordinals such as 2TU are only valid with FREQ=MONTHLY, "
                    + "or FREQ=YEARLY without BYWEEKNO")
            }
        }
    }

    /// Parses a comma list of integers within `range` (or its negation).
    private static func numbers(_ value: Substring, _ name: Substring, _ range: ClosedRange<Int>, allowNegative: Bool) throws(Invalid) -> [Int] {
        var result: [Int] = []
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            guard let number = ValueParsing.integer(item, limit: range.upperBound + 1),
                  range.contains(number) || (allowNegative && range.contains(-number) && number != 0) else {
                let expected = allowNegative ? "\(range.lowerBound)...\(range.upperBound) or negative" : "\(range.lowerBound)...\(range.upperBound)"
                throw Invalid(message: "RRULE: expected \(name) values in \(expected), found \(name)=\(value)")
            }
            result.append(number)
        }
        return Array(Set(result)).sorted()
    }

    /// Parses BYDAY entries such as `MO`, `2TU`, `-1FR`, `+3WE`.
    private static func weekdayNumbers(_ value: Substring) throws(Invalid) -> [WeekdayNumber] {
        var result: [WeekdayNumber] = []
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            let code = item.suffix(2)
            let ordinalText = item.dropLast(2)
            guard let weekday = weekdayCodes.firstIndex(of: String(code)) else {
                throw Invalid(message: "RRULE: expected BYDAY entries like MO, 2TU or -1FR, found BYDAY=\(value)")
            }
            var ordinal = 0
            if !ordinalText.isEmpty {
                guard let number = ValueParsing.integer(ordinalText, limit: 54), number != 0, (-53...53).contains(number),
                      !ordinalText.contains(" ") else {
                    throw Invalid(message: "RRULE: expected BYDAY ordinals in 1...53 or -53...-1, found BYDAY=\(value)")
                }
                ordinal = number
            }
            result.append(WeekdayNumber(ordinal: ordinal, weekday: weekday))
        }
        return Array(Set(result))
    }
}
