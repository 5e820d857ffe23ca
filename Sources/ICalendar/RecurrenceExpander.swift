/// Expands an RRULE into start times, in local wall-clock seconds, within a window of days.
///
/// Semantics follow RFC 5545 3.3.10: each period (day, week, month or year,
/// stepped by INTERVAL) gets its candidate days from the BYxxx parts — which
/// expand or limit exactly as the RFC's table says, and since every part acts
/// as a filter over the period's days the two views agree — times from
/// BYHOUR/BYMINUTE/BYSECOND (default: DTSTART's time), then BYSETPOS picks
/// positions in the period's sorted set. Impossible dates (February 30, the
/// 31st of a short month) are never candidates, so they are skipped. DTSTART is
/// always the first instance and counts toward COUNT even when it does not
/// match the rule; candidates before DTSTART are dropped.
///
/// Work is bounded four ways: the window (expansion stops at the first period
/// past it, and without COUNT it starts at the first period that can reach
/// it), the caller's occurrence limit, `workLimit` — a budget of examined
/// days and candidates — and `quietDaysLimit`, which stops a rule that has
/// produced no instance for fifty years (BYMONTHDAY=31 with BYMONTH=2, a
/// BYSETPOS beyond any period's size). Stopping for either budget marks the
/// expansion as capped.
struct RecurrenceExpander {
    struct Expansion {
        /// Wall-clock start times inside the window, ascending, DTSTART included.
        var starts: [Int] = []
        /// True when the occurrence limit or a work budget ended expansion early.
        var isCapped = false
    }

    /// Upper bound on days plus candidates examined for one series.
    static let workLimit = 1_000_000
    /// Days without any instance after which a rule is taken to never match again.
    static let quietDaysLimit = 50 * 366

    let rule: RecurrenceRule
    /// DTSTART in wall seconds.
    let start: Int
    /// All-day series ignore BYHOUR/BYMINUTE/BYSECOND: their instances start at midnight.
    let isAllDay: Bool
    /// UNTIL converted to the series' wall clock (inclusive), if any.
    let untilWall: Int?

    func starts(inDays window: Range<Int>, limit: Int) -> Expansion {
        var expansion = Expansion()
        guard !window.isEmpty, limit > 0 else { return expansion }
        let startDay = CivilCalendar.day(ofSecond: start)
        if window.contains(startDay) {
            expansion.starts.append(start)
        }
        if let count = rule.count, count <= 1 {
            return expansion
        }
        var plan = ExpansionPlan(rule: rule, start: start, isAllDay: isAllDay)
        let times = plan.times
        var generated = 1
        var work = 0
        var quietSince = Int.max
        var period = rule.count == nil ? plan.firstPeriod(reaching: window.lowerBound) : 0
        var days: [Int] = []
        days.reserveCapacity(31)
        expansion: while let (firstDay, examinedDays) = plan.collectDays(ofPeriod: period, into: &days) {
            if firstDay >= window.upperBound {
                break
            }
            if let untilWall, firstDay * CivilCalendar.secondsPerDay > untilWall {
                break
            }
            work += examinedDays
            quietSince = min(quietSince, firstDay)
            let candidateCount = days.count * times.count
            let selected = plan.selectedPositions(count: candidateCount)
            var cursor = 0
            while cursor < (selected?.count ?? candidateCount), work <= RecurrenceExpander.workLimit {
                let index = selected?[cursor] ?? cursor
                cursor += 1
                work += 1
                let day = days[index / times.count]
                let wall = day * CivilCalendar.secondsPerDay + times[index % times.count]
                if wall <= start {
                    continue
                }
                if let untilWall, wall > untilWall {
                    break expansion
                }
                generated += 1
                quietSince = day
                if let count = rule.count, generated > count {
                    break expansion
                }
                if day >= window.upperBound {
                    break expansion
                }
                if day >= window.lowerBound {
                    guard expansion.starts.count < limit else {
                        expansion.isCapped = true
                        break expansion
                    }
                    expansion.starts.append(wall)
                }
            }
            if work > RecurrenceExpander.workLimit || firstDay - quietSince > RecurrenceExpander.quietDaysLimit {
                expansion.isCapped = true
                break
            }
            period += 1
        }
        return expansion
    }
}

