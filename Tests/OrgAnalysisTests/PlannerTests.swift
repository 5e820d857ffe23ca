@testable import OrgAnalysis
import OrgModel
import Testing

/// `orgmap plan`: introductions chosen by re-running the analysis, and honest about what they close.
struct PlannerTests {
    /// The gap findings' keys once `plan`'s introductions are added to `ties` as links of the assumed weight.
    static func keysAfter(_ plan: Plan, organization org: Organization, ties: [Tie], policy: Policy = .default) -> Set<String> {
        var summed: [Pair: Tie] = [:]
        for tie in ties { summed[Pair(tie.a, tie.b)] = tie }
        for intro in plan.introductions {
            let (a, b) = (org.index(ofKey: intro.leader.id)!, org.index(ofKey: intro.meet.id)!)
            summed[Pair(a, b), default: Tie(a: min(a, b), b: max(a, b), weight: 0, count: 0)].weight += intro.assumedWeight
            summed[Pair(a, b)]!.count += 1
        }
        let analysis = Analyzer.analyze(organization: org, ties: Array(summed.values), policy: policy)
        return Set(analysis.findings.filter { !$0.rule.isStrength }.map(\.key))
    }

    struct Pair: Hashable {
        var a: Int, b: Int
        init(_ x: Int, _ y: Int) { (a, b) = (min(x, y), max(x, y)) }
    }

    /// Checks the plan's claim: the findings before, less the findings after its ties, are exactly those it lists.
    static func expectHonest(_ plan: Plan, organization org: Organization, ties: [Tie], policy: Policy = .default) {
        let before = Set(Analyzer.analyze(organization: org, ties: ties, policy: policy).findings.filter { !$0.rule.isStrength }.map(\.key))
        let after = keysAfter(plan, organization: org, ties: ties, policy: policy)
        #expect(before.subtracting(after) == Set(plan.introductions.flatMap { $0.closes.map(\.key) }))
        #expect(after.subtracting(before) == Set(plan.remaining.filter(\.opened).map(\.finding.key)))
        #expect(plan.closesTotal + plan.remaining.count == plan.gapsBefore + plan.opensTotal)
    }

    @Test func oneIntroductionClosesSeveralFindings() throws {
        // Priya (VP Engineering) loses her links to Sales and Finance: she misses both, Finance's only bridge
        // was her, and Sales keeps Marco.
        let list = Acme.healthy(removing: [("E1", "E10"), ("E1", "E30")])
        let org = Organization(people: Acme.people)
        let ties = Acme.ties(list, in: org)
        let analysis = Analyzer.analyze(organization: org, ties: ties)
        let plan = Planner.plan(organization: org, ties: ties)
        let first = try #require(plan.introductions.first)
        #expect(first.leader.name == "Priya Raman")
        #expect(first.assumedWeight == 6)
        #expect(!first.closes.isEmpty)
        // Every finding it closes was raised, and the highest severity comes first.
        #expect(first.closes.allSatisfy { closed in analysis.findings.contains { $0.key == closed.key } })
        Self.expectHonest(plan, organization: org, ties: ties)
    }

    @Test func everyIntroductionIsVerifiedAndTheRestSaysWhy() throws {
        let list = Acme.healthy(removing: [("E1", "E10"), ("E1", "E20"), ("E1", "E30"), ("E2", "E31")], adding: [("E4", "E31", 1)])
        let org = Organization(people: Acme.people)
        let ties = Acme.ties(list, in: org)
        let plan = Planner.plan(organization: org, ties: ties)
        #expect(plan.introductions.count >= 2)
        Self.expectHonest(plan, organization: org, ties: ties)
        // Meeting the heads of the departments: Maya (Sales), Nora (Marketing), Omar (Finance).
        #expect(Set(plan.introductions.map(\.meet.name)).isSubset(of: ["Maya Chen", "Nora Diaz", "Omar Haddad", "Jo Bell", "Eli Ford", "Lu Wei"]))
        let one = Planner.plan(organization: org, ties: ties, options: PlanOptions(maxIntroductions: 1))
        #expect(one.introductions.count == 1)
        #expect(one.remaining.contains { $0.why.hasPrefix("beyond the 1 introductions") })
        Self.expectHonest(one, organization: org, ties: ties)
    }

