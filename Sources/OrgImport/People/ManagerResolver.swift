import OrgModel

/// Resolves manager and dotted-line values to people, by id, email or full name, whichever the column's
/// values match most; then checks duplicate ids, self-management and cycles.
struct ManagerResolver {
    private(set) var people: [Person]
    private(set) var warnings: [ImportWarning] = []
    private(set) var managerMatchedBy: String?
    private let rows: [RawPerson]
    private let mapping: HeaderMapping
    private let options: PeopleImportOptions

    /// Values that HR exports put in a manager column to say "nobody": UK organograms' `XX`, `N/A`, `none`...
    static let noManagerMarkers: Set<String> = ["xx", "n/a", "na", "none", "null", "nil", "-", "--", "n/d", "#n/a"]

    private enum MatchKind: String { case id, email, name }
    private var byKey: [String: Int] = [:]
    private var byEmail: [String: [Int]] = [:]
    private var byName: [String: [Int]] = [:]
    private var indexedEmailsAndNames = false

    init(rows: [RawPerson], mapping: HeaderMapping, options: PeopleImportOptions) {
        self.rows = rows
        self.mapping = mapping
        self.options = options
        people = rows.map(\.person)
    }

    private static func nameKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    mutating func resolve(into problems: inout ProblemCollector) {
        for (i, row) in rows.enumerated() {
            if let first = byKey[row.person.key] {
                problems.add(InputProblem(line: row.line, message: "duplicate id '\(row.person.key)': already used by \(rows[first].person.name) on line \(rows[first].line)\(mapping.columns[.id] == nil ? " (the file has no id column, so people are told apart by \(mapping.columns[.email] != nil ? "email" : "name"); add an id column or map one with --column id=HEADER)" : "")"))
                continue
            }
            byKey[row.person.key] = i
        }
        guard problems.problems.isEmpty else { return }

        let managerColumn = mapping.columns[.manager]!
        let kind = matchKind(for: rows.compactMap(\.manager))
        managerMatchedBy = describe(kind)
        var unknownRoots: [Int] = []
        for (i, row) in rows.enumerated() {
            guard let value = row.manager else { continue }
            switch lookup(value, kind: kind) {
            case .found(let m):
                if m == i {
                    problems.add(InputProblem(line: row.line, column: managerColumn + 1, columnName: mapping.headers[managerColumn], message: "\(row.person.name) is their own manager; leave the manager empty for the top of the chart"))
                } else {
                    people[i].managerKey = rows[m].person.key
                }
            case .ambiguous(let candidates):
                problems.add(InputProblem(line: row.line, column: managerColumn + 1, columnName: mapping.headers[managerColumn], message: "manager '\(value)' is ambiguous: \(candidates.count) people have that \(kind.rawValue) (\(candidates.map { "line \(rows[$0].line)" }.joined(separator: ", "))); use a manager id or email column"))
            case .none:
                if Self.noManagerMarkers.contains(value.lowercased()) { continue }
                if options.allowUnknownManagers {
                    unknownRoots.append(row.line)
                } else {
                    problems.add(InputProblem(line: row.line, column: managerColumn + 1, columnName: mapping.headers[managerColumn], message: "manager '\(value)' is nobody in this file (matched by \(describe(kind))); expected the \(describe(kind)) of a person in the file, or an empty value for the top of the chart. Use --allow-unknown-managers to import such people as roots"))
                }
            }
        }
        if !unknownRoots.isEmpty {
            warnings.append(ImportWarning(kind: "unknown-manager", message: "\(unknownRoots.count) \(unknownRoots.count == 1 ? "person's manager is" : "people's managers are") nobody in the file; imported as roots (--allow-unknown-managers)", lines: unknownRoots))
        }
        resolveDottedLines()
        findCycles(into: &problems)
    }