/// The rule prepared for expansion: defaults from DTSTART applied (RFC 5545
/// 3.3.10: "information, not contained in the rule, necessary to determine the
/// various recurrence instance start time and dates are derived from the Start
/// Time"), BYxxx lists turned into lookup tables, and the time-of-day set built.
private struct ExpansionPlan {
    let frequency: RecurrenceRule.Frequency
    let interval: Int
    let weekStart: Int
    let startDay: Int
    let startYear: Int
    let startMonthIndex: Int
    /// Day number of the first day of DTSTART's week (per WKST).
    let startWeek: Int
    let monthMask: [Bool]
    let months: [Int]
    let weekNumbers: [Int]
    let yearDays: [Int]
    let monthDays: [Int]
    let weekdayMask: [Bool]
    let ordinals: [RecurrenceRule.WeekdayNumber]
    let hasDayRule: Bool
    /// BYMONTH given: in YEARLY rules, ordinal BYDAY entries count within each month.
    let hasMonthRule: Bool
    let setPositions: [Int]
    /// Seconds of the day for each instance, ascending.
    let times: [Int]
    /// Days selected by ordinal BYDAY entries in the current month or year scope.
    private var ordinalDays: [Int] = []

    init(rule: RecurrenceRule, start: Int, isAllDay: Bool) {
        frequency = rule.frequency
        interval = rule.interval
        weekStart = rule.weekStart
        startDay = CivilCalendar.day(ofSecond: start)
        let civil = CivilCalendar.date(ofDay: startDay)
        startYear = civil.year
        startMonthIndex = civil.year * 12 + civil.month - 1
        startWeek = startDay - CivilCalendar.floorMod(CivilCalendar.weekday(ofDay: startDay) - rule.weekStart, 7)

        var byMonth = rule.byMonth
        var byMonthDay = rule.byMonthDay
        var byDay = rule.byDay
        if rule.byWeekNumber.isEmpty && rule.byYearDay.isEmpty && byMonthDay.isEmpty && byDay.isEmpty {
            switch rule.frequency {
            case .yearly:
                if byMonth.isEmpty { byMonth = [civil.month] }
                byMonthDay = [civil.day]
            case .monthly:
                byMonthDay = [civil.day]
            case .weekly:
                byDay = [RecurrenceRule.WeekdayNumber(ordinal: 0, weekday: CivilCalendar.weekday(ofDay: startDay))]
            case .daily:
                break
            }
        }
        var monthMask = Array(repeating: byMonth.isEmpty, count: 13)
        for month in byMonth { monthMask[month] = true }
        self.monthMask = monthMask
        months = byMonth.isEmpty ? Array(1...12) : byMonth
        hasMonthRule = !byMonth.isEmpty
        weekNumbers = rule.byWeekNumber
        yearDays = rule.byYearDay
        monthDays = byMonthDay
        var weekdayMask = Array(repeating: false, count: 7)
        for entry in byDay where entry.ordinal == 0 { weekdayMask[entry.weekday] = true }
        self.weekdayMask = weekdayMask
        ordinals = byDay.filter { $0.ordinal != 0 }
        hasDayRule = !byDay.isEmpty
        setPositions = rule.bySetPosition

        if isAllDay {
            times = [0]
        } else {
            let secondOfDay = start - startDay * CivilCalendar.secondsPerDay
            let hours = rule.byHour.isEmpty ? [secondOfDay / 3600] : rule.byHour
            let minutes = rule.byMinute.isEmpty ? [secondOfDay / 60 % 60] : rule.byMinute
            let seconds = rule.bySecond.isEmpty ? [secondOfDay % 60] : rule.bySecond
            var times: [Int] = []
            times.reserveCapacity(hours.count * minutes.count * seconds.count)
            for hour in hours {
                for minute in minutes {
                    for second in seconds {
                        times.append(hour * 3600 + minute * 60 + second)
                    }
                }
            }
            self.times = Array(Set(times)).sorted()
        }
    }

