/// The people of one snapshot with the reporting structure indexed for lookups.
///
/// People are addressed by their index in ``people``; every index below refers to that array.
public struct Organization: Sendable {
    public let people: [Person]
    /// Index of each person's line manager, nil for roots.
    public let managerIndex: [Int?]
    /// Indices of each person's direct reports, in file order.
    public let directReports: [[Int]]
    /// Indices of each person's dotted-line managers.
    public let dottedLineManagerIndices: [[Int]]
    /// Indices of the people with no manager, in file order.
    public let roots: [Int]
    private let indexByKey: [String: Int]

    /// Builds the indices. Manager keys that name nobody are treated as absent (the importer rejects them first).
    public init(people: [Person]) {
        self.people = people
        var byKey = [String: Int](minimumCapacity: people.count)
        for (i, p) in people.enumerated() where byKey[p.key] == nil { byKey[p.key] = i }
        indexByKey = byKey
        var managers = [Int?](repeating: nil, count: people.count)
        var reports = [[Int]](repeating: [], count: people.count)
        var dotted = [[Int]](repeating: [], count: people.count)
        var roots: [Int] = []
        for (i, p) in people.enumerated() {
            if let key = p.managerKey, let m = byKey[key], m != i {
                managers[i] = m
                reports[m].append(i)
            } else {
                roots.append(i)
            }
            dotted[i] = p.dottedLineManagerKeys.compactMap { byKey[$0] }.filter { $0 != i }
        }
        managerIndex = managers
        directReports = reports
        dottedLineManagerIndices = dotted
        self.roots = roots
    }

    public func index(ofKey key: String) -> Int? { indexByKey[key] }

    /// False when nobody has a manager in a chart of several people: the file had no manager column (a directory
    /// export), so reporting lines are unknown rather than flat, and tiers can come from titles only.
    public var hasReportingLines: Bool { people.count < 2 || roots.count < people.count }

    /// Distance from each person to the root of their tree (roots are at depth 0).
    /// Assumes the reporting lines have no cycle, which the importer guarantees.
    public func depths() -> [Int] {
        var depth = [Int](repeating: 0, count: people.count)
        var stack = roots.map { ($0, 0) }
        while let (i, d) = stack.popLast() {
            depth[i] = d
            for r in directReports[i] { stack.append((r, d + 1)) }
        }
        return depth
    }

    /// Department names with their head counts, largest first, then by name.
    public func departmentHeadCounts() -> [(name: String, people: Int)] {
        var counts: [String: Int] = [:]
        for p in people { counts[p.department, default: 0] += 1 }
        return counts.map { (name: $0.key, people: $0.value) }
            .sorted { $0.people != $1.people ? $0.people > $1.people : $0.name < $1.name }
    }
}
