import OrgModel

/// Turns an organization, its collaboration ties and a policy into tiers, metrics and findings.
public enum Analyzer {
    /// Pure and deterministic: the same input gives the same ``Analysis``, findings in report order.
    ///
    /// - Parameter ties: imported collaboration summed per pair of people; dotted lines are added here.
    public static func analyze(organization org: Organization, ties: [Tie], policy: Policy = .default) -> Analysis {
        analyze(organization: org, ties: TieTable(ties), policy: policy)
    }

    /// ``analyze(organization:ties:policy:)`` on ties as the loader reads them from a snapshot.
    public static func analyze(organization org: Organization, ties: TieTable, policy: Policy = .default) -> Analysis {
        let frame = Frame(organization: org, policy: policy)
        let edges = EdgeSource(ties: ties, organization: org, dottedLineWeight: policy.dottedLineWeight)
        // Brokerage beside the scan: neither depends on the other, and on millions of ties each takes seconds.
        let (brokerage, scan) = Parallel.both(
            { Brokerage.of(frame.leaderIndices, ties: ties, people: org.people.count) },
            { TieScan(edges: edges, leaders: frame.leaderIndices, isEngineering: frame.isEngineering, departments: frame.departments) })
        return frame.derive(scan: scan, edges: edges, importedTieCount: ties.count, brokerage: brokerage, recommendations: true)
    }

    /// What an analysis knows before it reads a tie: departments, who is in engineering, tiers, leaders. A plan
    /// builds it once and derives findings from many scans.
    struct Frame {
        let organization: Organization
        let policy: Policy
        let departments: DepartmentIndex
        let isEngineering: [Bool]
        let classifications: [PersonClassification?]
        let leaderIndices: [Int]

        init(organization org: Organization, policy: Policy) {
            organization = org
            self.policy = policy
            let order = TierClassifier.parentsFirst(org)
            departments = DepartmentIndex(organization: org, policy: policy, parentsFirst: order)
            let (isEngineering, classifications) = TierClassifier(organization: org, policy: policy)
                .classify(departments: departments, parentsFirst: order)
            self.isEngineering = isEngineering
            self.classifications = classifications
            leaderIndices = classifications.indices.filter { classifications[$0]?.tier.isLeader == true }
        }

        /// Metrics, departments and findings from a scan of the ties. Without `recommendations`, findings carry no
        /// warm path (the costly part, which no finding's key depends on).
        func derive(scan: TieScan, edges: EdgeSource, importedTieCount: Int, brokerage: [Brokerage?], recommendations: Bool) -> Analysis {
            let org = organization
            let leaders = leaderIndices.indices.map { slot in
                Analyzer.metrics(slot: slot, person: leaderIndices[slot], org: org, policy: policy,
                                 classification: classifications[leaderIndices[slot]]!, departments: departments, scan: scan,
                                 brokerage: brokerage[slot])
            }.sorted { $0.tier != $1.tier ? $0.tier > $1.tier : ($0.person.name, $0.person.id) < ($1.person.name, $1.person.id) }

            let summaries = Analyzer.departmentSummaries(org: org, departments: departments, leaders: leaders, scan: scan)
            let rules = FindingRules(
                organization: org, policy: policy, departments: departments, summaries: summaries, leaders: leaders,
                classifications: classifications, edges: edges, scan: scan)
            let links = scan.departmentPairs.map { key, tally in
                let (x, y) = (departments.names[key / departments.count], departments.names[key % departments.count])
                return DepartmentLink(a: min(x, y), b: max(x, y), weight: tally.weight, count: tally.count)
            }.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.a, $0.b) < ($1.a, $1.b) }

