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

/// The imported ties as adjacency lists (compressed: one offsets array, one neighbours array), with each
/// person's total and largest tie weight: what the brokerage measures read.
struct TieGraph {
    private let offsets: [Int]
    private let neighbours: [Int32]
    private let weights: [Double]
    private let strength: [Double]
    private let largest: [Double]

    init(ties: [Tie], people: Int) {
        var degree = [Int](repeating: 0, count: people + 1)
        var strength = [Double](repeating: 0, count: people)
        var largest = [Double](repeating: 0, count: people)
        for tie in ties where tie.a != tie.b && tie.weight > 0 {
            degree[tie.a + 1] += 1
            degree[tie.b + 1] += 1
            strength[tie.a] += tie.weight
            strength[tie.b] += tie.weight
            largest[tie.a] = max(largest[tie.a], tie.weight)
            largest[tie.b] = max(largest[tie.b], tie.weight)
        }
        for i in 0..<people { degree[i + 1] += degree[i] }
        var next = Array(degree.dropLast())
        var neighbours = [Int32](repeating: 0, count: degree[people])
        var weights = [Double](repeating: 0, count: degree[people])
        for tie in ties where tie.a != tie.b && tie.weight > 0 {
            neighbours[next[tie.a]] = Int32(tie.b); weights[next[tie.a]] = tie.weight; next[tie.a] += 1
            neighbours[next[tie.b]] = Int32(tie.a); weights[next[tie.b]] = tie.weight; next[tie.b] += 1
        }
        offsets = degree
        self.neighbours = neighbours
        self.weights = weights
        self.strength = strength
        self.largest = largest
    }

    /// Constraint and effective size of each of `people`, nil for someone without a tie (networkx gives NaN).
    /// Work is the sum of the contacts' degrees, person by person: no all-pairs pass.
    func brokerage(of people: [Int]) -> [Brokerage?] {
        let count = strength.count
        // p(v,u) for the current person's contacts, NaN elsewhere; `indirect` collects Σ_w p(v,w)·p(w,n).
        var share = [Double](repeating: .nan, count: count)
        var indirect = [Double](repeating: 0, count: count)
        return people.map { v -> Brokerage? in
            let contacts = offsets[v]..<offsets[v + 1]
            guard !contacts.isEmpty, strength[v] > 0 else { return nil }
            for k in contacts { share[Int(neighbours[k])] = weights[k] / strength[v] }
            var effectiveSize = 0.0
            for k in contacts {
                let u = Int(neighbours[k])
                var redundancy = 0.0
                for j in offsets[u]..<offsets[u + 1] {
                    let w = Int(neighbours[j])
                    let pvw = share[w]
                    guard !pvw.isNaN else { continue }
                    // w and u are both contacts of v: u's tie to w adds to v's constraint through u, and makes u
                    // redundant as far as v leans on w.
                    indirect[w] += share[u] * weights[j] / strength[u]
                    redundancy += pvw * weights[j] / largest[u]
                }
                effectiveSize += 1 - redundancy
            }
            var constraint = 0.0
            for k in contacts {
                let n = Int(neighbours[k])
                let c = share[n] + indirect[n]
                constraint += c * c
            }
            for k in contacts {
                share[Int(neighbours[k])] = .nan
                indirect[Int(neighbours[k])] = 0
            }
            return Brokerage(constraint: constraint, effectiveSize: effectiveSize)
        }
    }
}
