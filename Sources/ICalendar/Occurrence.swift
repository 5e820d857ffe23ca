/// One instance of an event: a single meeting on a single day.
///
/// Instants are seconds since 1970-01-01T00:00:00Z. Floating times (no `Z`, no
/// `TZID`) and all-day dates have no instant of their own; they are represented
/// by their wall-clock value read as if it were UTC, so that they stay
/// comparable and identical across files that carry the same floating event.
public struct Occurrence: Sendable, Hashable {
    /// The event's UID, shared by a series and its overrides.
    public let uid: String
    /// Identity of the instance within its series: the RECURRENCE-ID instant for
    /// an override, the generated start instant otherwise. `(uid, originalStart)`
    /// names the same meeting instance in every attendee's file.
    public let originalStart: Int
    /// SEQUENCE of the component that produced this instance (0 when absent).
    public let sequence: Int
    /// Start date in the time zone of the instance's own DTSTART.
    public let startDate: LocalDate
    /// Start instant (see the type's note on floating and all-day values).
    public let start: Int
    /// Length in seconds: DTEND minus DTSTART, or DURATION (days and weeks
    /// count as 86,400 and 604,800 seconds), or 0 for a timed event with
    /// neither and 86,400 for an all-day event with neither (RFC 5545 3.6.1).
    public let durationSeconds: Int
    /// True when DTSTART is a DATE (no time of day).
    public let isAllDay: Bool
    /// True when STATUS is CANCELLED on the series or on this instance's override.
    public let isCancelled: Bool
    /// The organizer's address, lowercased, when it has one.
    public let organizer: String?
    /// Organizer and attending people, lowercased and unique, organizer first.
    /// Declined attendees, rooms, resources and non-participants are left out.
    public let participants: [String]
    /// SUMMARY with iCalendar escapes decoded (empty when absent).
    public let summary: String
    /// True when this instance comes from a RECURRENCE-ID component.
    public let isOverride: Bool
    /// Physical line of the `BEGIN:VEVENT` this instance comes from.
    public let line: Int
}
