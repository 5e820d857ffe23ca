/// Why VEVENTs (or series) did not fully contribute, for callers that report counts.
public enum SkipReason: String, Sendable, Hashable, CaseIterable {
    /// The VEVENT sits in a VCALENDAR whose METHOD is neither PUBLISH nor REQUEST
    /// (a REPLY, CANCEL, COUNTER, ... message, not a calendar).
    case method
    /// A series whose expansion stopped at the occurrence cap or the work limit;
    /// the occurrences found until then are still returned.
    case capped
    /// A VEVENT superseded by another with the same UID and RECURRENCE-ID
    /// (the higher SEQUENCE wins; on a tie, the later one in the file).
    case duplicate
}

/// Everything read from one calendar file.
public struct ICalendarFileResult: Sendable {
    /// The display name given to the reader.
    public let fileName: String
    /// Occurrences whose local start date lies in the window, ordered by start
    /// instant, then UID.
    public let occurrences: [Occurrence]
    /// VEVENTs left out because of a defect of their own.
    public let problems: [EventProblem]
    /// VEVENTs (or series, for `.capped`) that were skipped or truncated, by reason.
    public let skipped: [SkipReason: Int]
    /// UIDs of the series counted under `.capped`.
    public let cappedUIDs: [String]
    /// Number of VCALENDAR objects in the file.
    public let calendarCount: Int
    /// Number of VEVENT components in the file, including skipped ones.
    public let eventCount: Int
}
