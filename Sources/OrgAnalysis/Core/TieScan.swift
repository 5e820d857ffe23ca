/// One pass over every edge, adding each into the leader tallies and department totals it belongs to.
///
/// Everything is indexed by integers (person, leader slot, department) so that millions of ties take seconds.
struct TieScan {
    var own: [TieTally]
    var otherEngineering: [TieTally]
    var business: [TieTally]
    /// Per leader slot: business department index → ties into it.
    var reached: [[Int: TieTally]]
    var departmentHasImportedTie: [Bool]
    /// Key `low * departmentCount + high`, for two different departments.
    var departmentPairs: [Int: TieTally] = [:]
    /// Per department: weight of ties between engineering people and its non-engineering members.
    var engineeringWeightInto: [Double]

    init(edges: EdgeSource, leaders: [Int], isEngineering: [Bool], departments: DepartmentIndex) {
        self.init(leaders: leaders, isEngineering: isEngineering, departments: departments)
        edges.forEach { a, b, weight, count, imported in add(a, b, weight: weight, count: count, imported: imported) }
        finish()
    }

    /// A scan with nothing added yet: edges are then added one by one (``add(_:_:weight:count:imported:)``), and
    /// ``finish()`` ends the adding.
    init(leaders: [Int], isEngineering: [Bool], departments: DepartmentIndex) {
        var traits = departments.ofPerson.map { UInt64(UInt32(truncatingIfNeeded: $0)) }
        for (i, engineering) in isEngineering.enumerated() where engineering { traits[i] |= Self.engineeringBit }
        precondition(leaders.count < 1 << 30, "more leaders than a scan's word holds")
        for (s, i) in leaders.enumerated() { traits[i] |= UInt64(s + 1) << 32 }
        self.traits = traits
        own = Array(repeating: TieTally(), count: leaders.count)
        otherEngineering = own
        business = own
        reached = Array(repeating: [:], count: leaders.count)
        departmentHasImportedTie = Array(repeating: false, count: departments.count)
        engineeringWeightInto = Array(repeating: 0, count: departments.count)
        departmentCount = departments.count
        // Department pairs are summed in a grid while the scan runs when there are few departments (a dictionary
        // lookup a tie was a fifth of the scan), then kept as a dictionary, which a plan's trials add to.
        if departments.count <= Self.gridDepartments {
            grid = Array(repeating: TieTally(), count: departments.count * departments.count)
            touched = Array(repeating: false, count: departments.count * departments.count)
        }
    }

    /// Ends the adding of edges: the department pairs' grid becomes ``departmentPairs``.
    mutating func finish() {
        if let grid, let touched {
            for key in grid.indices where touched[key] { departmentPairs[key] = grid[key] }
            self.grid = nil
            self.touched = nil
        }
    }

    /// Adds a finished scan of other edges over the same people and leaders into this finished one, its figures
    /// after this one's: scans of parts of the links, added in a fixed order, give the scan of all of them.
    mutating func absorb(_ other: TieScan) {
        precondition(grid == nil && other.grid == nil && traits.count == other.traits.count, "absorbing an unfinished or foreign scan")
        for s in own.indices {
            own[s].add(other.own[s])
            otherEngineering[s].add(other.otherEngineering[s])
            business[s].add(other.business[s])
            for (d, tally) in other.reached[s] { reached[s][d, default: TieTally()].add(tally) }
        }
        for i in traits.indices where other.traits[i] & Self.tiedBit != 0 { traits[i] |= Self.tiedBit }
        for d in departmentHasImportedTie.indices where other.departmentHasImportedTie[d] { departmentHasImportedTie[d] = true }
        for (key, tally) in other.departmentPairs { departmentPairs[key, default: TieTally()].add(tally) }
        for d in engineeringWeightInto.indices { engineeringWeightInto[d] += other.engineeringWeightInto[d] }
    }

    /// Whether person `i` has an imported tie (a dotted line is not one).
    func personHasImportedTie(_ i: Int) -> Bool { traits[i] & Self.tiedBit != 0 }

