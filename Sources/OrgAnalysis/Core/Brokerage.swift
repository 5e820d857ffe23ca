import OrgModel

/// Burt's structural-hole measures of one person on the weighted, undirected tie graph (imported ties, summed per
/// pair), defined exactly as networkx's `constraint(G, weight="weight")` and `effective_size(G, weight="weight")`.
///
/// With p(u,v) = w(u,v) / Σₓ w(u,x), the share of u's tie weight spent on v, and m(u,v) = w(u,v) / maxₓ w(u,x):
/// - **constraint** c(v) = Σ_{n∈N(v)} (p(v,n) + Σ_{w∈N(v)} p(v,w)·p(w,n))²: from 1/|N| (contacts who do not know
///   each other: the leader is the bridge) up to 1 and a little over (one contact, or contacts all tied to each
///   other);
/// - **effective size** e(v) = Σ_{u∈N(v)} (1 − Σ_{w∈N(v)} p(v,w)·m(u,w)): the number of contacts, less how much
///   they are tied to each other; |N| when none are.
public struct Brokerage: Sendable, Codable, Equatable {
    public var constraint: Double
    public var effectiveSize: Double

    public init(constraint: Double, effectiveSize: Double) {
        self.constraint = constraint
        self.effectiveSize = effectiveSize
    }
}

