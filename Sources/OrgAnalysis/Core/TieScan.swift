/// One pass over every edge, adding each into the leader tallies and department totals it belongs to.
///
/// Everything is indexed by integers (person, leader slot, department) so that millions of ties take seconds.
struct TieScan {
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
        var traits = departments.ofPerson.map { UInt64(UInt32(truncatingIfNeeded: $0)) }
        for (i, engineering) in isEngineering.enumerated() where engineering { traits[i] |= Self.engineeringBit }
        for (s, i) in leaders.enumerated() { traits[i] |= UInt64(s + 1) << 32 }
        self.traits = traits
        own = Array(repeating: TieTally(), count: leaders.count)
        otherEngineering = own
        business = own
        reached = Array(repeating: [:], count: leaders.count)
        personHasImportedTie = Array(repeating: false, count: isEngineering.count)
        departmentHasImportedTie = Array(repeating: false, count: departments.count)
        engineeringWeightInto = Array(repeating: 0, count: departments.count)
        departmentCount = departments.count
        // Department pairs are summed in a grid while the scan runs when there are few departments (a dictionary
        // lookup a tie was a fifth of the scan), then kept as a dictionary, which a plan's trials add to.
        if departments.count <= Self.gridDepartments {
            grid = Array(repeating: TieTally(), count: departments.count * departments.count)
            touched = Array(repeating: false, count: departments.count * departments.count)
        }
        edges.forEach { a, b, weight, count, imported in add(a, b, weight: weight, count: count, imported: imported) }
        if let grid, let touched {
            for key in grid.indices where touched[key] { departmentPairs[key] = grid[key] }
            self.grid = nil
            self.touched = nil
        }
    }

    /// Per person, what the scan reads of them in one word, so that the far end of a tie costs one memory access:
    /// department index (low 32 bits), leader slot + 1 (0 for no leader), and the engineering bit.
    private let traits: [UInt64]
    private static let engineeringBit: UInt64 = 1 << 63
    private static let gridDepartments = 256
    private let departmentCount: Int
    private var grid: [TieTally]?
    private var touched: [Bool]?

    /// Counts one edge: what the scan does for each tie and dotted line, and what a plan does for an assumed tie.
    /// A person's department, leader slot (-1 for none) and engineering flag, from their word in ``traits``.
    @inline(__always)
    private func person(_ i: Int) -> (department: Int, slot: Int, engineering: Bool) {
        let t = traits[i]
        return (Int(t & 0xFFFF_FFFF), Int((t & ~Self.engineeringBit) >> 32) - 1, t & Self.engineeringBit != 0)
    }

    mutating func add(_ a: Int, _ b: Int, weight: Double, count: Int, imported: Bool) {
        let (da, slotA, engA) = person(a), (db, slotB, engB) = person(b)
        // Written only when they change: a plan's trial copies of the scan then share these arrays.
        if imported {
            if !personHasImportedTie[a] { personHasImportedTie[a] = true }
            if !personHasImportedTie[b] { personHasImportedTie[b] = true }
            if !departmentHasImportedTie[da] { departmentHasImportedTie[da] = true }
            if !departmentHasImportedTie[db] { departmentHasImportedTie[db] = true }
        }
        if da != db {
            let key = min(da, db) * departmentCount + max(da, db)
            if grid != nil {
                grid![key].add(weight: weight, count: count)
                touched![key] = true
            } else {
                departmentPairs[key, default: TieTally()].add(weight: weight, count: count)
            }
        }
        if engA && !engB { engineeringWeightInto[db] += weight }
        if engB && !engA { engineeringWeightInto[da] += weight }
        if slotA >= 0 { addToLeader(slotA, otherDepartment: db, sameDepartment: da == db, otherIsEngineering: engB, weight, count) }
        if slotB >= 0 { addToLeader(slotB, otherDepartment: da, sameDepartment: da == db, otherIsEngineering: engA, weight, count) }
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

    /// `body` on this scan with one more edge added, the scan then put back exactly as it was: what a plan's trial
    /// needs. Copying the scan instead copied every leader's tallies (tens of thousands at a million people) for
    /// each of thousands of trials; this saves and restores only the cells ``add(_:_:weight:count:imported:)``
    /// writes, bit for bit.
    mutating func withAdded<T>(_ a: Int, _ b: Int, weight: Double, count: Int, imported: Bool, _ body: (TieScan) -> T) -> T {
        let (da, slotA, _) = person(a), (db, slotB, _) = person(b)
        let slots = [slotA, slotB]
        let pairKey = da != db ? min(da, db) * departmentCount + max(da, db) : nil
        let saved = (
            people: (personHasImportedTie[a], personHasImportedTie[b]),
            departments: (departmentHasImportedTie[da], departmentHasImportedTie[db]),
            pair: pairKey.map { departmentPairs[$0] },
            into: (engineeringWeightInto[da], engineeringWeightInto[db]),
            leaders: slots.map { s in
                s < 0 ? nil : (own: own[s], other: otherEngineering[s], business: business[s], reached: [da, db].map { reached[s][$0] })
            })
        add(a, b, weight: weight, count: count, imported: imported)
        let result = body(self)
        (personHasImportedTie[a], personHasImportedTie[b]) = saved.people
        (departmentHasImportedTie[da], departmentHasImportedTie[db]) = saved.departments
        if let pairKey, let old = saved.pair { departmentPairs[pairKey] = old }
        // Restored in the order written: da then db, so that a department counted twice ends at its old value.
        engineeringWeightInto[db] = saved.into.1
        engineeringWeightInto[da] = saved.into.0
        for (s, old) in zip(slots, saved.leaders) {
            guard let old else { continue }
            own[s] = old.own
            otherEngineering[s] = old.other
            business[s] = old.business
            reached[s][db] = old.reached[1]
            reached[s][da] = old.reached[0]
        }
        return result
    }
}
