/// A civil calendar date (proleptic Gregorian) without time or zone.
///
/// Occurrences report their start date in the event's own time zone with this
/// type, and callers express the expansion window with it, so that "which day
/// did this meeting happen on" never depends on the machine's time zone.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date. Out-of-range months or days are normalised the way
    /// date arithmetic would (month 13 is January of the next year,
    /// 2024-02-30 is 2024-03-01), so every value is a real date; the result
    /// is then clamped to years 1...9999, the range iCalendar can express.
    public init(year: Int, month: Int, day: Int) {
        let limit = 100_000
        let monthIndex = min(max(year, -limit), limit) * 12 + (min(max(month, -limit), limit) - 1)
        let firstOfMonth = CivilCalendar.day(
            year: CivilCalendar.floorDiv(monthIndex, 12),
            month: CivilCalendar.floorMod(monthIndex, 12) + 1,
            day: 1)
        let dayNumber = firstOfMonth + min(max(day, -limit * 400), limit * 400) - 1
        self.init(dayNumber: min(max(dayNumber, CivilCalendar.firstSupportedDay), CivilCalendar.lastSupportedDay))
    }

    init(dayNumber: Int) {
        let civil = CivilCalendar.date(ofDay: dayNumber)
        year = civil.year
        month = civil.month
        day = civil.day
    }

    /// Days since 1970-01-01.
    var dayNumber: Int {
        CivilCalendar.day(year: year, month: month, day: day)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601 form, e.g. `2024-03-31`.
    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}
