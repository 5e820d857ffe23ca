import OrgModel
import OrgFastPath

/// Resolves manager and dotted-line values to people, by id, email or full name, whichever the column's
/// values match most; then checks duplicate ids, self-management and cycles.
struct ManagerResolver {
    private(set) var people: [Person]
    /// The row of each person's line manager, -1 for none.
    private(set) var managerRows: [Int32]
    private(set) var warnings: [ImportWarning] = []
    private(set) var managerMatchedBy: ManagerMatch?
    private let rows: RawRows
    private let mapping: HeaderMapping
    private let options: PeopleImportOptions

    /// Values that HR exports put in a manager column to say "nobody": UK organograms' `XX`, `N/A`, `none`...
    /// Values that mean "no manager" when they name nobody: what HR tools, SAS (`.`) and Excel (`#N/A`) write.
    static let noManagerMarkers: Set<String> = ["xx", "n/a", "na", "n.a.", "none", "(none)", "(blank)", "null", "nil", ".", "-", "--", "n/d", "#n/a"]

    private let byKey: TextKeyTable
    private var byEmail: [String: [Int]] = [:]
    private var byName: [String: [Int]] = [:]
    private var indexedEmailsAndNames = false

    /// Takes the people out of `rows`, so each is held once.
    init(rows: inout RawRows, mapping: HeaderMapping, options: PeopleImportOptions) {
        people = rows.takePeople()
        managerRows = [Int32](repeating: -1, count: people.count)
        byKey = rows.byKey
        self.rows = rows
        self.mapping = mapping
        self.options = options
    }

    private static func nameKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    mutating func resolve(into problems: inout ProblemCollector) {
        for (i, first) in rows.duplicates {
            problems.add(InputProblem(line: rows.lines[i], message: "duplicate id '\(people[i].key)': already used by \(people[first].name) on line \(rows.lines[first])\(mapping.columns[.id] == nil ? " (the file has no id column, so people are told apart by \(mapping.columns[.email] != nil ? "email" : "name"); add an id column or map one with --column id=HEADER)" : "")"))
        }
        guard problems.problems.isEmpty else { return }

        // Without a manager column everyone is a root: reporting lines are unknown (PeopleFile warns once).
        guard let managerColumn = mapping.columns[.manager] else {
            resolveDottedLines()
            return
        }
        // Managers read before their reports are already resolved by id: only the others are looked up.
        let allByID = people.indices.allSatisfy { i in
            guard rows.earlyManagers[i] < 0, let value = rows.managers[i] else { return true }
            return byKey[value] != nil || Self.noManagerMarkers.contains(value.lowercased())
        }
        let kind = allByID ? .id : matchKind(for: rows.managers.lazy.compactMap { $0 })
        managerMatchedBy = keyMatched(by: kind)
        var unknownRoots: [Int] = []
        for i in people.indices {
            guard let value = rows.managers[i] else { continue }
            let line = rows.lines[i]
            let found: Lookup = kind == .id && rows.earlyManagers[i] >= 0 ? .found(Int(rows.earlyManagers[i])) : lookup(value, kind: kind)
            switch found {
            case .found(let m):
                if m == i {
                    problems.add(InputProblem(line: line, column: managerColumn + 1, columnName: mapping.headers[managerColumn], message: "\(people[i].name) is their own manager; leave the manager empty for the top of the chart"))
                } else {
                    people[i].managerKey = people[m].key
                    managerRows[i] = Int32(m)
                }
            case .ambiguous(let candidates):
                problems.add(InputProblem(line: line, column: managerColumn + 1, columnName: mapping.headers[managerColumn], message: "manager '\(value)' is ambiguous: \(candidates.count) people have that \(kind.rawValue) (\(candidates.map { "line \(rows.lines[$0])" }.joined(separator: ", "))); use a manager id or email column"))
            case .none:
                if Self.noManagerMarkers.contains(value.lowercased()) { continue }
                if options.allowUnknownManagers {
                    unknownRoots.append(line)
                } else {
                    problems.add(InputProblem(line: line, column: managerColumn + 1, columnName: mapping.headers[managerColumn], message: "manager '\(value)' is nobody in this file (matched by \(keyMatched(by: kind).rawValue)); expected the \(keyMatched(by: kind).rawValue) of a person in the file, or an empty value for the top of the chart. Use --allow-unknown-managers to import such people as roots"))
                }
            }
        }
        if !unknownRoots.isEmpty {
            warnings.append(ImportWarning(kind: .unknownManager, message: "\(unknownRoots.count) \(unknownRoots.count == 1 ? "person's manager is" : "people's managers are") nobody in the file; imported as roots (--allow-unknown-managers)", lines: unknownRoots))
        }
        resolveDottedLines()
        findCycles(into: &problems)
    }

