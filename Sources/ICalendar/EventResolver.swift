/// A DATE or DATE-TIME together with the zone it was written in.
struct ZonedTime {
    let value: TimeValue
    /// nil for floating values and dates, which take the series' own clock.
    let zone: Zone?
}

/// A VEVENT with every value needed for expansion interpreted.
struct ResolvedEvent {
    let uid: String
    let line: Int
    /// DTSTART in wall seconds of `zone`.
    let start: Int
    /// The series' clock; floating for all-day events and floating times.
    let zone: Zone
    let isAllDay: Bool
    let durationSeconds: Int
    let rule: RecurrenceRule?
    /// UNTIL in `zone`'s wall clock, inclusive.
    let untilWall: Int?
    /// RDATE starts in `zone`'s wall clock.
    let recurrenceDates: [Int]
    /// EXDATE date-times as UTC instants (floating ones read in `zone`).
    let exceptionInstants: Set<Int>
    /// EXDATE dates (and, for all-day series, any EXDATE) as day numbers.
    let exceptionDays: Set<Int>
    let recurrenceID: ZonedTime?
    let sequence: Int
    let isCancelled: Bool
    let summary: String
    let participants: Participants
}

/// Interprets `EventDraft`s of one VCALENDAR, reporting what is unusable as an
/// `EventProblem` so that only that event is lost.
struct EventResolver {
    let zones: TimeZoneResolver
    let calendarZones: [String: Zone]

    func resolve(_ draft: EventDraft) throws(EventProblem) -> ResolvedEvent {
        let uid = draft.uidText
        func problem(_ line: Int, _ message: String) -> EventProblem {
            EventProblem(line: line, uid: uid, message: message)
        }
        guard let uid else {
            throw problem(draft.line, "VEVENT has no UID (expected a UID property)")
        }
        guard let startProperty = draft.start else {
            throw problem(draft.line, "VEVENT has no DTSTART (expected a DTSTART property)")
        }
        let start = try zonedTime(startProperty, "DTSTART", uid: uid)
        let isAllDay = start.value.isDate
        let zone = isAllDay ? zones.floating : (start.zone ?? zones.floating)
        let startWall = start.value.wall
        let startInstant = zone.utc(fromWall: startWall)

        let durationSeconds: Int
        if let endProperty = draft.end {
            let end = try zonedTime(endProperty, "DTEND", uid: uid)
            let endInstant = isAllDay || end.value.isDate
                ? zone.utc(fromWall: end.value.wall)
                : (end.zone ?? zone).utc(fromWall: end.value.wall)
            guard endInstant >= startInstant else {
                throw problem(endProperty.line, "DTEND \(endProperty.value) is before DTSTART (expected an end at or after the start)")
            }
            durationSeconds = endInstant - startInstant
        } else if let durationProperty = draft.duration {
            guard let seconds = ValueParsing.durationSeconds(durationProperty.value) else {
                throw problem(durationProperty.line,
                              "DURATION: expected a non-negative duration such as PT1H30M or P1D, found '\(durationProperty.value)'")
            }
            durationSeconds = seconds
        } else {
            durationSeconds = isAllDay ? CivilCalendar.secondsPerDay : 0
        }

        var rule: RecurrenceRule?
        var untilWall: Int?
        if let ruleProperty = draft.rule {
            do {
                rule = try RecurrenceRule(parsing: ruleProperty.value)
            } catch {
                throw problem(ruleProperty.line, error.message)
            }
            switch rule?.until {
            case .date(let day): untilWall = (day + 1) * CivilCalendar.secondsPerDay - 1
            case .dateTime(let wall, isUTC: true): untilWall = zone.wall(fromUTC: wall)
            case .dateTime(let wall, isUTC: false): untilWall = wall
            case nil: untilWall = nil
            }
        }

        let timeOfDay = startWall - CivilCalendar.day(ofSecond: startWall) * CivilCalendar.secondsPerDay
        var recurrenceDates: [Int] = []
        for property in draft.recurrenceDates {
            for item in try times(property, "RDATE", uid: uid) {
                if isAllDay || item.value.isDate {
                    let day = CivilCalendar.day(ofSecond: item.value.wall)
                    recurrenceDates.append(day * CivilCalendar.secondsPerDay + (isAllDay ? 0 : timeOfDay))
                } else if let itemZone = item.zone {
                    recurrenceDates.append(zone.wall(fromUTC: itemZone.utc(fromWall: item.value.wall)))
                } else {
                    recurrenceDates.append(item.value.wall)
                }
            }
        }

        var exceptionInstants: Set<Int> = []
        var exceptionDays: Set<Int> = []
        for property in draft.exceptionDates {
            for item in try times(property, "EXDATE", uid: uid) {
                if isAllDay || item.value.isDate {
                    exceptionDays.insert(CivilCalendar.day(ofSecond: item.value.wall))
                } else {
                    exceptionInstants.insert((item.zone ?? zone).utc(fromWall: item.value.wall))
                }
            }
        }

        let recurrenceID = try draft.recurrenceID.map { property throws(EventProblem) in
            try zonedTime(property, "RECURRENCE-ID", uid: uid)
        }

        return ResolvedEvent(
            uid: uid,
            line: draft.line,
            start: startWall,
            zone: zone,
            isAllDay: isAllDay,
            durationSeconds: durationSeconds,
            rule: rule,
            untilWall: untilWall,
            recurrenceDates: recurrenceDates,
            exceptionInstants: exceptionInstants,
            exceptionDays: exceptionDays,
            recurrenceID: recurrenceID,
            sequence: draft.sequence.flatMap { ValueParsing.integer($0.value[...]) } ?? 0,
            isCancelled: ASCII.matches(draft.status?.value, "CANCELLED"),
            summary: draft.summary?.value.unescapingText() ?? "",
            participants: Participants(organizer: draft.organizer, attendees: draft.attendees))
    }