extension Brokerage {
    /// Constraint and effective size of each of `leaders`, nil for someone without a tie (networkx gives NaN).
    ///
    /// Both measures sum over the triangles a leader closes: contacts u and w of the leader tied to each other. So
    /// instead of an adjacency list of every person (24 bytes a tie, beside the ties themselves), this keeps one
    /// entry per leader and contact, and walks the ties: a tie between two people with a leader in common adds to
    /// that leader's entries for both. Three passes over the ties; memory is the leaders' contacts, not the ties.
    ///
    /// From `twoThreadsFrom` leader–contact entries the last pass over the ties is split between two threads by
    /// leader; each entry's sums are added in the ties' order either way, so the result is the same to the bit.
    static func of(_ leaders: [Int], ties: TieTable, people: Int, twoThreadsFrom: Int = 100_000) -> [Brokerage?] {
        guard !leaders.isEmpty else { return [] }
        var slotOf = [Int32](repeating: -1, count: people)
        for (s, v) in leaders.enumerated() { slotOf[v] = Int32(s) }

        // Pass 1: each person's total and largest tie weight, and how many leaders they are a contact of.
        var strength = [Double](repeating: 0, count: people)
        var largest = [Double](repeating: 0, count: people)
        var start = [Int](repeating: 0, count: people + 1)
        ties.forEach { a, b, weight, _ in
            guard weight > 0 else { return }
            strength[a] += weight
            strength[b] += weight
            largest[a] = max(largest[a], weight)
            largest[b] = max(largest[b], weight)
            if slotOf[a] >= 0 { start[b + 1] += 1 }
            if slotOf[b] >= 0 { start[a + 1] += 1 }
        }
        for i in 0..<people { start[i + 1] += start[i] }

        // Pass 2: per contact, its leaders (by slot) and p(leader, contact), the share of the leader's weight.
        let entries = start[people]
        var slot = [Int32](repeating: 0, count: entries)
        var share = [Double](repeating: 0, count: entries)
        var next = Array(start.dropLast())
        ties.forEach { a, b, weight, _ in
            guard weight > 0 else { return }
            if slotOf[a] >= 0 { slot[next[b]] = slotOf[a]; share[next[b]] = weight / strength[a]; next[b] += 1 }
            if slotOf[b] >= 0 { slot[next[a]] = slotOf[b]; share[next[a]] = weight / strength[b]; next[a] += 1 }
        }
        // Ties in pair order list each contact's leaders in slot order already; ties given in any other order are
        // put in it, so that pass 3 can meet two contacts' leaders in step.
        for x in 0..<people where start[x + 1] - start[x] > 1 {
            for k in (start[x] + 1)..<start[x + 1] {
                let (s, p) = (slot[k], share[k])
                var j = k
                while j > start[x], slot[j - 1] > s {
                    slot[j] = slot[j - 1]
                    share[j] = share[j - 1]
                    j -= 1
                }
                slot[j] = s
                share[j] = p
            }
        }

        // Pass 3: a tie x–y whose ends share leader v: for v, y reaches x's weight through x (Σ p(v,x)·p(x,y),
        // the indirect part of v's dependence on y) and x is redundant as far as v leans on y (p(v,y)·m(x,y)).
        // Two threads take the leaders below and from `split`: each contact's entries are in slot order, so each
        // walks its own part of both lists (up to or from `middle`), and they write to different entries.
        let sums = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, 2 * entries))
        sums.initialize(repeating: 0)
        defer { sums.deallocate() }
        let (indirect, redundancy) = (SharedSums(sums, from: 0, count: entries), SharedSums(sums, from: entries, count: entries))
        var split = leaders.count
        var middle = Array(start.dropFirst())  // one thread: each list whole
        if entries >= twoThreadsFrom {
            var perSlot = [Int](repeating: 0, count: leaders.count)
            for k in 0..<entries { perSlot[Int(slot[k])] += 1 }
            var below = 0
            split = perSlot.firstIndex { count in below += count; return below * 2 >= entries }.map { $0 + 1 } ?? leaders.count
            for x in 0..<people {
                middle[x] = start[x]
                while middle[x] < start[x + 1], slot[middle[x]] < split { middle[x] += 1 }
            }
        }
        let (strengths, largests, slots, shares, starts, middles) = (strength, largest, slot, share, start, middle)
        let walk: @Sendable (_ upper: Bool) -> Void = { upper in
            ties.forEach { x, y, weight, _ in
                guard weight > 0 else { return }
                var i = upper ? middles[x] : starts[x], j = upper ? middles[y] : starts[y]
                let iEnd = upper ? starts[x + 1] : middles[x], jEnd = upper ? starts[y + 1] : middles[y]
                while i < iEnd, j < jEnd {
                    if slots[i] < slots[j] {
                        i += 1
                    } else if slots[i] > slots[j] {
                        j += 1
                    } else {
                        indirect[j] += shares[i] * weight / strengths[x]
                        indirect[i] += shares[j] * weight / strengths[y]
                        redundancy[i] += shares[j] * weight / largests[x]
                        redundancy[j] += shares[i] * weight / largests[y]
                        i += 1
                        j += 1
                    }
                }
            }
        }
        if split < leaders.count { _ = Parallel.both({ walk(false) }, { walk(true) }) } else { walk(false) }

        // c(v) = Σ over contacts n of (p(v,n) + indirect)², e(v) = Σ over contacts u of (1 − redundancy).
        var constraint = [Double](repeating: 0, count: leaders.count)
        var effectiveSize = [Double](repeating: 0, count: leaders.count)
        var contacts = [Int](repeating: 0, count: leaders.count)
        for k in 0..<entries {
            let s = Int(slot[k])
            let c = share[k] + indirect[k]
            constraint[s] += c * c
            effectiveSize[s] += 1 - redundancy[k]
            contacts[s] += 1
        }
        return leaders.indices.map { s in
            contacts[s] > 0 ? Brokerage(constraint: constraint[s], effectiveSize: effectiveSize[s]) : nil
        }
    }
}

/// A stretch of doubles that two threads add into, each at entries of its own.
///
/// `@unchecked Sendable`: the passes that share one write to disjoint entries, and it is read only after both end.
private struct SharedSums: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Double>

    init(_ buffer: UnsafeMutableBufferPointer<Double>, from offset: Int, count: Int) {
        precondition(offset + count <= buffer.count)
        base = buffer.baseAddress! + offset
    }

    subscript(k: Int) -> Double {
        get { base[k] }
        nonmutating set { base[k] = newValue }
    }
}
