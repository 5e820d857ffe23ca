/// Proleptic Gregorian calendar arithmetic on plain integers.
///
/// Recurrence expansion runs in local wall-clock time and touches every candidate
/// day, so it must not go through Foundation's `Calendar`. Days are counted from
/// 1970-01-01 (day 0); wall-clock times are seconds since 1970-01-01T00:00 of the
/// same clock ("wall seconds"), which makes them plain comparable integers.
/// The algorithms are Howard Hinnant's `days_from_civil` / `civil_from_days`.
enum CivilCalendar {
    static let secondsPerDay = 86_400

    /// Weekday numbering used throughout: 0 = Monday ... 6 = Sunday (RFC 5545 order MO..SU).
    static func weekday(ofDay day: Int) -> Int {
        floorMod(day + 3, 7)
    }

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysInYear(_ year: Int) -> Int {
        isLeapYear(year) ? 366 : 365
    }

    /// Day number of a civil date; month and day are expected to be in range.
    static func day(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Civil date of a day number.
    static func date(ofDay dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Wall seconds of a civil date and time of day.
    static func wallSeconds(day: Int, secondOfDay: Int) -> Int {
        day * secondsPerDay + secondOfDay
    }

    /// Day number containing the given wall (or UTC) second.
    static func day(ofSecond second: Int) -> Int {
        floorDiv(second, secondsPerDay)
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMod(_ a: Int, _ b: Int) -> Int {
        a - floorDiv(a, b) * b
    }

    /// Smallest integer not less than a / b, for b > 0.
    static func ceilDiv(_ a: Int, _ b: Int) -> Int {
        -floorDiv(-a, b)
    }

    /// Earliest and latest day numbers the engine handles (years 1 through 9999,
    /// the range a four-digit iCalendar year can express).
    static let firstSupportedDay = day(year: 1, month: 1, day: 1)
    static let lastSupportedDay = day(year: 9999, month: 12, day: 31)
}