    /// Per person, what the scan reads and writes of them in one word, so that each end of a tie costs one memory
    /// access: department index (low 32 bits), leader slot + 1 (bits 32 to 61, 0 for no leader), whether they have
    /// an imported tie (bit 62, set by the scan), and the engineering bit.
    private var traits: [UInt64]
    private static let engineeringBit: UInt64 = 1 << 63
    private static let tiedBit: UInt64 = 1 << 62
    private static let gridDepartments = 256
    private let departmentCount: Int
    private var grid: [TieTally]?
    private var touched: [Bool]?

    /// A person's department, leader slot (-1 for none) and engineering flag, from their word in ``traits``.
    @inline(__always)
    private static func person(_ t: UInt64) -> (department: Int, slot: Int, engineering: Bool) {
        (Int(t & 0xFFFF_FFFF), Int((t & ~(engineeringBit | tiedBit)) >> 32) - 1, t & engineeringBit != 0)
    }

    /// Counts one edge: what the scan does for each tie and dotted line, and what a plan does for an assumed tie.
    mutating func add(_ a: Int, _ b: Int, weight: Double, count: Int, imported: Bool) {
        add(a, traits[a], b, traits[b], weight: weight, count: count, imported: imported)
    }

    /// Adds imported links (`pairs` hold `a << 32 | b`; `counts[k]` links summed in `weights[k]`, one each when
    /// `counts` is nil), in their order. The words of a batch's people are
    /// read first, all together: links come in no order, each end is a memory access missing the cache, and read
    /// one link at a time they waited in turn (most of the time of a comparison's scan at a million people).
    mutating func addLinks(pairs: UnsafeBufferPointer<UInt64>, weights: UnsafeBufferPointer<Double>, counts: UnsafeBufferPointer<UInt32>?) {
        precondition(pairs.count == weights.count && (counts?.count ?? pairs.count) == pairs.count, "a weight and a count for each pair")
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * pairs.count) { words in
            traits.withUnsafeBufferPointer { t in
                for (k, pair) in pairs.enumerated() {
                    words[2 * k] = t[Int(pair >> 32)]
                    words[2 * k + 1] = t[Int(pair & 0xFFFF_FFFF)]
                }
            }
            for (k, pair) in pairs.enumerated() {
                add(Int(pair >> 32), words[2 * k], Int(pair & 0xFFFF_FFFF), words[2 * k + 1], weight: weights[k], count: counts.map { Int($0[k]) } ?? 1, imported: true)
            }
        }
    }

    /// ``add(_:_:weight:count:imported:)`` with the two people's words already read (``traits``; a word read
    /// before an earlier edge set its tied bit is still right, since nothing else in it changes).
    @inline(__always)
    private mutating func add(_ a: Int, _ ta: UInt64, _ b: Int, _ tb: UInt64, weight: Double, count: Int, imported: Bool) {
        let (da, slotA, engA) = Self.person(ta), (db, slotB, engB) = Self.person(tb)
        // Written only when they change: a plan's trial copies of the scan then share these arrays.
        if imported {
            if ta & Self.tiedBit == 0 { traits[a] = ta | Self.tiedBit }
            if tb & Self.tiedBit == 0 { traits[b] = tb | Self.tiedBit }
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
        let (da, slotA, _) = Self.person(traits[a]), (db, slotB, _) = Self.person(traits[b])
        let slots = [slotA, slotB]
        let pairKey = da != db ? min(da, db) * departmentCount + max(da, db) : nil
        let saved = (
            people: (traits[a], traits[b]),
            departments: (departmentHasImportedTie[da], departmentHasImportedTie[db]),
            pair: pairKey.map { departmentPairs[$0] },
            into: (engineeringWeightInto[da], engineeringWeightInto[db]),
            leaders: slots.map { s in
                s < 0 ? nil : (own: own[s], other: otherEngineering[s], business: business[s], reached: [da, db].map { reached[s][$0] })
            })
        add(a, b, weight: weight, count: count, imported: imported)
        let result = body(self)
        // The word of b, then a's: a trial's tie between one person and themselves ends at the word it started at.
        traits[b] = saved.people.1
        traits[a] = saved.people.0
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
