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
        plan(organization: org, ties: TieTable(ties), policy: policy, options: options)
    }

    /// ``plan(organization:ties:policy:options:)`` on ties as the loader reads them from a snapshot.
    public static func plan(organization org: Organization, ties: TieTable, policy: Policy = .default, options: PlanOptions = PlanOptions()) -> Plan {
        let weight = options.assumedWeight ?? policy.planAssumedWeight
        let frame = Analyzer.Frame(organization: org, policy: policy)
        let edges = EdgeSource(ties: ties, organization: org, dottedLineWeight: policy.dottedLineWeight)
        let scan = TieScan(edges: edges, leaders: frame.leaderIndices, isEngineering: frame.isEngineering, departments: frame.departments)
        let brokerage = Brokerage.of(frame.leaderIndices, ties: ties, people: org.people.count)
        let base = frame.derive(scan: scan, edges: edges, importedTieCount: ties.count, brokerage: brokerage, recommendations: true)
        let gaps = base.findings.filter { !$0.rule.isStrength }
        let byKey = Dictionary(gaps.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })

        let candidates = Candidates(base: base, frame: frame, edges: edges, leader: options.leader, weight: weight)
        var state = TrialState(frame: frame, edges: edges, scan: scan, open: byKey)

        var closedAt: [String: Int] = [:]
        var openedAt: [String: Int] = [:]
        /// Per pick: findings an earlier pick opened that this one closed again, and those it opened.
        var closedAgain: [[Finding]] = []
        var openedBy: [[Finding]] = []
        var picked: [Candidate] = []
        var meetings: [Int: Int] = [:]
        let all = candidates.all
        var done = [Bool](repeating: false, count: all.count)
        // A trial's outcome stays valid until a pick touches one of its leaders or its department (TrialState).
        var cached = [(score: Int, change: TrialState.Change)?](repeating: nil, count: all.count)
        var stoppedAtMaximum = false
        while done.contains(false) {
            if picked.count >= options.maxIntroductions { stoppedAtMaximum = true; break }
            var best: (candidate: Candidate, index: Int, score: Int, change: TrialState.Change)?
            for (index, candidate) in all.enumerated() where !done[index] {
                let (score, change): (Int, TrialState.Change)
                if let hit = cached[index] {
                    (score, change) = hit
                } else {
                    change = state.trial(candidate, weight: weight)
                    score = change.closed.reduce(0) { $0 + severityWeight(state.open[$1]?.severity) }
                        - change.opened.reduce(0) { $0 + severityWeight($1.severity) }
                    cached[index] = (score, change)
                }
                guard score > 0 else { continue }
                if let current = best, !better(candidate, score, than: current.candidate, current.score, meetings: meetings, names: org) { continue }
                best = (candidate, index, score, change)
            }
            guard let best else { break }
            closedAgain.append([])
            openedBy.append([])
            for key in best.change.closed {
                if byKey[key] != nil {
                    closedAt[key] = picked.count
                } else {
                    if openedAt[key] != nil { closedAgain[picked.count].append(state.open[key]!) }
                    openedAt[key] = nil
                }
            }
            // A finding that comes back is no longer credited to anyone; one that appears is the pick's doing.
            for finding in best.change.opened {
                if byKey[finding.key] != nil {
                    closedAt[finding.key] = nil
                } else {
                    openedAt[finding.key] = picked.count
                    openedBy[picked.count].append(finding)
                }
            }
            state.apply(best.candidate, weight: weight, change: best.change)
            picked.append(best.candidate)
            meetings[best.candidate.leader, default: 0] += 1
            meetings[best.candidate.person, default: 0] += 1
            done[best.index] = true
            let touched = Set(best.change.slots)
            for index in all.indices where !done[index] {
                guard let entry = cached[index] else { continue }
                if entry.change.department == best.change.department || !touched.isDisjoint(with: entry.change.slots) { cached[index] = nil }
            }
        }
        let open = state.open

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

    init(base: Analysis, frame: Analyzer.Frame, edges: EdgeSource, leader only: String?, weight: Double) {
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
                // One introduction closes a low E-I only if its weight lifts the index over the threshold; the
                // leader's missing departments are candidates of their own.
                if finding.rule == .lowExternalRatio {
                    let inside = leader.ownDepartment.weight + leader.otherEngineering.weight
                    guard let threshold = frame.policy.minimumEI(for: leader.tier),
                          let lifted = LeaderMetrics.ei(external: leader.businessFacing.weight + weight, inside: inside), lifted >= threshold
                    else { continue }
                }
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
        let paths = WarmPathFinder.find(requests: requests, edges: edges, departmentOf: departments.ofPerson, names: org.people)
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

/// The plan's running state: the scan with the picked ties, every leader's metrics, every department's summary and
/// the open gap findings. A trial adds one tie to a copy of the scan and re-derives only what the tie can change:
/// the leader's metrics and findings, those of the senior leaders whose suggested departments rank their
/// department's ties (in the leader's department and the one reached), and the reached department's summary and
/// findings. The tests check it against the whole analysis.
struct TrialState {
    let frame: Analyzer.Frame
    let edges: EdgeSource
    /// The scan with the picked ties; nil only while a trial works on it.
    private var picked: TieScan?
    var scan: TieScan { picked! }
    /// By department index: the slots of the leaders reaching it, ascending.
    private var reachers: [[Int]]
    /// By leader slot.
    private(set) var metrics: [LeaderMetrics]
    /// By department index.
    private(set) var summaries: [DepartmentSummary]
    private(set) var open: [String: Finding]
    /// Open findings' keys by their subject ("person:E7", "department:Sales").
    private var bySubject: [String: Set<String>] = [:]
    /// Senior engineering leaders' slots by their department.
    private let seniorsIn: [Int: [Int]]
    private let slotOf: [Int: Int]

    struct Change {
        var closed: [String]
        var opened: [Finding]
        /// The leader slots and the department whose metrics and findings the trial re-derived.
        var slots: [Int]
        var department: Int
    }

    init(frame: Analyzer.Frame, edges: EdgeSource, scan: TieScan, open: [String: Finding]) {
        self.frame = frame
        self.edges = edges
        picked = scan
        var reachers = [[Int]](repeating: [], count: frame.departments.count)
        for slot in frame.leaderIndices.indices {
            for d in scan.reached[slot].keys { reachers[d].append(slot) }
        }
        self.reachers = reachers
        metrics = frame.leaderIndices.indices.map { slot in Self.metrics(slot, frame: frame, scan: scan) }
        summaries = frame.departments.names.indices.map { Analyzer.departmentSummary($0, frame: frame, scan: scan, slots: reachers[$0]) }
        self.open = open
        var seniors: [Int: [Int]] = [:]
        var slots: [Int: Int] = [:]
        for (slot, i) in frame.leaderIndices.enumerated() {
            slots[i] = slot
            if frame.classifications[i]?.tier == .seniorEngineeringLeader { seniors[frame.departments.ofPerson[i], default: []].append(slot) }
        }
        seniorsIn = seniors
        slotOf = slots
        for finding in open.values { bySubject[Self.subjectKey(finding.subject), default: []].insert(finding.key) }
    }

    private static func subjectKey(_ subject: Subject) -> String { "\(subject.kind.rawValue):\(subject.id)" }

    private static func metrics(_ slot: Int, frame: Analyzer.Frame, scan: TieScan) -> LeaderMetrics {
        let i = frame.leaderIndices[slot]
        return Analyzer.metrics(slot: slot, person: i, org: frame.organization, policy: frame.policy, classification: frame.classifications[i]!,
                                departments: frame.departments, scan: scan, brokerage: nil)
    }

    /// What adding the candidate's tie would close and open, without keeping it: the tie is added to the scan
    /// and taken out again (``TieScan/withAdded(_:_:weight:count:imported:_:)``), the scan left bit for bit as it was.
    mutating func trial(_ candidate: Candidate, weight: Double) -> Change {
        var working = picked.take()!
        defer { picked = working }
        return working.withAdded(candidate.leader, candidate.person, weight: weight, count: 1, imported: true) { trial in
            change(candidate, trial)
        }
    }

    /// The leaders reaching department `d` once `slot`'s tie is in, ascending.
    private func reachers(of d: Int, with slot: Int) -> [Int] {
        var slots = reachers[d]
        if let at = slots.firstIndex(where: { $0 >= slot }) {
            if slots[at] != slot { slots.insert(slot, at: at) }
        } else {
            slots.append(slot)
        }
        return slots
    }

    mutating func apply(_ candidate: Candidate, weight: Double, change: Change) {
        picked!.add(candidate.leader, candidate.person, weight: weight, count: 1, imported: true)
        let scan = self.scan
        for slot in change.slots { metrics[slot] = Self.metrics(slot, frame: frame, scan: scan) }
        let leader = slotOf[candidate.leader]!
        if scan.reached[leader][change.department] != nil { reachers[change.department] = reachers(of: change.department, with: leader) }
        summaries[change.department] = Analyzer.departmentSummary(change.department, frame: frame, scan: scan, slots: reachers[change.department])
        for key in change.closed {
            if let finding = open.removeValue(forKey: key) { bySubject[Self.subjectKey(finding.subject)]?.remove(key) }
        }
        for finding in change.opened {
            open[finding.key] = finding
            bySubject[Self.subjectKey(finding.subject), default: []].insert(finding.key)
        }
    }

    private func change(_ candidate: Candidate, _ trial: TieScan) -> Change {
        let departments = frame.departments
        let own = departments.ofPerson[candidate.leader], reached = departments.ofPerson[candidate.person]
        var slots = [slotOf[candidate.leader]!]
        // Senior leaders short of their expected departments rank the ones they miss by their department's ties,
        // which the tie changes; the others have no suggestion to change.
        for d in Set([own, reached]) { slots += (seniorsIn[d] ?? []).filter { $0 != slots[0] && !metrics[$0].missingDepartments.isEmpty } }
        let newMetrics = slots.map { Self.metrics($0, frame: frame, scan: trial) }
        let summary = Analyzer.departmentSummary(reached, frame: frame, scan: trial, slots: reachers(of: reached, with: slots[0]))
        var newSummaries = summaries
        newSummaries[reached] = summary
        let rules = FindingRules(
            organization: frame.organization, policy: frame.policy, departments: departments, summaries: newSummaries,
            leaders: metrics, classifications: frame.classifications, edges: edges, scan: trial)
        let found = rules.findings(aboutLeaders: newMetrics, departments: [reached]).filter { !$0.rule.isStrength }
        let foundKeys = Set(found.map(\.key))
        var subjects = slots.map { Self.subjectKey(newMetrics[slots.firstIndex(of: $0)!].person) }
        subjects.append("department:\(departments.names[reached])")
        let closed = subjects.flatMap { bySubject[$0] ?? [] }.filter { !foundKeys.contains($0) }
        let opened = found.filter { open[$0.key] == nil }
        return Change(closed: closed, opened: opened, slots: slots, department: reached)
    }
}
