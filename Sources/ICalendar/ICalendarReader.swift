/// Reads iCalendar (RFC 5545) files into meeting occurrences within a date window.
///
/// The reader is a plain value with no shared state: one `read` call owns all
/// its caches (time zones, offsets), so independent files can be read
/// concurrently from different tasks with one reader.
public struct ICalendarReader: Sendable {
    /// Most occurrences returned for one series in one window.
    public let maxOccurrencesPerSeries: Int
    /// Most occurrences returned for one file, so that memory stays bounded
    /// even for a hostile file made of many long series; series past it are
    /// counted as `.capped`.
    public let maxOccurrencesPerFile: Int

    public init(maxOccurrencesPerSeries: Int = 5000, maxOccurrencesPerFile: Int = 1_000_000) {
        self.maxOccurrencesPerSeries = max(1, maxOccurrencesPerSeries)
        self.maxOccurrencesPerFile = max(1, maxOccurrencesPerFile)
    }

    /// Reads one file.
    ///
    /// - Parameters:
    ///   - bytes: The file's raw content (UTF-8, with or without BOM).
    ///   - fileName: Display name used in errors.
    ///   - window: Local start dates to return occurrences for.
    /// - Throws: `ICalendarError` when the file as a whole cannot be read:
    ///   not iCalendar, an unclosed component, or invalid UTF-8. Defects of a
    ///   single event are reported in `problems` instead.
    public func read(_ bytes: [UInt8], fileName: String, window: DateWindow) throws(ICalendarError) -> ICalendarFileResult {
        let calendars = try CalendarParser.parse(bytes, fileName: fileName)
        let zones = TimeZoneResolver()
        var problems: [EventProblem] = []
        var skipped: [SkipReason: Int] = [:]
        var events: [ResolvedEvent] = []
        var brokenMasters: [String: Int] = [:]
        var eventCount = 0
        for calendar in calendars {
            eventCount += calendar.events.count
            if calendar.isSchedulingMessageOnly {
                if !calendar.events.isEmpty {
                    skipped[.method, default: 0] += calendar.events.count
                }
                continue
            }
            let resolver = EventResolver(zones: zones, calendarZones: zones.zones(definedBy: calendar.timeZones))
            for draft in calendar.events {
                do {
                    events.append(try resolver.resolve(draft))
                } catch {
                    problems.append(error)
                    if draft.recurrenceID == nil, let uid = draft.uidText {
                        brokenMasters[uid] = draft.line
                    }
                }
            }
        }
        let output = SeriesExpander(window: window, limit: maxOccurrencesPerSeries, fileLimit: maxOccurrencesPerFile)
            .expand(events, brokenMasters: brokenMasters)
        problems += output.problems
        problems.sort { $0.line < $1.line }
        if !output.cappedUIDs.isEmpty {
            skipped[.capped] = output.cappedUIDs.count
        }
        if output.duplicates > 0 {
            skipped[.duplicate] = output.duplicates
        }
        return ICalendarFileResult(
            fileName: fileName,
            occurrences: output.occurrences,
            problems: problems,
            skipped: skipped,
            cappedUIDs: output.cappedUIDs,
            calendarCount: calendars.count,
            eventCount: eventCount)
    }
}
