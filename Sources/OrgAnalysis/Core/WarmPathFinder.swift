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
        // completely, so the result is the one a single pass finds.
        let via = (0..<n).map { end[$0 + 1] > degree[$0] }
        let cells = wanted.count
        // Immutable copies (no bytes copied) of what passes 1 built, for the two threads.
        let (toSlotDone, toWeightDone, endDone, start) = (toSlot, toWeight, end, degree)
        let halves = Parallel.both(
            { bestPaths(part: 0) },
            { bestPaths(part: 1) })
        @Sendable func bestPaths(part: Int) -> [Path?] {
            var best = [Path?](repeating: nil, count: cells)
            func consider(via: Int, contact: Int, weight: Double) {
                let d = departmentOf[contact]
                for k in start[via]..<endDone[via + 1] {
                    let s = Int(toSlotDone[k])
                    let cell = s * departmentCount + d
                    guard wanted[cell], leaders[s] != contact else { continue }
                    let path = Path(via: via, contact: contact, weight: toWeightDone[k] + weight)
                    if let current = best[cell], !better(path, than: current, names: names) { continue }
                    best[cell] = path
                }
            }
            edges.forEach(part: part, of: 2) { a, b, weight, _, _ in
                if via[a] { consider(via: a, contact: b, weight: weight) }
                if via[b] { consider(via: b, contact: a, weight: weight) }
            }
            return best
        }
        let best = zip(halves.0, halves.1).map { first, second -> Path? in
            guard let first else { return second }
            guard let second else { return first }
            return better(second, than: first, names: names) ? second : first
        }
        var result: [Request: Path] = [:]
        for (cell, path) in best.enumerated() {
            guard let path else { continue }
            result[Request(leader: leaders[cell / departmentCount], department: cell % departmentCount)] = path
        }
        return result
    }

    struct Request: Hashable {
        var leader: Int
        var department: Int
    }

    private static func better(_ p: Path, than q: Path, names: People) -> Bool {
        if p.weight != q.weight { return p.weight > q.weight }
        if p.via != q.via { return names.name(p.via) < names.name(q.via) }
        return names.name(p.contact) < names.name(q.contact)
    }
}
