/// The rules of a VTIMEZONE component: its STANDARD and DAYLIGHT observances.
///
/// Each observance says "from this onset on, the offset is TZOFFSETTO", with
/// onsets given by DTSTART (local time in TZOFFSETFROM), an RRULE such as
/// `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`, and RDATEs. The offset at an instant is
/// the TZOFFSETTO of the latest onset at or before it; before the first onset,
/// the earliest observance's TZOFFSETFROM applies.
struct VTimeZoneDefinition: Sendable {
    struct Observance: Sendable {
        /// DTSTART in wall seconds (local time before the onset).
        let start: Int
        let offsetFrom: Int
        let offsetTo: Int
        let rule: RecurrenceRule?
        /// Onsets from RDATE, in wall seconds.
        let extraOnsets: [Int]

        /// UNTIL in the observance's wall clock: a UTC UNTIL is shifted by TZOFFSETFROM.
        var untilWall: Int? {
            switch rule?.until {
            case .dateTime(let wall, isUTC: true): return wall + offsetFrom
            case .dateTime(let wall, isUTC: false): return wall
            case .date(let day): return (day + 1) * CivilCalendar.secondsPerDay - 1
            case nil: return nil
            }
        }

        /// Onsets, as UTC seconds, whose wall day lies in `days`, ascending.
        func onsets(inDays days: Range<Int>) -> [Int] {
            var walls: [Int]
            if let rule {
                let expander = RecurrenceExpander(rule: rule, start: start, isAllDay: false, untilWall: untilWall)
                walls = expander.starts(inDays: days, limit: VTimeZoneDefinition.onsetLimit).starts
            } else {
                walls = days.contains(CivilCalendar.day(ofSecond: start)) ? [start] : []
            }
            for wall in extraOnsets where days.contains(CivilCalendar.day(ofSecond: wall)) {
                walls.append(wall)
            }
            return walls.map { $0 - offsetFrom }.sorted()
        }
    }

    /// Bound on onsets computed per query, against hostile observance rules.
    static let onsetLimit = 10_000

    let identifier: String
    let observances: [Observance]

    /// Interprets a VTIMEZONE draft; returns a message saying what is missing
    /// or malformed when it cannot be used.
    static func make(from draft: TimeZoneDraft) -> Result<VTimeZoneDefinition, RecurrenceRule.Invalid> {
        guard let identifier = draft.identifier, !identifier.isEmpty else {
            return .failure(.init(message: "VTIMEZONE at line \(draft.line) has no TZID"))
        }
        var observances: [Observance] = []
        for observance in draft.observances {
            guard let startProperty = observance.start,
                  let start = TimeValue(parsing: startProperty.value),
                  let fromProperty = observance.offsetFrom,
                  let offsetFrom = ValueParsing.utcOffsetSeconds(fromProperty.value),
                  let toProperty = observance.offsetTo,
                  let offsetTo = ValueParsing.utcOffsetSeconds(toProperty.value) else {
                return .failure(.init(message: "VTIMEZONE '\(identifier)': STANDARD/DAYLIGHT at line \(observance.line) "
                    + "needs DTSTART, TZOFFSETFROM and TZOFFSETTO (e.g. +0100)"))
            }
            var rule: RecurrenceRule?
            if let ruleProperty = observance.rule {
                do {
                    rule = try RecurrenceRule(parsing: ruleProperty.value)
                } catch {
                    return .failure(.init(message: "VTIMEZONE '\(identifier)' line \(ruleProperty.line): \(error.message)"))
                }
            }
            var extraOnsets: [Int] = []
            for property in observance.recurrenceDates {
                for item in property.value.split(separator: ",") {
                    let text = item.split(separator: "/", maxSplits: 1).first ?? item
                    if let value = TimeValue(parsing: text) {
                        extraOnsets.append(value.wall)
                    }
                }
            }
            observances.append(Observance(start: start.wall, offsetFrom: offsetFrom, offsetTo: offsetTo,
                                          rule: rule, extraOnsets: extraOnsets))
        }
        guard !observances.isEmpty else {
            return .failure(.init(message: "VTIMEZONE '\(identifier)' at line \(draft.line) has no STANDARD or DAYLIGHT"))
        }
        return .success(VTimeZoneDefinition(identifier: identifier, observances: observances))
    }

    /// Offsets for one UTC calendar year.
    func offsets(forYear year: Int) -> Zone.YearOffsets {
        let firstDay = CivilCalendar.day(year: year, month: 1, day: 1)
        let nextFirstDay = CivilCalendar.day(year: year + 1, month: 1, day: 1)
        let start = firstDay * CivilCalendar.secondsPerDay
        let end = nextFirstDay * CivilCalendar.secondsPerDay
        var changes: [Zone.YearOffsets.Change] = []
        for observance in observances {
            for onset in observance.onsets(inDays: (firstDay - 1)..<(nextFirstDay + 1)) where onset >= start && onset < end {
                changes.append(.init(at: onset, offset: observance.offsetTo))
            }
        }
        changes.sort { $0.at < $1.at }
        return Zone.YearOffsets(startOffset: offset(before: start), changes: changes)
    }

    /// The offset in force just before `instant`.
    private func offset(before instant: Int) -> Int {
        let day = CivilCalendar.day(ofSecond: instant)
        var latest: (at: Int, offset: Int)?
        for observance in observances {
            let firstDay = CivilCalendar.day(ofSecond: observance.start) - 1
            guard firstDay <= day else { continue }
            let recent = observance.onsets(inDays: max(firstDay, day - 400)..<(day + 1)).last { $0 < instant }
            let onset = recent ?? observance.onsets(inDays: firstDay..<(day + 1)).last { $0 < instant }
            if let onset, onset > latest?.at ?? Int.min {
                latest = (onset, observance.offsetTo)
            }
        }
        if let latest {
            return latest.offset
        }
        let earliest = observances.min { $0.start - $0.offsetFrom < $1.start - $1.offsetFrom }
        return earliest?.offsetFrom ?? 0
    }
}
