@testable import OrgAnalysis
import OrgModel
import Testing

/// Burt's constraint and effective size, against values worked out by hand and by networkx 3.6
/// (`constraint(G, nodes=…, weight="weight")`, `effective_size(G, nodes=…, weight="weight")`).
struct BrokerageTests {
    func brokerage(_ edges: [(Int, Int, Double)], people: Int, of who: [Int]) -> [Brokerage?] {
        Brokerage.of(who, ties: TieTable(edges.map { Tie(a: $0.0, b: $0.1, weight: $0.2, count: 1) }), people: people)
    }

    /// A star's centre holds every bridge: constraint 1/3, effective size 3; a leaf leans on one contact.
    @Test func aStar() throws {
        let b = brokerage([(0, 1, 1), (0, 2, 1), (0, 3, 1)], people: 4, of: [0, 1])
        #expect(abs(try #require(b[0]).constraint - 1.0 / 3) < 1e-12)
        #expect(b[0]?.effectiveSize == 3)
        #expect(b[1] == Brokerage(constraint: 1, effectiveSize: 1))
    }

    /// Person 0 ties to 1 (weight 2), 2 and 3 (weight 1); 1 and 2 know each other (weight 1).
    /// p(0,·) = ½, ¼, ¼; p(1,2) = ⅓; p(2,1) = ½. Constraint: (½ + ¼·½)² + (¼ + ½·⅓)² + (¼)² = 0.626736…
    /// Effective size: (1 − ¼·½) + (1 − ½·1) + 1 = 2.375.
    @Test func aTriangleWithAPendant() throws {
        let b = try #require(brokerage([(0, 1, 2), (0, 2, 1), (0, 3, 1), (1, 2, 1)], people: 4, of: [0])[0])
        #expect(abs(b.constraint - 0.626736111111111) < 1e-12)
        #expect(abs(b.effectiveSize - 2.375) < 1e-12)
    }

    @Test func aCliqueIsAllRedundancy() throws {
        let edges = (0..<4).flatMap { a in ((a + 1)..<4).map { (a, $0, 1.0) } }
        let b = try #require(brokerage(edges, people: 4, of: [0])[0])
        #expect(abs(b.constraint - 0.925925925925926) < 1e-12)
        #expect(abs(b.effectiveSize - 1) < 1e-12)
    }

    @Test func aWeightedGraphAsNetworkxMeasuresIt() {
        let edges: [(Int, Int, Double)] = [
            (0, 7, 2.13), (1, 5, 2.14), (1, 6, 2.4), (2, 3, 1.26), (2, 4, 3.71), (2, 6, 3.29), (2, 7, 2.66), (3, 4, 0.51),
            (3, 6, 1.25), (4, 6, 3.87), (5, 7, 3.79),
        ]
        let constraint = [1.0, 0.5016398532864988, 0.568665119245199, 0.9805715656704158, 0.8398113828380851, 0.5387104755025608, 0.577674220343125, 0.35286430740976193]
        let effectiveSize = [1.0, 2.0, 2.8700935154423526, 1.1266356511656963, 1.2109903505260478, 2.0, 2.846469483473517, 3.0]
        // Every person, in an order that interleaves: the scratch state is reset between people.
        let order = [7, 2, 0, 6, 3, 5, 1, 4]
        for (b, i) in zip(brokerage(edges, people: 9, of: order + [8]), order + [8]) {
            guard i < 8 else { #expect(b == nil, "no tie: no measure"); continue }
            #expect(abs((b?.constraint ?? .nan) - constraint[i]) < 1e-12, "constraint of \(i)")
            #expect(abs((b?.effectiveSize ?? .nan) - effectiveSize[i]) < 1e-12, "effective size of \(i)")
        }
    }

    /// The last pass split between two threads by leader gives every leader the same bits as one thread, whatever
    /// the split: a random weighted graph of 600 people, a third of them leaders, some with no tie at all.
    @Test(arguments: [1 as UInt64, 2, 3])
    func twoThreadsGiveTheSameBitsAsOne(seed: UInt64) {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var weights: [Int: Double] = [:]
        for _ in 0..<6_000 {
            let (a, b) = (next(560), next(560))
            if a != b { weights[min(a, b) << 32 | max(a, b), default: 0] += Double(1 + next(9)) / 4 }
        }
        let ties = TieTable(weights.keys.sorted().map { Tie(a: $0 >> 32, b: $0 & 0xFFFF_FFFF, weight: weights[$0]!, count: 1) })
        let leaders = (0..<600).filter { $0 % 3 == 0 }
        let one = Brokerage.of(leaders, ties: ties, people: 600, twoThreadsFrom: .max)
        let two = Brokerage.of(leaders, ties: ties, people: 600, twoThreadsFrom: 0)
        #expect(one.count == leaders.count && one.filter { $0 == nil }.count >= 10)
        #expect(one == two)
    }
}