    @Test func aLeaderCanBeChosen() {
        let list = Acme.healthy(removing: [("E1", "E10"), ("E1", "E20"), ("E2", "E31"), ("E2", "E11")])
        let org = Organization(people: Acme.people)
        let ties = Acme.ties(list, in: org)
        let plan = Planner.plan(organization: org, ties: ties, options: PlanOptions(leader: "E2"))
        #expect(plan.introductions.allSatisfy { $0.leader.id == "E2" })
        Self.expectHonest(plan, organization: org, ties: ties)
    }

    @Test func nothingToCloseIsAnEmptyPlan() {
        let org = Organization(people: Acme.people)
        let ties = Acme.ties(Acme.healthyTies, in: org)
        let plan = Planner.plan(organization: org, ties: ties)
        #expect(plan.introductions.isEmpty)
        #expect(plan.remaining.map(\.finding.key) == Analyzer.analyze(organization: org, ties: ties).findings.filter { !$0.rule.isStrength }.map(\.key))
    }
}

/// The plan's trials re-derive only what one tie can change; here every candidate's trial is checked against the
/// whole analysis run again with that tie.
struct PlannerTrialTests {
    static func mismatches(organization org: Organization, ties: [Tie], policy: Policy = .default, weight: Double = 6) -> [String] {
        let frame = Analyzer.Frame(organization: org, policy: policy)
        let edges = EdgeSource(ties: TieTable(ties), organization: org, dottedLineWeight: policy.dottedLineWeight)
        let scan = TieScan(edges: edges, leaders: frame.leaderIndices, isEngineering: frame.isEngineering, departments: frame.departments)
        let none = [Brokerage?](repeating: nil, count: frame.leaderIndices.count)
        func gaps(_ scan: TieScan) -> Set<String> {
            Set(frame.derive(scan: scan, edges: edges, importedTieCount: ties.count, brokerage: none, recommendations: false).findings.filter { !$0.rule.isStrength }.map(\.key))
        }
        let base = frame.derive(scan: scan, edges: edges, importedTieCount: ties.count, brokerage: none, recommendations: true)
        let open = Dictionary(base.findings.filter { !$0.rule.isStrength }.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var state = TrialState(frame: frame, edges: edges, scan: scan, open: open)
        var problems: [String] = []
        for candidate in Candidates(base: base, frame: frame, edges: edges, leader: nil, weight: weight).all {
            let change = state.trial(candidate, weight: weight)
            var trial = scan
            trial.add(candidate.leader, candidate.person, weight: weight, count: 1, imported: true)
            let after = gaps(trial)
            let before = Set(open.keys)
            if Set(change.closed) != before.subtracting(after) || Set(change.opened.map(\.key)) != after.subtracting(before) {
                problems.append("\(org.people[candidate.leader].name) meets \(org.people[candidate.person].name): incremental closed \(change.closed.sorted()), opened \(change.opened.map(\.key).sorted()); whole analysis closed \(before.subtracting(after).sorted()), opened \(after.subtracting(before).sorted())")
            }
        }
        return problems
    }

    @Test(arguments: [
        [("E1", "E10"), ("E1", "E30")],
        [("E1", "E10"), ("E1", "E20"), ("E1", "E30"), ("E2", "E31")],
        [("E1", "E10"), ("E1", "E20"), ("E2", "E31"), ("E2", "E11")],
        [("E2", "E11"), ("E2", "E21"), ("E2", "E31")],
    ])
    func trialsAgreeWithTheWholeAnalysis(removing: [(String, String)]) {
        let org = Organization(people: Acme.people)
        let ties = Acme.ties(Acme.healthy(removing: removing, adding: [("E4", "E31", 1), ("E3", "E11", 1)]), in: org)
        #expect(Self.mismatches(organization: org, ties: ties) == [])
        #expect(Self.mismatches(organization: org, ties: ties, weight: 0.5) == [])
    }
}
