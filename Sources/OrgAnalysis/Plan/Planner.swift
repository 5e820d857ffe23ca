import OrgModel

/// Chooses introductions greedily: each round tries every candidate (an engineering leader meeting the head of a
/// business department, or the warm path's contact there) by re-running the analysis's metrics and rules with
/// the assumed tie added, and keeps the one that closes the most findings, weighted by severity (high 8,
/// medium 4, low 2), less those it opens (a senior leader's suggested department can change when their
/// department's ties change); ties go to a candidate with a warm path, then to leaders and people with fewer
/// introductions so far, then by name. The picked tie stays for the next round. A finding is credited to the
/// introduction after which it last disappeared, and only if it is still closed once every introduction is in
/// (and an opened one to the introduction after which it last appeared): importing the plan's ties closes
/// exactly the findings it lists, and opens exactly those it says it opens.
public enum Planner {
    public static func plan(organization org: Organization, ties: [Tie], policy: Policy = .default, options: PlanOptions = PlanOptions()) -> Plan {
        let weight = options.assumedWeight ?? policy.planAssumedWeight
        let frame = Analyzer.Frame(organization: org, policy: policy)
        let edges = EdgeSource(ties: ties, organization: org, dottedLineWeight: policy.dottedLineWeight)
        var scan = TieScan(edges: edges, leaders: frame.leaderIndices, isEngineering: frame.isEngineering, departments: frame.departments)
        let brokerage = TieGraph(ties: ties, people: org.people.count).brokerage(of: frame.leaderIndices)
        let base = frame.derive(scan: scan, edges: edges, importedTieCount: ties.count, brokerage: brokerage, recommendations: true)
        let gaps = base.findings.filter { !$0.rule.isStrength }
        let byKey = Dictionary(gaps.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })

        let candidates = Candidates(base: base, frame: frame, edges: edges, leader: options.leader)
        let noRecommendations = [Brokerage?](repeating: nil, count: frame.leaderIndices.count)
        func gapFindings(_ scan: TieScan) -> [String: Finding] {
            let findings = frame.derive(scan: scan, edges: edges, importedTieCount: ties.count, brokerage: noRecommendations, recommendations: false).findings
            return Dictionary(findings.lazy.filter { !$0.rule.isStrength }.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        }

        var open = byKey
        var closedAt: [String: Int] = [:]
        var openedAt: [String: Int] = [:]
        /// Per pick: findings an earlier pick opened that this one closed again, and those it opened.
        var closedAgain: [[Finding]] = []
        var openedBy: [[Finding]] = []
        var picked: [Candidate] = []
        var meetings: [Int: Int] = [:]
        var remainingCandidates = candidates.all
        var stoppedAtMaximum = false
        while !remainingCandidates.isEmpty {
            if picked.count >= options.maxIntroductions { stoppedAtMaximum = true; break }
            var best: (candidate: Candidate, index: Int, score: Int, open: [String: Finding])?
            for (index, candidate) in remainingCandidates.enumerated() {
                var trial = scan
                trial.add(candidate.leader, candidate.person, weight: weight, count: 1, imported: true)
                let after = gapFindings(trial)
                let closed = open.values.reduce(0) { $0 + (after[$1.key] == nil ? severityWeight($1.severity) : 0) }
                let opened = after.values.reduce(0) { $0 + (open[$1.key] == nil ? severityWeight($1.severity) : 0) }
                let score = closed - opened
                guard score > 0 else { continue }
                if let current = best, !better(candidate, score, than: current.candidate, current.score, meetings: meetings, names: org) { continue }
                best = (candidate, index, score, after)
            }
            guard let best else { break }
            scan.add(best.candidate.leader, best.candidate.person, weight: weight, count: 1, imported: true)
            closedAgain.append([])
            openedBy.append([])
            for key in open.keys where best.open[key] == nil {
                if byKey[key] != nil {
                    closedAt[key] = picked.count
                } else {
                    if openedAt[key] != nil { closedAgain[picked.count].append(open[key]!) }
                    openedAt[key] = nil
                }
            }
            // A finding that comes back is no longer credited to anyone; one that appears is the pick's doing.
            for key in best.open.keys where open[key] == nil {
                if byKey[key] != nil {
                    closedAt[key] = nil
                } else {
                    openedAt[key] = picked.count
                    openedBy[picked.count].append(best.open[key]!)
                }
            }
            open = best.open
            picked.append(best.candidate)
            meetings[best.candidate.leader, default: 0] += 1
            meetings[best.candidate.person, default: 0] += 1
            remainingCandidates.remove(at: best.index)
        }

        let people = org.people
        let introductions = picked.enumerated().map { k, c in
            Plan.Introduction(
                leader: Subject(kind: .person, id: people[c.leader].key, name: people[c.leader].name),
                leaderTier: frame.classifications[c.leader]!.tier,
                meet: Plan.Person(id: people[c.person].key, name: people[c.person].name, department: people[c.person].department, title: people[c.person].title),
                warmPath: c.via.map { Subject(kind: .person, id: people[$0].key, name: people[$0].name) },
                assumedWeight: weight,
                closes: gaps.filter { closedAt[$0.key] == k },
                opens: openedBy[k].sorted(by: Finding.reportOrder),
                closesOpened: closedAgain[k].sorted(by: Finding.reportOrder))
        }
        let closable = Set(candidates.all.flatMap(\.motivatedBy))
        let remaining = gaps.filter { closedAt[$0.key] == nil }.map { finding in
            Plan.Remaining(finding: finding, why: reason(finding, closable: closable.contains(finding.key), stoppedAtMaximum: stoppedAtMaximum, options: options, weight: weight))
        }
        let opened = open.values.filter { openedAt[$0.key] != nil }.sorted(by: Finding.reportOrder).map { finding in
            let n = openedAt[finding.key]!
            let why = finding.rule == .missingPartnerDepartment
                ? "opened by introduction \(n + 1): the department it suggests changed as \(introductions[n].leader.name)'s department's ties did"
                : "opened by introduction \(n + 1)"
            return Plan.Remaining(finding: finding, why: why, opened: true)
        }
        return Plan(assumedWeight: weight, gapsBefore: gaps.count, introductions: introductions, remaining: remaining + opened, unknown: base.unknown)
    }