    /// Index of the first period that can contain a day at or after `day`.
    /// Only valid without COUNT, where earlier periods need not be counted.
    func firstPeriod(reaching day: Int) -> Int {
        switch frequency {
        case .daily:
            return max(0, CivilCalendar.ceilDiv(day - startDay, interval))
        case .weekly:
            return max(0, CivilCalendar.ceilDiv(day - 6 - startWeek, 7 * interval))
        case .monthly:
            let civil = CivilCalendar.date(ofDay: day)
            return max(0, CivilCalendar.ceilDiv(civil.year * 12 + civil.month - 1 - startMonthIndex, interval))
        case .yearly:
            return max(0, CivilCalendar.ceilDiv(CivilCalendar.date(ofDay: day).year - startYear, interval))
        }
    }

    /// Fills `days` with the period's matching days (ascending) and returns the
    /// period's first day and how many days were examined, or nil once the
    /// period lies beyond year 9999.
    mutating func collectDays(ofPeriod period: Int, into days: inout [Int]) -> (firstDay: Int, examined: Int)? {
        days.removeAll(keepingCapacity: true)
        let step = period * interval
        switch frequency {
        case .daily:
            let day = startDay + step
            guard day <= CivilCalendar.lastSupportedDay else { return nil }
            appendIfMatching(day, into: &days)
            return (day, 1)
        case .weekly:
            let first = startWeek + 7 * step
            guard first <= CivilCalendar.lastSupportedDay else { return nil }
            for day in first..<(first + 7) {
                appendIfMatching(day, into: &days)
            }
            return (first, 7)
        case .monthly:
            let monthIndex = startMonthIndex + step
            let year = CivilCalendar.floorDiv(monthIndex, 12)
            guard year <= 9999 else { return nil }
            let month = monthIndex - year * 12 + 1
            let first = CivilCalendar.day(year: year, month: month, day: 1)
            guard monthMask[month] else { return (first, 1) }
            return (first, appendMonth(year: year, month: month, first: first, ordinalsPerMonth: true, into: &days))
        case .yearly:
            let year = startYear + step
            guard year <= 9999 else { return nil }
            let first = CivilCalendar.day(year: year, month: 1, day: 1)
            if !ordinals.isEmpty && !hasMonthRule {
                selectOrdinalDays(first: first, last: first + CivilCalendar.daysInYear(year) - 1)
            }
            var examined = 1
            for month in months {
                let monthStart = CivilCalendar.day(year: year, month: month, day: 1)
                examined += appendMonth(year: year, month: month, first: monthStart, ordinalsPerMonth: hasMonthRule, into: &days)
            }
            return (first, examined)
        }
    }

    /// Indices BYSETPOS selects (1-based, negative from the end) among a
    /// period's `count` sorted candidates, or nil when every candidate counts.
    func selectedPositions(count: Int) -> [Int]? {
        guard !setPositions.isEmpty else { return nil }
        var indices: [Int] = []
        for position in setPositions {
            let index = position > 0 ? position - 1 : count + position
            if index >= 0 && index < count {
                indices.append(index)
            }
        }
        return Array(Set(indices)).sorted()
    }

    /// Appends the month's matching days; returns the number of days examined.
    private mutating func appendMonth(year: Int, month: Int, first: Int, ordinalsPerMonth: Bool, into days: inout [Int]) -> Int {
        let length = CivilCalendar.daysInMonth(year: year, month: month)
        if !ordinals.isEmpty && ordinalsPerMonth {
            selectOrdinalDays(first: first, last: first + length - 1)
        }
        let firstWeekday = CivilCalendar.weekday(ofDay: first)
        let yearStart = yearDays.isEmpty ? 0 : CivilCalendar.day(year: year, month: 1, day: 1)
        for dayOfMonth in 1...length {
            let day = first + dayOfMonth - 1
            if matches(day: day, year: year, dayOfMonth: dayOfMonth, monthLength: length,
                       weekday: (firstWeekday + dayOfMonth - 1) % 7, yearStart: yearStart) {
                days.append(day)
            }
        }
        return length
    }

