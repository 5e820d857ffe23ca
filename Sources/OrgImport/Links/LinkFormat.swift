import OrgModel

/// The layouts of a links source.
public enum LinkFormat: String, Sendable, CaseIterable {
    /// Detected from the content: a zip or a folder, iCalendar text, else a CSV whose header tells.
    case auto
    /// Two people by id or email per row, optional weight, kind and date.
    case edges
    /// Microsoft Viva Insights person-to-person export.
    case vivaP2P = "viva-p2p"
    /// iCalendar (RFC 5545) files: a file, a folder of them, or a zip of them.
    case ics
    /// A Slack workspace export: its zip or its unpacked folder.
    case slack
}

/// What a link weighs, where the source leaves a choice.
public enum LinkWeight: String, Sendable, CaseIterable {
    /// Viva Insights: the strong-tie score (the default).
    case strong
    /// Viva Insights: the diverse-tie score.
    case diverse
    /// Viva Insights: every link weighs 1.
    case none
    /// Calendars: each meeting adds 1 to each participant, shared among the others: 1/(n−1) a pair (the default).
    case meetings
    /// Calendars: the meeting's duration in hours, shared the same way: hours/(n−1) a pair.
    case hours
}


/// Where each field of a links file is, once the header is read.
package struct LinkColumns: Sendable {
    package var format: LinkFormat
    var source: Int
    var target: Int
    var weight: Int?
    var kind: Int?
    var date: Int?
    /// Viva's dates are M/D/YYYY.
    var monthFirstDates: Bool
    /// The header name of each mapped field, for the summary line.
    package var summary: [String]

    static let sourceAliases = ["source", "from", "persona", "emaila", "sourceid", "sourceemail", "person1", "sender", "organizer", "a"]
    static let targetAliases = ["target", "to", "personb", "emailb", "targetid", "targetemail", "person2", "recipient", "attendee", "b"]
    static let weightAliases = ["weight", "count", "strength", "score", "minutes", "hours", "interactions"]
    static let kindAliases = ["kind", "type", "channel", "medium", "linktype"]
    static let dateAliases = ["date", "day", "metricdate", "timestamp", "start", "week"]

    /// Reads the header; fails naming the headers seen when the two people columns cannot be found.
    init(headers: [String], format requested: LinkFormat, weight requestedWeight: LinkWeight?, file: String, line: Int) throws {
        let normalized = headers.map(normalizeHeader)
        func find(_ aliases: [String]) -> Int? {
            for alias in aliases { if let i = normalized.firstIndex(of: alias) { return i } }
            return nil
        }
        let seen = headers.map { "'\($0)'" }.joined(separator: ", ")
        let primary = normalized.firstIndex(of: "primarycollaboratorpersonid")
        let secondary = normalized.firstIndex(of: "secondarycollaboratorpersonid")
        let isViva = primary != nil && secondary != nil
        let format: LinkFormat = requested == .auto ? (isViva ? .vivaP2P : .edges) : requested
        func fail(_ message: String) -> OrgMapError {
            .invalidInput(file: file, problems: [InputProblem(line: line, message: message + "; the header has \(seen)")], more: 0)
        }

        if let requestedWeight, format == .vivaP2P ? [.meetings, .hours].contains(requestedWeight) : true {
            throw fail(format == .vivaP2P
                ? "--weight \(requestedWeight.rawValue) is for calendars; a Viva Insights export takes strong, diverse or none"
                : "--weight is for Viva Insights exports (strong, diverse, none) and calendars (meetings, hours); an edge list has its own weight column")
        }
        switch format {
        case .vivaP2P:
            guard let primary, let secondary else {
                throw fail("not a Viva Insights person-to-person export: expected PrimaryCollaborator_PersonId and SecondaryCollaborator_PersonId columns")
            }
            source = primary
            target = secondary
            date = normalized.firstIndex(of: "metricdate")
            kind = nil
            monthFirstDates = true
            switch requestedWeight ?? .strong {
            case .strong:
                guard let w = find(["strongtiescore"]) else { throw fail("--weight strong needs a Strong_tie_score (or StrongTieScore) column") }
                weight = w
            case .diverse:
                guard let w = find(["diversetiescore"]) else { throw fail("--weight diverse needs a Diverse_tie_score (or DiverseTieScore) column") }
                weight = w
            case .none, .meetings, .hours:
                weight = nil
            }
        case .edges, .auto, .ics, .slack:
            guard let s = find(Self.sourceAliases), let t = find(Self.targetAliases), s != t else {
                throw fail("expected two columns naming the people linked, by id or email, such as source,target or from,to or person_a,person_b or email_a,email_b")
            }
            source = s
            target = t
            weight = find(Self.weightAliases)
            kind = find(Self.kindAliases)
            date = find(Self.dateAliases)
            monthFirstDates = false
        }
        self.format = format
        var summary = ["source ← '\(headers[source])'", "target ← '\(headers[target])'"]
        if let weight { summary.append("weight ← '\(headers[weight])'") }
        if let kind { summary.append("kind ← '\(headers[kind])'") }
        if let date { summary.append("date ← '\(headers[date])'") }
        self.summary = summary
    }
}
