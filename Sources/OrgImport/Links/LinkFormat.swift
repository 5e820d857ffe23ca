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
    /// A network survey ("Who do you go to for advice?") as Google Forms or Microsoft Forms export it: one row a
    /// respondent, colleagues named in the answers.
    case survey
}

/// The fields of a links table that `--column FIELD=HEADER` maps.
public enum LinkField: String, Sendable, CaseIterable, Comparable {
    case source, target, weight, date, kind

    public static func < (a: LinkField, b: LinkField) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
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


/// Where each field of a links table is, once the header is read (or found missing).
package struct LinkColumns: Sendable {
    package var format: LinkFormat
    var source: Int
    /// One column for an edge list; a message log's To, Cc and Bcc columns.
    var targets: [Int]
    /// The target cells may list several recipients (`a@x; "Lee, Ann" <ann@x>`): a message log.
    var recipientLists: Bool
    var weight: Int?
    /// The weight is in a networkx attribute dictionary, `{'weight': 3}`, spread over the fields from here on.
    var weightInDictionary: Bool
    var kind: Int?
    var date: Int?
    /// Viva's dates are M/D/YYYY.
    var monthFirstDates: Bool
    /// The file has no header: its first record is a link.
    var headerless: Bool
    /// How many fields a row needs.
    var width: Int
    /// The header name of each mapped field, for the summary line.
    package var summary: [String]

    /// Header words (normalized: lowercase letters and digits) that name the first person of a link.
    static let sourceWords = ["source", "from", "sender", "ego", "node1", "src", "e1", "person1", "persona", "emaila", "organizer", "u", "i", "a"]
    /// … the second person.
    static let targetWords = ["target", "to", "recipients", "recipient", "alter", "node2", "dst", "e2", "person2", "personb", "emailb", "attendee", "v", "j", "b"]
    /// Target columns whose cells may list several people, and the copy columns that come with them.
    static let recipientWords: Set<String> = ["to", "recipients", "recipient"]
    static let copyWords = ["cc", "bcc"]
    /// What may follow a person word: `fromId`, `sender_email`, `Recipient Address`, `Source Node`.
    static let personSuffixes = ["", "id", "email", "emails", "emailaddress", "emailaddresses", "address", "addresses", "name", "node", "user", "userid", "person", "personid", "key", "upn", "smtpaddress"]
    static let weightAliases = ["weight", "count", "strength", "score", "minutes", "hours", "interactions", "value", "frequency", "freq", "messages", "edge", "tie", "tiestrength", "w", "n"]
    static let kindAliases = ["kind", "type", "channel", "medium", "linktype", "relation", "relationship", "tietype", "edgetype", "label"]
    static let dateAliases = ["date", "day", "metricdate", "timestamp", "start", "week", "sent", "senton", "sentdate", "senttime", "received", "receivedtime", "datetime", "time", "createdat", "when"]

    /// Suffixes after which a To or Recipient column holds one id, not a list of addresses.
    static let singleSuffixes: Set<String> = ["id", "userid", "personid", "node", "key"]

    /// The person word a normalized header is, with an allowed suffix; nil when it is none of `words`.
    static func personWord(_ header: String, in words: [String]) -> (word: String, suffix: String)? {
        for word in words where header.hasPrefix(word) {
            let suffix = String(header.dropFirst(word.count))
            // One-letter words only as themselves, and with id: `u`, `uid`… not `user`, `address`, `value`.
            if word.count == 1, !suffix.isEmpty, suffix != "id" { continue }
            if personSuffixes.contains(suffix) { return (word, suffix) }
        }
        return nil
    }

    /// Reads the header. `overrides` (`--column`) win over header names; a header that names no two people
    /// columns is taken as the first link when `isLink` says its first two fields are people of the org chart
    /// (a headerless edge list); otherwise it is an error naming the headers seen.
    init(headers: [String], format requested: LinkFormat, weight requestedWeight: LinkWeight?, overrides: [LinkField: [String]] = [:], isLink: () -> Bool = { false }, file: String, line: Int) throws {
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
        var explicit: [LinkField: [Int]] = [:]
        for (field, names) in overrides.sorted(by: { $0.key < $1.key }) {
            guard field == .target || names.count == 1 else { throw fail("--column \(field.rawValue)= is given \(names.count) times; only target may be given several times (To, Cc, Bcc)") }
            for name in names {
                let matches = normalized.indices.filter { normalized[$0] == normalizeHeader(name) }
                guard matches.count == 1 else {
                    throw fail(matches.isEmpty ? "--column \(field.rawValue)=\"\(name)\" names no column of the header"
                        : "--column \(field.rawValue)=\"\(name)\" is ambiguous: the header has it \(matches.count) times")
                }
                explicit[field, default: []].append(matches[0])
            }
        }
        weightInDictionary = false
        headerless = false
        recipientLists = false
        switch format {
        case .vivaP2P:
            guard let primary, let secondary else {
                throw fail("not a Viva Insights person-to-person export: expected PrimaryCollaborator_PersonId and SecondaryCollaborator_PersonId columns")
            }
            source = primary
            targets = [secondary]
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
        case .edges, .auto, .ics, .slack, .survey:
            monthFirstDates = false
            // Outlook writes `From: (Name)` before `From: (Address)`: a name column is the last choice, since
            // people are matched by id or email.
            func column(_ word: String, except: Int? = nil) -> Int? {
                let matching = normalized.indices.filter { $0 != except && Self.personWord(normalized[$0], in: [word]) != nil }
                return matching.first { Self.personWord(normalized[$0], in: [word])?.suffix != "name" } ?? matching.first
            }
            let foundSource = explicit[.source]?.first ?? Self.sourceWords.lazy.compactMap { column($0) }.first
            var foundTargets = explicit[.target] ?? []
            if foundTargets.isEmpty, let (word, target) = Self.targetWords.lazy.compactMap({ word in column(word, except: foundSource).map { (word, $0) } }).first {
                foundTargets = [target]
                if Self.recipientWords.contains(word), !Self.singleSuffixes.contains(Self.personWord(normalized[target], in: [word])?.suffix ?? "") {
                    // A message log: To, then Cc and Bcc, each cell a list of recipients.
                    recipientLists = true
                    foundTargets += Self.copyWords.compactMap { column($0, except: foundSource) }
                }
            } else if foundTargets.count > 1 {
                recipientLists = true
            }
            if let s = foundSource, !foundTargets.isEmpty, !foundTargets.contains(s) {
                source = s
                targets = foundTargets
                weight = explicit[.weight]?.first ?? find(Self.weightAliases)
                kind = explicit[.kind]?.first ?? find(Self.kindAliases)
                date = explicit[.date]?.first ?? find(Self.dateAliases)
            } else if overrides.isEmpty, headers.count >= 2, isLink() {
                // No header: `1 2 1.0` as networkx writes it, SNAP's `FromNodeId ToNodeId` after its comments.
                headerless = true
                source = 0
                targets = [1]
                kind = nil
                date = nil
                let third = headers.count > 2 ? headers[2] : ""
                weightInDictionary = third.hasPrefix("{")
                var scratch = [CChar](repeating: 0, count: 64)
                let numeric = Array(third.utf8).withUnsafeBufferPointer { LinkValue.weight($0, scratch: &scratch) != nil }
                weight = numeric || weightInDictionary ? 2 : nil
            } else {
                throw fail("expected two columns naming the people linked, by id or email, such as source,target or from,to or sender,recipients or ego,alter or person1,person2 (or a file without a header whose rows start with two people of the org chart); map them with --column source=HEADER --column target=HEADER")
            }
        }
        self.format = format
        width = headerless ? (weight.map { $0 + 1 } ?? 2) : TableHeader.width(headers)
        if headerless {
            summary = ["no header: source ← field 1", "target ← field 2"] + (weight == nil ? [] : [weightInDictionary ? "weight ← 'weight' of the attributes" : "weight ← field 3"])
            return
        }
        func named(_ i: Int) -> String { "'\(headers[i])'\(explicit.values.contains { $0.contains(i) } ? " (--column)" : "")" }
        var summary = ["source ← \(named(source))", "target ← \(targets.map(named).joined(separator: ", "))\(recipientLists ? " (lists of recipients)" : "")"]
        if let weight { summary.append("weight ← \(named(weight))") }
        if let kind { summary.append("kind ← \(named(kind))") }
        if let date { summary.append("date ← \(named(date))") }
        self.summary = summary
    }
}
