import OrgModel
import Testing
@testable import OrgAnalysis

/// The warm paths found over flat arrays on two threads are the ones a plain search over every pair of edges finds:
/// the strongest (tie to the leader + tie into the department), then the go-between's name, then the contact's.
struct WarmPathFinderTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    struct Shown: Equatable {
        var weight: Double
        var via: Int
        var contact: Int
    }

    @Test(arguments: Array(1...16) as [UInt64])
    func twoThreadsFindWhatASearchOfEveryPairFinds(seed: UInt64) {
        var random = Generator(state: seed)
        let departments = 7
        // Few names, so that equal weights are decided by names, and some people share a name.
        let names = ["Ada", "Ben", "Cy", "Di"]
        let people = (0..<80).map { i in
            Person(key: "P\(i)", name: names[random.next(names.count)], title: nil, department: "D\(random.next(departments))",
                   managerKey: i == 0 ? nil : "P\(random.next(i))", dottedLineManagerKeys: i % 11 == 5 ? ["P\(random.next(i))"] : [])
        }
        let org = Organization(people: people)
        var pairs = Set<[Int]>()
        while pairs.count < 400 {
            let a = random.next(people.count), b = random.next(people.count)
            if a != b { pairs.insert([min(a, b), max(a, b)]) }
        }
        let ties = TieTable(pairs.sorted { $0.lexicographicallyPrecedes($1) }.map {
            Tie(a: $0[0], b: $0[1], weight: Double(1 + random.next(3)), count: 1)
        })
        let departmentOf = org.people.indices.map { Int(org.people[$0].department.dropFirst())! }
        var requests: [Int: Set<Int>] = [:]
        while requests.count < 12 {
            requests[random.next(people.count)] = Set((0..<departments).filter { _ in random.next(2) == 0 })
        }
        let edges = EdgeSource(ties: ties, organization: org, dottedLineWeight: 0.5)

        let found = WarmPathFinder.find(requests: requests, edges: edges, departmentOf: departmentOf, names: org.people)

        var all: [(Int, Int, Double)] = []
        edges.forEach { a, b, weight, _, _ in all.append((a, b, weight)) }
        // Weight, names, then places in the chart: two people may share a name.
        func better(_ p: Shown, than q: Shown) -> Bool {
            let (pv, qv, pc, qc) = (org.people.name(p.via), org.people.name(q.via), org.people.name(p.contact), org.people.name(q.contact))
            return p.weight != q.weight ? p.weight > q.weight : pv != qv ? pv < qv : pc != qc ? pc < qc : (p.via, p.contact) < (q.via, q.contact)
        }
        var expected: [WarmPathFinder.Request: Shown] = [:]
        for (leader, wanted) in requests {
            var toLeader: [Int: Double] = [:]
            for (a, b, weight) in all {
                if a == leader { toLeader[b, default: 0] += weight }
                if b == leader { toLeader[a, default: 0] += weight }
            }
            for (a, b, weight) in all {
                for (via, contact) in [(a, b), (b, a)] {
                    guard let first = toLeader[via], contact != leader, wanted.contains(departmentOf[contact]) else { continue }
                    let request = WarmPathFinder.Request(leader: leader, department: departmentOf[contact])
                    let path = Shown(weight: first + weight, via: via, contact: contact)
                    if let current = expected[request], !better(path, than: current) { continue }
                    expected[request] = path
                }
            }
        }
        #expect(expected.count > 20, "enough paths to compare")
        let shown = found.mapValues { Shown(weight: $0.weight, via: $0.via, contact: $0.contact) }
        #expect(shown == expected, "\(expected.filter { shown[$0.key] != $0.value }.count) of \(expected.count) differ")
        for (request, path) in found {
            #expect(path.contact != request.leader && departmentOf[path.contact] == request.department)
        }
    }
}
