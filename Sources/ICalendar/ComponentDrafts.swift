/// Properties of one VEVENT as read, before any value is interpreted.
///
/// Interpretation waits until the enclosing VCALENDAR is complete because
/// VTIMEZONE components may follow the events that use them.
struct EventDraft {
    let line: Int
    var uid: Property?
    var start: Property?
    var end: Property?
    var duration: Property?
    var rule: Property?
    var recurrenceDates: [Property] = []
    var exceptionDates: [Property] = []
    var recurrenceID: Property?
    var sequence: Property?
    var status: Property?
    var summary: Property?
    var organizer: Property?
    var attendees: [Property] = []

    init(line: Int) {
        self.line = line
    }

    /// Records a property of the VEVENT itself (not of a VALARM inside it).
    /// Single-valued properties keep their first occurrence.
    mutating func add(_ property: Property) {
        switch property.name {
        case .uid: uid = uid ?? property
        case .start: start = start ?? property
        case .end: end = end ?? property
        case .duration: duration = duration ?? property
        case .rule: rule = rule ?? property
        case .recurrenceDate: recurrenceDates.append(property)
        case .exceptionDate: exceptionDates.append(property)
        case .recurrenceID: recurrenceID = recurrenceID ?? property
        case .sequence: sequence = sequence ?? property
        case .status: status = status ?? property
        case .summary: summary = summary ?? property
        case .organizer: organizer = organizer ?? property
        case .attendee: attendees.append(property)
        case .beginComponent, .endComponent, .method, .timeZoneID, .offsetFrom, .offsetTo: break
        }
    }

    /// The UID text, when present and not blank.
    var uidText: String? {
        guard let uid else { return nil }
        let text = uid.value.unescapingText().trimmingBlanks()
        return text.isEmpty ? nil : text
    }
}

/// One STANDARD or DAYLIGHT sub-component of a VTIMEZONE, as read.
struct ObservanceDraft {
    let line: Int
    var start: Property?
    var offsetFrom: Property?
    var offsetTo: Property?
    var rule: Property?
    var recurrenceDates: [Property] = []

    init(line: Int) {
        self.line = line
    }

    mutating func add(_ property: Property) {
        switch property.name {
        case .start: start = start ?? property
        case .offsetFrom: offsetFrom = offsetFrom ?? property
        case .offsetTo: offsetTo = offsetTo ?? property
        case .rule: rule = rule ?? property
        case .recurrenceDate: recurrenceDates.append(property)
        default: break
        }
    }
}

/// One VTIMEZONE, as read.
struct TimeZoneDraft {
    let line: Int
    var identifier: String?
    var observances: [ObservanceDraft] = []

    init(line: Int) {
        self.line = line
    }
}

/// One VCALENDAR, as read.
struct CalendarDraft {
    let line: Int
    var method: String?
    var events: [EventDraft] = []
    var timeZones: [TimeZoneDraft] = []

    init(line: Int) {
        self.line = line
    }

    /// Calendars that carry iTIP messages other than PUBLISH or REQUEST
    /// (REPLY, CANCEL, COUNTER, ...) describe answers, not meetings.
    var isSchedulingMessageOnly: Bool {
        guard let method else { return false }
        let normalized = method.trimmingBlanks().uppercased()
        return normalized != "PUBLISH" && normalized != "REQUEST"
    }
}
