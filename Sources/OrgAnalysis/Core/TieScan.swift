/// One pass over every edge, adding each into the leader tallies and department totals it belongs to.
///
/// Everything is indexed by integers (person, leader slot, department) so that millions of ties take seconds.
struct TieScan {
    let leaderSlot: [Int]
    var own: [TieTally]
    var otherEngineering: [TieTally]
    var business: [TieTally]
    /// Per leader slot: business department index → ties into it.
    var reached: [[Int: TieTally]]
    var personHasImportedTie: [Bool]
    var departmentHasImportedTie: [Bool]
    /// Key `low * departmentCount + high`, for two different departments.
    var departmentPairs: [Int: TieTally] = [:]
    /// Per department: weight of ties between engineering people and its non-engineering members.
    var engineeringWeightInto: [Double]

    init(edges: EdgeSource, leaders: [Int], isEngineering: [Bool], departments: DepartmentIndex) {
        var slot = [Int](repeating: -1, count: isEngineering.count)
        for (s, i) in leaders.enumerated() { slot[i] = s }
        leaderSlot = slot
        own = Array(repeating: TieTally(), count: leaders.count)
        otherEngineering = own
        business = own
        reached = Array(repeating: [:], count: leaders.count)
        personHasImportedTie = Array(repeating: false, count: isEngineering.count)
        departmentHasImportedTie = Array(repeating: false, count: departments.count)
        engineeringWeightInto = Array(repeating: 0, count: departments.count)

        departmentOf = departments.ofPerson
        departmentCount = departments.count
        self.isEngineering = isEngineering
        edges.forEach { a, b, weight, count, imported in add(a, b, weight: weight, count: count, imported: imported) }
    }

    private let departmentOf: [Int]
    private let departmentCount: Int
    private let isEngineering: [Bool]

    /// Counts one edge: what the scan does for each tie and dotted line, and what a plan does for an assumed tie.
    mutating func add(_ a: Int, _ b: Int, weight: Double, count: Int, imported: Bool) {
        let dept = departmentOf, d = departmentCount, slot = leaderSlot
        let da = dept[a], db = dept[b]
        // Written only when they change: a plan's trial copies of the scan then share these arrays.
        if imported {
            if !personHasImportedTie[a] { personHasImportedTie[a] = true }
            if !personHasImportedTie[b] { personHasImportedTie[b] = true }
            if !departmentHasImportedTie[da] { departmentHasImportedTie[da] = true }
            if !departmentHasImportedTie[db] { departmentHasImportedTie[db] = true }
        }
        if da != db {
            departmentPairs[min(da, db) * d + max(da, db), default: TieTally()].add(weight: weight, count: count)
        }
        let engA = isEngineering[a], engB = isEngineering[b]
        if engA && !engB { engineeringWeightInto[db] += weight }
        if engB && !engA { engineeringWeightInto[da] += weight }
        if slot[a] >= 0 { addToLeader(slot[a], otherDepartment: db, sameDepartment: da == db, otherIsEngineering: engB, weight, count) }
        if slot[b] >= 0 { addToLeader(slot[b], otherDepartment: da, sameDepartment: da == db, otherIsEngineering: engA, weight, count) }
    }

    private mutating func addToLeader(
        _ s: Int, otherDepartment: Int, sameDepartment: Bool, otherIsEngineering: Bool,
        _ weight: Double, _ count: Int
    ) {
        if !otherIsEngineering {
            business[s].add(weight: weight, count: count)
            reached[s][otherDepartment, default: TieTally()].add(weight: weight, count: count)
        } else if sameDepartment {
            own[s].add(weight: weight, count: count)
        } else {
            otherEngineering[s].add(weight: weight, count: count)
        }
    }
}
