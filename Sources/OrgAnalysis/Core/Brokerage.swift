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
    static func of(_ leaders: [Int], ties: TieTable, people: Int) -> [Brokerage?] {
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
        var indirect = [Double](repeating: 0, count: entries)
        var redundancy = [Double](repeating: 0, count: entries)
        ties.forEach { x, y, weight, _ in
            guard weight > 0 else { return }
            var i = start[x], j = start[y]
            let iEnd = start[x + 1], jEnd = start[y + 1]
            while i < iEnd, j < jEnd {
                if slot[i] < slot[j] {
                    i += 1
                } else if slot[i] > slot[j] {
                    j += 1
                } else {
                    indirect[j] += share[i] * weight / strength[x]
                    indirect[i] += share[j] * weight / strength[y]
                    redundancy[i] += share[j] * weight / largest[x]
                    redundancy[j] += share[i] * weight / largest[y]
                    i += 1
                    j += 1
                }
            }
        }

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
