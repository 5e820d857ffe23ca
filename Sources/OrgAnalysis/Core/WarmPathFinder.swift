/// Finds, for a leader and a department they do not reach, the person tied to both sides with the
/// strongest combined weight: the introduction the recommendation names.
///
/// Two passes over the edges instead of an adjacency list, so memory stays proportional to the requests.
struct WarmPathFinder {
    struct Path: Equatable {
        /// The go-between, tied to the leader.
        var via: Int
        /// Their contact in the department.
        var contact: Int
        var weight: Double
    }

    /// `requests`: leader person index → department indices wanted. Result keyed by `Request`.
    static func find(
        requests: [Int: Set<Int>], edges: EdgeSource, departmentOf: [Int], names: [String]
    ) -> [Request: Path] {
        guard !requests.isEmpty else { return [:] }
        let n = departmentOf.count
        var isRequester = [Bool](repeating: false, count: n)
        for leader in requests.keys { isRequester[leader] = true }

        // Pass 1: who each requesting leader is tied to, and how strongly.
        var leadersOf: [Int: [Int: Double]] = [:]
        var isNeighbor = [Bool](repeating: false, count: n)
        edges.forEach { a, b, weight, _, _ in
            if isRequester[a] { leadersOf[b, default: [:]][a, default: 0] += weight; isNeighbor[b] = true }
            if isRequester[b] { leadersOf[a, default: [:]][b, default: 0] += weight; isNeighbor[a] = true }
        }

        // Pass 2: the neighbours' ties into the requested departments.
        var best: [Request: Path] = [:]
        func consider(via: Int, contact: Int, weight: Double) {
            guard let leaders = leadersOf[via] else { return }
            let d = departmentOf[contact]
            for (leader, toLeader) in leaders where leader != contact && requests[leader]!.contains(d) {
                let key = Request(leader: leader, department: d)
                let path = Path(via: via, contact: contact, weight: toLeader + weight)
                if let current = best[key], !better(path, than: current, names: names) { continue }
                best[key] = path
            }
        }
        edges.forEach { a, b, weight, _, _ in
            if isNeighbor[a] { consider(via: a, contact: b, weight: weight) }
            if isNeighbor[b] { consider(via: b, contact: a, weight: weight) }
        }
        return best
    }

    struct Request: Hashable {
        var leader: Int
        var department: Int
    }

    private static func better(_ p: Path, than q: Path, names: [String]) -> Bool {
        if p.weight != q.weight { return p.weight > q.weight }
        if p.via != q.via { return names[p.via] < names[q.via] }
        return names[p.contact] < names[q.contact]
    }
}
