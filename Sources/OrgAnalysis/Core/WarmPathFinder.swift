import OrgModel

/// Finds, for a leader and a department they do not reach, the person tied to both sides with the
/// strongest combined weight: the introduction the recommendation names.
///
/// Passes over the edges instead of an adjacency list, so memory stays proportional to the requesters' ties.
struct WarmPathFinder {
    struct Path: Equatable {
        /// The go-between, tied to the leader.
        var via: Int
        /// Their contact in the department.
        var contact: Int
        var weight: Double
    }

    /// `requests`: leader person index → department indices wanted. Result keyed by `Request`.
    ///
    /// Flat arrays rather than dictionaries in the passes over the ties (a tenth of the report's time went to
    /// hashing there): each requesting leader gets a slot, each neighbour the list of its leaders and weights.
    static func find(
        requests: [Int: Set<Int>], edges: EdgeSource, departmentOf: [Int], names: People
    ) -> [Request: Path] {
        guard !requests.isEmpty else { return [:] }
        let n = departmentOf.count
        let departmentCount = (departmentOf.max() ?? -1) + 1
        let leaders = requests.keys.sorted()
        var slot = [Int32](repeating: -1, count: n)
        for (s, leader) in leaders.enumerated() { slot[leader] = Int32(s) }
        let wanted = (0..<(leaders.count * departmentCount)).map { cell in
            requests[leaders[cell / departmentCount]]!.contains(cell % departmentCount)
        }

        // Pass 1: who each requesting leader is tied to, and how strongly: per neighbour, its leaders' slots and
        // weights, summed when a dotted line doubles a tie.
        var degree = [Int](repeating: 0, count: n + 1)
        edges.forEach { a, b, _, _, _ in
            if slot[a] >= 0 { degree[b + 1] += 1 }
            if slot[b] >= 0 { degree[a + 1] += 1 }
        }
        for i in 0..<n { degree[i + 1] += degree[i] }
        var fill = Array(degree.dropLast())
        var toSlot = [Int32](repeating: 0, count: degree[n])
        var toWeight = [Double](repeating: 0, count: degree[n])
        edges.forEach { a, b, weight, _, _ in
            if slot[a] >= 0 { toSlot[fill[b]] = slot[a]; toWeight[fill[b]] = weight; fill[b] += 1 }
            if slot[b] >= 0 { toSlot[fill[a]] = slot[b]; toWeight[fill[a]] = weight; fill[a] += 1 }
        }
        var end = degree
        for v in 0..<n where degree[v + 1] - degree[v] > 1 {
            // Sorted by slot, each leader once with its summed weight.
            var entries = (degree[v]..<degree[v + 1]).map { (toSlot[$0], toWeight[$0]) }
            entries.sort { $0.0 < $1.0 }
            var k = degree[v]
            for entry in entries {
                if k > degree[v], toSlot[k - 1] == entry.0 {
                    toWeight[k - 1] += entry.1
                } else {
                    toSlot[k] = entry.0
                    toWeight[k] = entry.1
                    k += 1
                }
            }
            end[v + 1] = k
        }

        // Pass 2: the neighbours' ties into the requested departments; the best path per (leader, department). Two
        // threads take half the ties each, and the better of their two paths is kept: ``better`` orders paths
        // completely, so the result is the one a single pass finds. A cell is 16 bytes (people as 4-byte
        // indices, no optional's tag): with hundreds of departments there are millions of cells.
        let via = (0..<n).map { end[$0 + 1] > degree[$0] }
        let cells = wanted.count
        // Immutable copies (no bytes copied) of what passes 1 built, for the two threads.
        let (toSlotDone, toWeightDone, endDone, start) = (toSlot, toWeight, end, degree)
        let halves = Parallel.both(
            { bestPaths(part: 0) },
            { bestPaths(part: 1) })
        @Sendable func bestPaths(part: Int) -> [Cell] {
            var best = [Cell](repeating: Cell(), count: cells)
            func consider(via: Int, contact: Int, weight: Double) {
                let d = departmentOf[contact]
                for k in start[via]..<endDone[via + 1] {
                    let s = Int(toSlotDone[k])
                    let cell = s * departmentCount + d
                    guard wanted[cell], leaders[s] != contact else { continue }
                    let path = Cell(via: via, contact: contact, weight: toWeightDone[k] + weight)
                    if best[cell].isPath, !better(path, than: best[cell], names: names) { continue }
                    best[cell] = path
                }
            }
            edges.forEach(part: part, of: 2) { a, b, weight, _, _ in
                if via[a] { consider(via: a, contact: b, weight: weight) }
                if via[b] { consider(via: b, contact: a, weight: weight) }
            }
            return best
        }
        var result: [Request: Path] = [:]
        for cell in 0..<cells {
            let (first, second) = (halves.0[cell], halves.1[cell])
            guard first.isPath || second.isPath else { continue }
            let path = !first.isPath || (second.isPath && better(second, than: first, names: names)) ? second : first
            result[Request(leader: leaders[cell / departmentCount], department: cell % departmentCount)] =
                Path(via: Int(path.via), contact: Int(path.contact), weight: path.weight)
        }
        return result
    }

    /// A (leader, department) cell of pass 2: its best path so far, or none while `via` is -1.
    struct Cell {
        var via: Int32 = -1
        var contact: Int32 = 0
        var weight = 0.0

        init() {}

        init(via: Int, contact: Int, weight: Double) {
            self.via = Int32(via)
            self.contact = Int32(contact)
            self.weight = weight
        }

        var isPath: Bool { via >= 0 }
    }

    struct Request: Hashable {
        var leader: Int
        var department: Int
    }

    /// The stronger path, then the go-between's name, then the contact's, then (two people of one name) the
    /// earlier in the org chart: a complete order, so the path kept never depends on the order ties are read in.
    private static func better(_ p: Cell, than q: Cell, names: People) -> Bool {
        if p.weight != q.weight { return p.weight > q.weight }
        if p.via != q.via {
            let (a, b) = (names.name(Int(p.via)), names.name(Int(q.via)))
            if a != b { return a < b }
        }
        if p.contact != q.contact {
            let (a, b) = (names.name(Int(p.contact)), names.name(Int(q.contact)))
            if a != b { return a < b }
        }
        return (p.via, p.contact) < (q.via, q.contact)
    }
}