    /// Parses a single DATE / DATE-TIME property and resolves its zone.
    private func zonedTime(_ property: Property, _ name: String, uid: String) throws(EventProblem) -> ZonedTime {
        guard let value = TimeValue(parsing: property.value) else {
            throw EventProblem(line: property.line, uid: uid, message:
                "\(name): expected a DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS, optionally ending in Z), "
                + "found '\(property.value)'")
        }
        return ZonedTime(value: value, zone: try zone(of: value, property, name, uid: uid))
    }

    /// Parses a comma-separated RDATE / EXDATE list; PERIOD values keep their start.
    private func times(_ property: Property, _ name: String, uid: String) throws(EventProblem) -> [ZonedTime] {
        var result: [ZonedTime] = []
        for item in property.value.split(separator: ",") {
            let text = item.split(separator: "/", maxSplits: 1).first ?? item
            guard let value = TimeValue(parsing: text) else {
                throw EventProblem(line: property.line, uid: uid, message:
                    "\(name): expected DATE, DATE-TIME or PERIOD values separated by commas, found '\(item)'")
            }
            result.append(ZonedTime(value: value, zone: try zone(of: value, property, name, uid: uid)))
        }
        return result
    }

    /// UTC for `Z` values, nil for dates and floating values, else the TZID's zone.
    private func zone(of value: TimeValue, _ property: Property, _ name: String, uid: String) throws(EventProblem) -> Zone? {
        switch value {
        case .date:
            return nil
        case .dateTime(_, isUTC: true):
            return zones.utc
        case .dateTime(_, isUTC: false):
            guard let identifier = property.parameters.timeZoneID else { return nil }
            guard let zone = zones.zone(forTZID: identifier, calendarZones: calendarZones) else {
                throw EventProblem(line: property.line, uid: uid, message:
                    "\(name): unknown TZID '\(identifier)' (expected a VTIMEZONE with that TZID in the calendar, "
                    + "an IANA name such as Europe/Berlin, or a Windows name such as W. Europe Standard Time)")
            }
            return zone
        }
    }
}