    private func appendIfMatching(_ day: Int, into days: inout [Int]) {
        let civil = CivilCalendar.date(ofDay: day)
        guard monthMask[civil.month] else { return }
        let yearStart = yearDays.isEmpty ? 0 : CivilCalendar.day(year: civil.year, month: 1, day: 1)
        if matches(day: day, year: civil.year, dayOfMonth: civil.day,
                   monthLength: CivilCalendar.daysInMonth(year: civil.year, month: civil.month),
                   weekday: CivilCalendar.weekday(ofDay: day), yearStart: yearStart) {
            days.append(day)
        }
    }

    /// BYWEEKNO, BYYEARDAY, BYMONTHDAY and BYDAY as filters over one day
    /// (BYMONTH is applied by the callers, which only visit allowed months).
    private func matches(day: Int, year: Int, dayOfMonth: Int, monthLength: Int, weekday: Int, yearStart: Int) -> Bool {
        if !monthDays.isEmpty {
            guard monthDays.contains(where: { $0 > 0 ? $0 == dayOfMonth : monthLength + $0 + 1 == dayOfMonth }) else {
                return false
            }
        }
        if hasDayRule {
            guard weekdayMask[weekday] || ordinalDays.contains(day) else { return false }
        }
        if !yearDays.isEmpty {
            let dayOfYear = day - yearStart + 1
            let yearLength = CivilCalendar.daysInYear(year)
            guard yearDays.contains(where: { $0 > 0 ? $0 == dayOfYear : yearLength + $0 + 1 == dayOfYear }) else {
                return false
            }
        }
        if !weekNumbers.isEmpty {
            guard matchesWeekNumber(day: day, year: year) else { return false }
        }
        return true
    }

    /// Week numbering per RFC 5545: week 1 is the first week (starting on WKST)
    /// with at least four days in the year. A day keeps the number of the week
    /// it belongs to, which may be the last week of the previous year or week 1
    /// of the next.
    private func matchesWeekNumber(day: Int, year: Int) -> Bool {
        var weekYear = year
        if day < firstWeekStart(of: year) {
            weekYear = year - 1
        } else if day >= firstWeekStart(of: year + 1) {
            weekYear = year + 1
        }
        let first = firstWeekStart(of: weekYear)
        let weekCount = (firstWeekStart(of: weekYear + 1) - first) / 7
        let number = (day - first) / 7 + 1
        return weekNumbers.contains { $0 > 0 ? $0 == number : weekCount + $0 + 1 == number }
    }

    private func firstWeekStart(of year: Int) -> Int {
        let januaryFirst = CivilCalendar.day(year: year, month: 1, day: 1)
        let offset = CivilCalendar.floorMod(CivilCalendar.weekday(ofDay: januaryFirst) - weekStart, 7)
        return offset <= 3 ? januaryFirst - offset : januaryFirst + 7 - offset
    }

    /// Resolves ordinal BYDAY entries (`2TU`, `-1FR`) within the days `first...last`.
    private mutating func selectOrdinalDays(first: Int, last: Int) {
        ordinalDays.removeAll(keepingCapacity: true)
        for entry in ordinals {
            let day: Int
            if entry.ordinal > 0 {
                let firstMatch = first + CivilCalendar.floorMod(entry.weekday - CivilCalendar.weekday(ofDay: first), 7)
                day = firstMatch + 7 * (entry.ordinal - 1)
            } else {
                let lastMatch = last - CivilCalendar.floorMod(CivilCalendar.weekday(ofDay: last) - entry.weekday, 7)
                day = lastMatch + 7 * (entry.ordinal + 1)
            }
            if day >= first && day <= last {
                ordinalDays.append(day)
            }
        }
    }
}