    static func severityWeight(_ severity: Severity?) -> Int {
        switch severity {
        case .high: 8
        case .medium: 4
        case .low: 2
        case .info, nil: 0
        }
    }

    private static func better(_ a: Candidate, _ scoreA: Int, than b: Candidate, _ scoreB: Int, meetings: [Int: Int], names org: Organization) -> Bool {
        if scoreA != scoreB { return scoreA > scoreB }
        if (a.via != nil) != (b.via != nil) { return a.via != nil }
        let (ma, mb) = (meetings[a.leader, default: 0] + meetings[a.person, default: 0], meetings[b.leader, default: 0] + meetings[b.person, default: 0])
        if ma != mb { return ma < mb }
        let people = org.people
        return (people[a.leader].name, people[a.person].name, people[a.leader].key, people[a.person].key)
            < (people[b.leader].name, people[b.person].name, people[b.leader].key, people[b.person].key)
    }

    private static func reason(_ finding: Finding, closable: Bool, stoppedAtMaximum: Bool, options: PlanOptions, weight: Double) -> String {
        if finding.rule == .noTechnologyLeader { return "a role to give, not a meeting: \(finding.recommendation)" }
        if closable, stoppedAtMaximum { return "beyond the \(options.maxIntroductions) introductions of this plan (--max)" }
        if let leader = options.leader, finding.subject.id != leader, finding.subject.kind == .person {
            return "another leader's finding (--leader \(leader))"
        }
        if finding.rule == .lowExternalRatio {
            return "no single introduction of weight \(EvidenceValue.format(weight)) moves the E-I index above the threshold: it needs more of the leader's time outside engineering"
        }
        return "no single introduction of weight \(EvidenceValue.format(weight)) closes it"
    }
}

/// One introduction to try: a leader (person index) meeting a person of a business department.
struct Candidate: Hashable {
    var leader: Int
    var person: Int
    /// The warm path's go-between, if any.
    var via: Int?
    /// The keys of the findings that suggested it.
    var motivatedBy: [String]
}

/// The introductions the findings' recommendations could make: for a leader and a department they should reach,
/// the department's head and the warm path's contact there.
struct Candidates {
    var all: [Candidate] = []

    init(base: Analysis, frame: Analyzer.Frame, edges: EdgeSource, leader only: String?) {
        let departments = frame.departments
        let org = frame.organization
        let known = base.leaders.filter(\.hasLinkData).filter { only == nil || $0.person.id == only }
        let seniors = known.filter { $0.tier >= .seniorEngineeringLeader }
        var wanted: [(leader: LeaderMetrics, department: Int, key: String)] = []
        for finding in base.findings where !finding.rule.isStrength {
            let leader = known.first { finding.subject.kind == .person && $0.person.id == finding.subject.id }
            let department = finding.subject.kind == .department ? departments.indexByName[finding.subject.id] : finding.evidence["department"].flatMap { value -> Int? in
                if case .text(let name) = value { return departments.indexByName[name] }
                return nil
            }
            switch finding.rule {
            case .techLeaderIsolated, .lowExternalRatio:
                guard let leader else { continue }
                let own = departments.ofPerson[leader.personIndex]
                for d in departments.names.indices where departments.isCore[d] && d != own {
                    wanted.append((leader, d, finding.key))
                }
            case .missingPartnerDepartment:
                guard let leader, let department else { continue }
                wanted.append((leader, department, finding.key))
            case .departmentUnbridged, .singleBridge:
                guard let department else { continue }
                let bridges = Set(base.departments.first { $0.name == departments.names[department] }?.leaders.map(\.leader.id) ?? [])
                for l in (seniors.isEmpty ? known : seniors) where !bridges.contains(l.person.id) {
                    wanted.append((l, department, finding.key))
                }
            case .noTechnologyLeader, .boundarySpanner:
                continue
            }
        }
        var requests: [Int: Set<Int>] = [:]
        for w in wanted { requests[w.leader.personIndex, default: []].insert(w.department) }
        let paths = WarmPathFinder.find(requests: requests, edges: edges, departmentOf: departments.ofPerson, names: org.people.map(\.name))
        var index: [Candidate: Int] = [:]
        for w in wanted {
            let path = paths[.init(leader: w.leader.personIndex, department: w.department)]
            var people: [Int] = []
            if let head = departments.heads[w.department] { people.append(head) }
            if let contact = path?.contact, !people.contains(contact) { people.append(contact) }
            for person in people where person != w.leader.personIndex && !frame.isEngineering[person] {
                let candidate = Candidate(leader: w.leader.personIndex, person: person, via: path?.via, motivatedBy: [])
                if let i = index[candidate] {
                    all[i].motivatedBy.append(w.key)
                } else {
                    index[candidate] = all.count
                    all.append(Candidate(leader: candidate.leader, person: person, via: path?.via, motivatedBy: [w.key]))
                }
            }
        }
    }
}
