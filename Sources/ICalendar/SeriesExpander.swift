/// Groups resolved VEVENTs into series and produces the occurrences in a window.
///
/// A series is the master (no RECURRENCE-ID) of a UID plus its overrides,
/// across all VCALENDARs of the file. Generated instances are removed by
/// EXDATE and by any override whose RECURRENCE-ID names them (compared as
/// instants); every override is an occurrence of its own at its own DTSTART,
/// whether or not its RECURRENCE-ID names a generated instance, and is kept
/// when its own start date is in the window — unless the master's EXDATE
/// excludes the instance it overrides (EXDATE takes precedence, as in RFC
/// 5545 3.8.5.3 and python's recurring-ical-events). RANGE=THISANDFUTURE is
/// treated as a single-instance override.
struct SeriesExpander {
    struct Output {
        var occurrences: [Occurrence] = []
        var problems: [EventProblem] = []
        var cappedUIDs: [String] = []
        var duplicates = 0
    }

    let window: DateWindow
    /// Most occurrences per series.
    let limit: Int
    /// Most occurrences for the whole file; series beyond it count as capped.
    let fileLimit: Int

    /// - Parameter brokenMasters: UIDs whose master had a problem, with its line;
    ///   their overrides are reported and left out along with the series.
    func expand(_ events: [ResolvedEvent], brokenMasters: [String: Int]) -> Output {
        var output = Output()
        var masters: [String: ResolvedEvent] = [:]
        var order: [String] = []
        for event in events where event.recurrenceID == nil {
            if let existing = masters[event.uid] {
                output.duplicates += 1
                if existing.sequence > event.sequence { continue }
            } else {
                order.append(event.uid)
            }
            masters[event.uid] = event
        }

        var overridesByUID: [String: [Int: ResolvedEvent]] = [:]
        for event in events {
            guard let recurrenceID = event.recurrenceID else { continue }
            if masters[event.uid] == nil, let masterLine = brokenMasters[event.uid] {
                output.problems.append(EventProblem(
                    line: event.line, uid: event.uid,
                    message: "RECURRENCE-ID skipped: its series (VEVENT at line \(masterLine)) could not be read"))
                continue
            }
            let key = originalStart(recurrenceID, master: masters[event.uid])
            if let existing = overridesByUID[event.uid]?[key] {
                output.duplicates += 1
                if existing.sequence > event.sequence { continue }
            } else if overridesByUID[event.uid] == nil && masters[event.uid] == nil {
                order.append(event.uid)
            }
            overridesByUID[event.uid, default: [:]][key] = event
        }

        for uid in order {
            let seriesOverrides = overridesByUID[uid] ?? [:]
            let remaining = fileLimit - output.occurrences.count
            guard remaining > 0 else {
                output.cappedUIDs.append(uid)
                continue
            }
            if let master = masters[uid] {
                expandMaster(master, overriddenStarts: Set(seriesOverrides.keys), limit: min(limit, remaining), into: &output)
            }
            for (key, event) in seriesOverrides.sorted(by: { $0.key < $1.key }) {
                appendOverride(event, originalStart: key, master: masters[uid], into: &output)
            }
        }
        output.occurrences = sortedByStart(output.occurrences)
        return output
    }

    /// Orders by start instant, then UID, then original start. Sorts small
    /// keys and permutes once, rather than moving whole occurrences around.
    private func sortedByStart(_ occurrences: [Occurrence]) -> [Occurrence] {
        let order = occurrences.indices.map { (start: occurrences[$0].start, index: $0) }.sorted { lhs, rhs in
            if lhs.start != rhs.start {
                return lhs.start < rhs.start
            }
            let left = occurrences[lhs.index], right = occurrences[rhs.index]
            return (left.uid, left.originalStart) < (right.uid, right.originalStart)
        }
        return order.map { occurrences[$0.index] }
    }

    private func expandMaster(_ master: ResolvedEvent, overriddenStarts: Set<Int>, limit: Int, into output: inout Output) {
        let days = window.days
        var walls: [Int]
        var isCapped = false
        if let rule = master.rule {
            let expansion = RecurrenceExpander(
                rule: rule, start: master.start, isAllDay: master.isAllDay, untilWall: master.untilWall
            ).starts(inDays: days, limit: limit)
            walls = expansion.starts
            isCapped = expansion.isCapped
        } else {
            walls = days.contains(CivilCalendar.day(ofSecond: master.start)) ? [master.start] : []
        }
        let extraStarts = master.recurrenceDates.filter { days.contains(CivilCalendar.day(ofSecond: $0)) }
        if !extraStarts.isEmpty {
            walls = Array(Set(walls + extraStarts)).sorted()
        }
        if walls.count > limit {
            walls.removeLast(walls.count - limit)
            isCapped = true
        }
        if isCapped {
            output.cappedUIDs.append(master.uid)
        }
        for wall in walls {
            let instant = master.zone.utc(fromWall: wall)
            let day = CivilCalendar.day(ofSecond: wall)
            if master.exceptionInstants.contains(instant) || master.exceptionDays.contains(day)
                || overriddenStarts.contains(instant) {
                continue
            }
            output.occurrences.append(occurrence(master, wall: wall, instant: instant, originalStart: instant,
                                                 isCancelled: master.isCancelled, isOverride: false))
        }
    }

    private func appendOverride(_ event: ResolvedEvent, originalStart: Int, master: ResolvedEvent?, into output: inout Output) {
        guard window.days.contains(CivilCalendar.day(ofSecond: event.start)),
              output.occurrences.count < fileLimit else { return }
        if let master {
            let originalDay = CivilCalendar.day(ofSecond: master.zone.wall(fromUTC: originalStart))
            if master.exceptionInstants.contains(originalStart) || master.exceptionDays.contains(originalDay) {
                return
            }
        }
        let zone = event.zone.isFloating && !event.isAllDay ? (master?.zone ?? event.zone) : event.zone
        output.occurrences.append(occurrence(
            event, wall: event.start, instant: zone.utc(fromWall: event.start), originalStart: originalStart,
            isCancelled: event.isCancelled || master?.isCancelled == true, isOverride: true))
    }

    /// The canonical identity of the instance a RECURRENCE-ID names: its UTC
    /// instant, with floating values read in the series' zone; for all-day
    /// series (or DATE values) midnight of its date read as UTC.
    private func originalStart(_ recurrenceID: ZonedTime, master: ResolvedEvent?) -> Int {
        let wall = recurrenceID.value.wall
        if recurrenceID.value.isDate || master?.isAllDay == true {
            return CivilCalendar.day(ofSecond: wall) * CivilCalendar.secondsPerDay
        }
        if let zone = recurrenceID.zone ?? master?.zone {
            return zone.utc(fromWall: wall)
        }
        return wall
    }

    private func occurrence(_ event: ResolvedEvent, wall: Int, instant: Int, originalStart: Int,
                            isCancelled: Bool, isOverride: Bool) -> Occurrence {
        Occurrence(
            uid: event.uid,
            originalStart: originalStart,
            sequence: event.sequence,
            startDate: LocalDate(dayNumber: CivilCalendar.day(ofSecond: wall)),
            start: instant,
            durationSeconds: event.durationSeconds,
            isAllDay: event.isAllDay,
            isCancelled: isCancelled,
            organizer: event.participants.organizer,
            participants: event.participants.addresses,
            summary: event.summary,
            isOverride: isOverride,
            line: event.line)
    }
}
