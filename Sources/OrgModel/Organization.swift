/// The people of one snapshot with the reporting structure indexed for lookups.
///
/// People are addressed by their index in ``people``; every index below refers to those people.
public struct Organization: Sendable {
    public let people: People
    /// Index of each person's line manager, nil for roots.
    public let managerIndex: ManagerIndices
    /// Indices of each person's direct reports, in file order.
    public let directReports: IndexLists
    /// Indices of each person's dotted-line managers.
    public let dottedLineManagerIndices: IndexLists
    /// Indices of the people with no manager, in file order.
    public let roots: [Int]

    /// Builds the indices. Manager keys that name nobody are treated as absent (the importer rejects them first).
    public init(people: [Person]) { self.init(people: People(people)) }

    public init(people: People) {
        self.people = people
        let n = people.count
        var managers = [Int32](repeating: -1, count: n)
        var reportCounts = [Int](repeating: 0, count: n)
        var roots: [Int] = []
        for i in 0 ..< n {
            if let m = people.managerByKey(i), m != i {
                managers[i] = Int32(m)
                reportCounts[m] += 1
            } else {
                roots.append(i)
            }
        }
        managerIndex = ManagerIndices(managers)
        directReports = IndexLists(count: n, counts: reportCounts) { add in
            for i in 0 ..< n where managers[i] >= 0 { add(Int(managers[i]), i) }
        }
        var dotted: [(person: Int, managers: [Int])] = people.dottedLines.map { person, keys in
            (Int(person), keys.compactMap { people.index(ofKey: $0) }.filter { $0 != Int(person) })
        }
        dotted.sort { $0.person < $1.person }
        var dottedCounts = [Int](repeating: 0, count: n)
        for d in dotted { dottedCounts[d.person] = d.managers.count }
        dottedLineManagerIndices = IndexLists(count: n, counts: dottedCounts) { add in
            for d in dotted { for m in d.managers { add(d.person, m) } }
        }
        self.roots = roots
    }

    public func index(ofKey key: String) -> Int? { people.index(ofKey: key) }

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
        for i in people.indices { counts[people.department(i), default: 0] += 1 }
        return counts.map { (name: $0.key, people: $0.value) }
            .sorted { $0.people != $1.people ? $0.people > $1.people : $0.name < $1.name }
    }
}

/// Each person's line manager, nil for roots: 4 bytes a person.
public struct ManagerIndices: RandomAccessCollection, Sendable, Equatable {
    private let managers: [Int32]

    init(_ managers: [Int32]) { self.managers = managers }

    public var startIndex: Int { 0 }
    public var endIndex: Int { managers.count }
    public subscript(i: Int) -> Int? { managers[i] < 0 ? nil : Int(managers[i]) }
}

/// A list of person indices for each person (direct reports, dotted-line managers), all in one array of 4-byte
/// indices; lists that are all empty (no dotted lines) take no room per person.
public struct IndexLists: RandomAccessCollection, Sendable, Equatable {
    /// Where each person's list starts in `members`, the last entry where the last ends; empty when every list is.
    private let starts: [Int32]
    private let members: [Int32]
    public let endIndex: Int

    /// `counts[i]` is the length of `i`'s list; `fill` calls `add(i, member)` for each member, in list order.
    init(count: Int, counts: [Int], fill: ((Int, Int) -> Void) -> Void) {
        endIndex = count
        let total = counts.reduce(0, +)
        guard total > 0 else { (starts, members) = ([], []); return }
        var starts = [Int32](repeating: 0, count: count + 1)
        for i in 0 ..< count { starts[i + 1] = starts[i] + Int32(counts[i]) }
        var next = Array(starts.dropLast())
        var members = [Int32](repeating: 0, count: total)
        fill { i, member in
            members[Int(next[i])] = Int32(member)
            next[i] += 1
        }
        self.starts = starts
        self.members = members
    }

    public var startIndex: Int { 0 }

    public subscript(i: Int) -> IndexList {
        precondition(i >= 0 && i < endIndex, "person index out of range")
        return starts.isEmpty ? IndexList(members[0 ..< 0]) : IndexList(members[Int(starts[i]) ..< Int(starts[i + 1])])
    }
}

/// One person's list in ``IndexLists``: person indices, counted from 0 like an array's.
public struct IndexList: RandomAccessCollection, Equatable, ExpressibleByArrayLiteral, Sendable {
    private let members: ArraySlice<Int32>

    init(_ members: ArraySlice<Int32>) { self.members = members }

    public init(arrayLiteral elements: Int...) { members = ArraySlice(elements.map { Int32($0) }) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { members.count }
    public subscript(k: Int) -> Int { Int(members[members.startIndex + k]) }

    public static func == (a: IndexList, b: IndexList) -> Bool { a.elementsEqual(b) }
}