    private mutating func resolveDottedLines() {
        guard mapping.columns[.dottedLine] != nil else { return }
        var values: [String] = []
        for row in rows { if let v = row.dottedLine { values += splitList(v) } }
        let kind = matchKind(for: values)
        var unknown: [Int] = []
        for (i, row) in rows.enumerated() {
            guard let value = row.dottedLine else { continue }
            // The whole value first: a name written "Last, First" contains a comma.
            let parts: [String] = if case .found = lookup(value, kind: kind) { [value] } else { splitList(value) }
            for part in parts {
                if case .found(let m) = lookup(part, kind: kind), m != i {
                    let key = rows[m].person.key
                    if !people[i].dottedLineManagerKeys.contains(key) { people[i].dottedLineManagerKeys.append(key) }
                } else if !Self.noManagerMarkers.contains(part.lowercased()) {
                    unknown.append(row.line)
                }
            }
        }
        if !unknown.isEmpty {
            warnings.append(ImportWarning(kind: "unknown-dotted-line", message: "\(unknown.count) dotted-line manager value\(unknown.count == 1 ? " matches" : "s match") nobody (or several people) in the file and \(unknown.count == 1 ? "was" : "were") ignored", lines: unknown))
        }
    }

    private func splitList(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
            .map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// Keys are emails or names when the file has no id column: say so.
    private func describe(_ kind: MatchKind) -> String {
        guard kind == .id, mapping.columns[.id] == nil else { return kind.rawValue }
        return mapping.columns[.email] != nil ? "email" : "name"
    }

    private enum Lookup { case found(Int), ambiguous([Int]), none }

    private func lookup(_ value: String, kind: MatchKind) -> Lookup {
        let hits: [Int] = switch kind {
        case .id: byKey[value].map { [$0] } ?? []
        case .email: byEmail[value.lowercased()] ?? []
        case .name: byName[Self.nameKey(value)] ?? []
        }
        switch Set(hits).count {
        case 0: return .none
        case 1: return .found(hits[0])
        default: return .ambiguous(hits)
        }
    }

    /// Emails and names are indexed only when ids do not explain every value: most files use ids.
    private mutating func indexEmailsAndNames() {
        guard !indexedEmailsAndNames else { return }
        indexedEmailsAndNames = true
        for (i, row) in rows.enumerated() {
            if let email = row.person.email { byEmail[email.lowercased(), default: []].append(i) }
            byName[Self.nameKey(row.person.name), default: []].append(i)
            if let alias = row.nameAlias { byName[Self.nameKey(alias), default: []].append(i) }
        }
    }

    /// The kind of key most of the values match; ids win ties, then emails.
    private mutating func matchKind(for values: [String]) -> MatchKind {
        if values.allSatisfy({ byKey[$0] != nil || Self.noManagerMarkers.contains($0.lowercased()) }) { return .id }
        indexEmailsAndNames()
        var counts: [MatchKind: Int] = [.id: 0, .email: 0, .name: 0]
        for v in values {
            if byKey[v] != nil { counts[.id]! += 1 }
            if byEmail[v.lowercased()] != nil { counts[.email]! += 1 }
            if byName[Self.nameKey(v)] != nil { counts[.name]! += 1 }
        }
        var best = MatchKind.id
        for kind in [MatchKind.email, .name] where counts[kind]! > counts[best]! { best = kind }
        return best
    }

    /// Every cycle in the reporting lines, each named in full with its people's lines.
    private func findCycles(into problems: inout ProblemCollector) {
        var managerOf = [Int?](repeating: nil, count: people.count)
        for (i, p) in people.enumerated() { managerOf[i] = p.managerKey.flatMap { byKey[$0] } }
        // 0 unvisited, 1 on the current walk, 2 done.
        var state = [UInt8](repeating: 0, count: people.count)
        for start in people.indices where state[start] == 0 {
            var walk: [Int] = []
            var node: Int? = start
            while let n = node, state[n] == 0 {
                state[n] = 1
                walk.append(n)
                node = managerOf[n]
            }
            if let n = node, state[n] == 1, let at = walk.firstIndex(of: n) {
                let cycle = Array(walk[at...])
                let names = (cycle + [cycle[0]]).map { "\(rows[$0].person.name) (line \(rows[$0].line))" }
                problems.add(InputProblem(line: rows[cycle.min { rows[$0].line < rows[$1].line }!].line, message: "the reporting lines form a cycle of \(cycle.count) people, so nobody in it leads to the top of the chart: \(names.joined(separator: " → "))"))
            }
            for n in walk { state[n] = 2 }
        }
    }
}
