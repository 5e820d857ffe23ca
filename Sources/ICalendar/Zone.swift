import Foundation

/// One resolved time zone, converting between wall-clock and UTC seconds.
///
/// Offsets come from a per-year table filled on first use (from Foundation's
/// `TimeZone` transitions or from a VTIMEZONE definition), so expansion never
/// calls Foundation per occurrence: a lookup is a dictionary hit and a scan
/// of the two or so changes in that year. A `Zone` lives for one file read,
/// which is also the lifetime of its cache, and never crosses threads.
final class Zone {
    enum Rules {
        /// A constant offset (UTC, and floating time read as UTC).
        case fixed(Int)
        case foundation(TimeZone)
        case definition(VTimeZoneDefinition)
    }

    /// The offset in force from the start of a UTC year, and the changes within it.
    struct YearOffsets {
        struct Change {
            /// UTC second at which `offset` takes effect.
            let at: Int
            let offset: Int
        }

        let startOffset: Int
        let changes: [Change]
    }

    /// True for floating time: wall values are read as UTC and never converted.
    let isFloating: Bool
    private let rules: Rules
    private var years: [Int: YearOffsets] = [:]
    /// The UTC seconds covered by the most recently used year, and its table:
    /// consecutive lookups nearly always fall in the same year.
    private var lastRange = 0..<0
    private var lastOffsets = YearOffsets(startOffset: 0, changes: [])

    init(rules: Rules, isFloating: Bool = false) {
        self.rules = rules
        self.isFloating = isFloating
    }

    /// Seconds east of UTC at a UTC instant.
    func offset(atUTC instant: Int) -> Int {
        if case .fixed(let offset) = rules {
            return offset
        }
        let table = offsets(containing: instant)
        var offset = table.startOffset
        for change in table.changes {
            guard change.at <= instant else { break }
            offset = change.offset
        }
        return offset
    }

    func wall(fromUTC instant: Int) -> Int {
        instant + offset(atUTC: instant)
    }

    /// The UTC instant of a wall-clock time.
    ///
    /// A time inside a spring-forward gap is read with the offset before the
    /// gap, which moves it forward by the gap's length (02:30 on a 02:00→03:00
    /// night becomes 03:30), as RFC 5545 3.3.5 prescribes. A time inside a
    /// fall-back overlap takes the earlier of its two instants.
    func utc(fromWall wall: Int) -> Int {
        if case .fixed(let offset) = rules {
            return wall - offset
        }
        let day = CivilCalendar.secondsPerDay
        let before = offset(atUTC: wall - day)
        let after = offset(atUTC: wall + day)
        if before == after {
            return wall - before
        }
        let withBefore = wall - before
        let withAfter = wall - after
        let beforeFits = offset(atUTC: withBefore) == before
        let afterFits = offset(atUTC: withAfter) == after
        switch (beforeFits, afterFits) {
        case (true, true): return min(withBefore, withAfter)
        case (false, true): return withAfter
        default: return withBefore
        }
    }

    private func offsets(containing instant: Int) -> YearOffsets {
        if lastRange.contains(instant) {
            return lastOffsets
        }
        let year = min(max(CivilCalendar.date(ofDay: CivilCalendar.day(ofSecond: instant)).year, 1), 9999)
        let table: YearOffsets
        if let cached = years[year] {
            table = cached
        } else {
            switch rules {
            case .fixed(let offset):
                table = YearOffsets(startOffset: offset, changes: [])
            case .foundation(let timeZone):
                table = Zone.foundationOffsets(timeZone, year: year)
            case .definition(let definition):
                table = definition.offsets(forYear: year)
            }
            years[year] = table
        }
        lastRange = CivilCalendar.day(year: year, month: 1, day: 1) * CivilCalendar.secondsPerDay
            ..< CivilCalendar.day(year: year + 1, month: 1, day: 1) * CivilCalendar.secondsPerDay
        lastOffsets = table
        return table
    }

    /// Reads one year of offsets from Foundation: the offset at New Year (UTC)
    /// and every transition Foundation reports before the next one.
    private static func foundationOffsets(_ timeZone: TimeZone, year: Int) -> YearOffsets {
        let start = CivilCalendar.day(year: year, month: 1, day: 1) * CivilCalendar.secondsPerDay
        let end = CivilCalendar.day(year: year + 1, month: 1, day: 1) * CivilCalendar.secondsPerDay
        let startDate = Date(timeIntervalSince1970: TimeInterval(start))
        var changes: [YearOffsets.Change] = []
        var cursor = startDate
        while changes.count < 16, let next = timeZone.nextDaylightSavingTimeTransition(after: cursor) {
            let seconds = next.timeIntervalSince1970.rounded(.down)
            guard seconds > TimeInterval(start - 1), seconds < TimeInterval(end) else { break }
            changes.append(YearOffsets.Change(at: Int(seconds), offset: timeZone.secondsFromGMT(for: next)))
            cursor = next
        }
        return YearOffsets(startOffset: timeZone.secondsFromGMT(for: startDate), changes: changes)
    }
}