            return Analysis(
                organization: org, policy: policy, classifications: classifications,
                departments: summaries.sorted(by: Analyzer.departmentOrder), leaders: leaders,
                findings: rules.findings(warmPaths: recommendations).sorted(by: Finding.reportOrder), unknown: rules.unknown(),
                departmentLinks: links, importedTieCount: importedTieCount, dottedLineTieCount: edges.dottedLines.count)
        }
    }

    static func departmentOrder(_ a: DepartmentSummary, _ b: DepartmentSummary) -> Bool {
        if a.side != b.side { return a.side == .engineering }
        if a.people != b.people { return a.people > b.people }
        return a.name < b.name
    }

    static func metrics(
        slot: Int, person i: Int, org: Organization, policy: Policy, classification: PersonClassification,
        departments: DepartmentIndex, scan: TieScan, brokerage: Brokerage?
    ) -> LeaderMetrics {
        let person = org.people[i]
        let own = departments.ofPerson[i]
        let reached = scan.reached[slot]
        let hasLinkData = scan.personHasImportedTie(i)
        // Larger departments first: the order recommendations and tables follow.
        let candidates = departments.names.indices
            .filter { departments.isCore[$0] && $0 != own }
            .sorted { departments.sizes[$0] != departments.sizes[$1]
                ? departments.sizes[$0] > departments.sizes[$1] : departments.names[$0] < departments.names[$1] }

        var expectedCount = 0
        var expected: [Int] = []
        var missing: [Int] = []
        var coverage: Double?
        switch classification.tier {
        case .technologyLeader:
            expected = candidates
            expectedCount = expected.count
            missing = expected.filter { reached[$0] == nil }
            if expectedCount > 0 { coverage = Double(expectedCount - missing.count) / Double(expectedCount) }
        case .seniorEngineeringLeader:
            expectedCount = min(policy.seniorLeaderMinimumBusinessDepartments, candidates.count)
            let reachedCore = candidates.filter { reached[$0] != nil }.count
            if reachedCore < expectedCount {
                // Suggest the departments the leader's own department already works with most.
                func teamWeight(_ d: Int) -> Double {
                    scan.departmentPairs[min(own, d) * departments.count + max(own, d)]?.weight ?? 0
                }
                let unreached = candidates.filter { reached[$0] == nil }
                let ranked = unreached.enumerated().sorted { x, y in
                    let (wx, wy) = (teamWeight(x.element), teamWeight(y.element))
                    return wx != wy ? wx > wy : x.offset < y.offset
                }.map(\.element)
                missing = Array(ranked.prefix(expectedCount - reachedCore))
            }
            if expectedCount > 0 { coverage = Double(min(reachedCore, expectedCount)) / Double(expectedCount) }
        case .engineeringManager, .individualContributor:
            break
        }
        if !hasLinkData {
            missing = []
            coverage = nil
        }

        let reachedList = reached.map { d, tally in
            DepartmentWeight(department: departments.names[d], weight: tally.weight, count: tally.count)
        }.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.department < $1.department }

        return LeaderMetrics(
            person: Subject(kind: .person, id: person.key, name: person.name), personIndex: i,
            title: person.title, department: person.department, tier: classification.tier,
            tierReason: classification.reason, hasLinkData: hasLinkData,
            ownDepartment: scan.own[slot], otherEngineering: scan.otherEngineering[slot],
            businessFacing: scan.business[slot], businessDepartmentsReached: reachedList,
            expectedDepartmentCount: expectedCount, expectedDepartments: expected.map { departments.names[$0] },
            missingDepartments: missing.map { departments.names[$0] }, coverage: coverage, brokerage: brokerage)
    }

    /// One department's summary straight from a scan (the leaders reaching it from their tallies): what a plan's
    /// trial needs for the one department an assumed tie reaches. Agrees with ``departmentSummaries``.
    /// `slots`: the leader slots that may reach `d`, ascending (a plan keeps them per department); every leader
    /// when nil.
    static func departmentSummary(_ d: Int, frame: Frame, scan: TieScan, slots: [Int]? = nil) -> DepartmentSummary {
        let org = frame.organization, departments = frame.departments
        var reach: [LeaderReach] = []
        for slot in slots ?? Array(frame.leaderIndices.indices) {
            let i = frame.leaderIndices[slot]
            guard let tally = scan.reached[slot][d] else { continue }
            reach.append(LeaderReach(
                leader: Subject(kind: .person, id: org.people[i].key, name: org.people[i].name),
                tier: frame.classifications[i]!.tier, weight: tally.weight, count: tally.count))
        }
        let head = departments.heads[d].map { h in Subject(kind: .person, id: org.people[h].key, name: org.people[h].name) }
        return DepartmentSummary(
            name: departments.names[d], side: departments.sides[d], sideReason: departments.sideReasons[d],
            people: departments.sizes[d], isCore: departments.isCore[d], head: head,
            hasLinkData: scan.departmentHasImportedTie[d],
            leaders: reach.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.leader.name < $1.leader.name },
            engineeringWeight: scan.engineeringWeightInto[d])
    }

    static func departmentSummaries(
        org: Organization, departments: DepartmentIndex, leaders: [LeaderMetrics], scan: TieScan
    ) -> [DepartmentSummary] {
        var reach = [[LeaderReach]](repeating: [], count: departments.count)
        for leader in leaders {
            for r in leader.businessDepartmentsReached {
                reach[departments.indexByName[r.department]!].append(
                    LeaderReach(leader: leader.person, tier: leader.tier, weight: r.weight, count: r.count))
            }
        }
        return departments.names.indices.map { d in
            let head = departments.heads[d].map { h in
                Subject(kind: .person, id: org.people[h].key, name: org.people[h].name)
            }
            return DepartmentSummary(
                name: departments.names[d], side: departments.sides[d],
                sideReason: departments.sideReasons[d], people: departments.sizes[d],
                isCore: departments.isCore[d], head: head, hasLinkData: scan.departmentHasImportedTie[d],
                leaders: reach[d].sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.leader.name < $1.leader.name },
                engineeringWeight: scan.engineeringWeightInto[d])
        }
    }
}