    private mutating func resolveDottedLines() {
        guard rows.hasDottedLines else { return }
        var values: [String] = []
        for v in rows.dottedLines { if let v { values += splitList(v) } }
        let kind = matchKind(for: values)
        var unknown: [Int] = []
        for i in people.indices {
            guard let value = rows.dottedLines[i] else { continue }
            // The whole value first: a name written "Last, First" contains a comma.
            let parts: [String] = if case .found = lookup(value, kind: kind) { [value] } else { splitList(value) }
            for part in parts {
                if case .found(let m) = lookup(part, kind: kind), m != i {
                    let key = people[m].key
                    if !people[i].dottedLineManagerKeys.contains(key) { people[i].dottedLineManagerKeys.append(key) }
                } else if !Self.noManagerMarkers.contains(part.lowercased()) {
                    unknown.append(rows.lines[i])
                }
            }
        }
        if !unknown.isEmpty {
            warnings.append(ImportWarning(kind: .unknownDottedLine, message: "\(unknown.count) dotted-line manager value\(unknown.count == 1 ? " matches" : "s match") nobody (or several people) in the file and \(unknown.count == 1 ? "was" : "were") ignored", lines: unknown))
        }
    }

    private func splitList(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
            .map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// What the values really matched: people are keyed by email or name when the file has no id column.
    private func keyMatched(by kind: ManagerMatch) -> ManagerMatch {
        guard kind == .id, mapping.columns[.id] == nil else { return kind }
        return mapping.columns[.email] != nil ? .email : .name
    }

    private enum Lookup { case found(Int), ambiguous([Int]), none }

    private func lookup(_ value: String, kind: ManagerMatch) -> Lookup {
        let hits: [Int] = switch kind {
        case .id: byKey[value].map { [Int($0)] } ?? []
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
        for (i, person) in people.enumerated() {
            if let email = person.email { byEmail[email.lowercased(), default: []].append(i) }
            byName[Self.nameKey(person.name), default: []].append(i)
            if let alias = rows.nameAliases[i] { byName[Self.nameKey(alias), default: []].append(i) }
        }
    }

    /// The kind of key most of the values match; ids win ties, then emails.
    private mutating func matchKind(for values: some Sequence<String>) -> ManagerMatch {
        if values.allSatisfy({ byKey[$0] != nil || Self.noManagerMarkers.contains($0.lowercased()) }) { return .id }
        indexEmailsAndNames()
        var counts: [ManagerMatch: Int] = [.id: 0, .email: 0, .name: 0]
        for v in values {
            if byKey[v] != nil { counts[.id]! += 1 }
            if byEmail[v.lowercased()] != nil { counts[.email]! += 1 }
            if byName[Self.nameKey(v)] != nil { counts[.name]! += 1 }
        }
        var best = ManagerMatch.id
        for kind in [ManagerMatch.email, .name] where counts[kind]! > counts[best]! { best = kind }
        return best
    }

    /// Every cycle in the reporting lines, each named in full with its people's lines.
    private func findCycles(into problems: inout ProblemCollector) {
        // 0 unvisited, 1 on the current walk, 2 done.
        var state = [UInt8](repeating: 0, count: people.count)
        for start in people.indices where state[start] == 0 {
            var walk: [Int] = []
            var node: Int? = start
            while let n = node, state[n] == 0 {
                state[n] = 1
                walk.append(n)
                node = managerRows[n] < 0 ? nil : Int(managerRows[n])
            }
            if let n = node, state[n] == 1, let at = walk.firstIndex(of: n) {
                let cycle = Array(walk[at...])
                let names = (cycle + [cycle[0]]).map { "\(people[$0].name) (line \(rows.lines[$0]))" }
                problems.add(InputProblem(line: rows.lines[cycle.min { rows.lines[$0] < rows.lines[$1] }!], message: "the reporting lines form a cycle of \(cycle.count) people, so nobody in it leads to the top of the chart: \(names.joined(separator: " → "))"))
            }
            for n in walk { state[n] = 2 }
        }
    }
}
