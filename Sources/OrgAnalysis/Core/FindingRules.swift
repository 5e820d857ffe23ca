import OrgModel

/// The seven rules of docs/rules.md, applied to computed metrics; recommendations name who to meet.
struct FindingRules {
    let organization: Organization
    let policy: Policy
    let departments: DepartmentIndex
    /// Indexed like ``DepartmentIndex``.
    let summaries: [DepartmentSummary]
    let leaders: [LeaderMetrics]
    let classifications: [PersonClassification?]
    let edges: EdgeSource
    let scan: TieScan

    /// A finding whose recommendation may still need a warm path.
    private struct Draft {
        var rule: Rule
        var severity: Severity
        var subject: Subject
        var evidence: Evidence
        var message: String
        var department: String?
        var recommendation: Recommendation
        var rank = FindingRank()
        var messageWithoutFigures: String?
    }

    private enum Recommendation {
        /// "<leader> should meet <head of department>", plus a warm path when one exists; `opening` replaces
        /// "should meet" for the sentences that need more context.
        case meet(leader: Int, department: Int, opening: String)
        case text(String)
    }

    /// Every finding; `warmPaths` false leaves the go-between out of recommendations (a plan's trial analyses).
    func findings(warmPaths: Bool = true) -> [Finding] {
        finish(personDrafts(leaders) + departmentDrafts(Array(summaries.indices)) + organizationDrafts(), warmPaths: warmPaths)
    }

    /// Only the findings about these leaders and departments, without warm paths: what a plan's trial re-derives
    /// after adding one tie. The rules read nothing else about them.
    func findings(aboutLeaders subset: [LeaderMetrics], departments subsetDepartments: [Int]) -> [Finding] {
        finish(personDrafts(subset) + departmentDrafts(subsetDepartments), warmPaths: false)
    }

    private func finish(_ drafts: [Draft], warmPaths: Bool) -> [Finding] {
        var requests: [Int: Set<Int>] = [:]
        for draft in drafts {
            if case .meet(let leader, let department, _) = draft.recommendation {
                requests[leader, default: []].insert(department)
            }
        }
        let paths = !warmPaths ? [:] : WarmPathFinder.find(
            requests: requests, edges: edges, departmentOf: departments.ofPerson,
            names: organization.people)
        return drafts.map { draft in
            let text: String
            switch draft.recommendation {
            case .text(let t): text = t
            case .meet(let leader, let department, let opening):
                text = meetSentence(leader: leader, department: department, opening: opening,
                                    path: paths[.init(leader: leader, department: department)])
            }
            return Finding(rule: draft.rule, severity: draft.severity, subject: draft.subject, evidence: draft.evidence,
                           message: draft.message, recommendation: text, department: draft.department,
                           rank: draft.rank, messageWithoutFigures: draft.messageWithoutFigures)
        }
    }

    /// Leaders and core business departments the link data does not cover, highest tier first.
    func unknown() -> [UnknownSubject] {
        var out = leaders.filter { !$0.hasLinkData }.map {
            UnknownSubject(subject: $0.person, tier: $0.tier,
                           reason: "no imported collaboration link; dotted lines alone say nothing about who works with whom")
        }
        for d in summaries.indices where summaries[d].isCore && !summaries[d].hasLinkData {
            out.append(UnknownSubject(
                subject: Subject(kind: .department, id: summaries[d].name, name: summaries[d].name), tier: nil,
                reason: "nobody in the department has an imported collaboration link"))
        }
        return out
    }

    // MARK: - Person rules

    private func personDrafts(_ leaders: [LeaderMetrics]) -> [Draft] {
        var drafts: [Draft] = []
        for leader in leaders where leader.hasLinkData {
            let isolated = leader.tier == .technologyLeader && leader.businessFacing.count == 0
            if isolated { drafts.append(isolatedDraft(leader)) }
            drafts += missingPartnerDrafts(leader)
            if !isolated, let draft = lowExternalRatioDraft(leader) { drafts.append(draft) }
            if let draft = boundarySpannerDraft(leader) { drafts.append(draft) }
        }
        return drafts
    }

    private func isolatedDraft(_ leader: LeaderMetrics) -> Draft {
        var evidence = Evidence()
        evidence.add("tier", leader.tier.rawValue)
        evidence.add("business_facing_ties", 0)
        evidence.add("ties_inside_engineering", leader.ownDepartment.count + leader.otherEngineering.count)
        evidence.add("weight_inside_engineering", leader.ownDepartment.weight + leader.otherEngineering.weight)
        evidence.add("core_business_departments", leader.expectedDepartmentCount)
        let target = targetDepartment(for: leader)
        return Draft(
            rule: .techLeaderIsolated, severity: .high, subject: leader.person, evidence: evidence,
            message: "\(leader.person.name) is a technology leader with no link to anyone outside engineering, yet technology leaders are the ones expected to collaborate across departments and align technology with the business.",
            department: nil,
            recommendation: target.map { .meet(leader: leader.personIndex, department: $0, opening: "should start with") }
                ?? .text("\(leader.person.name) should name a counterpart in each business department and meet them regularly."),
            rank: FindingRank(tier: leader.tier))
    }

    private func missingPartnerDrafts(_ leader: LeaderMetrics) -> [Draft] {
        guard leader.tier >= .seniorEngineeringLeader else { return [] }
        let reachedCore = leader.businessDepartmentsReached.filter { departmentIndex($0.department).map { departments.isCore[$0] } ?? false }.count
        return leader.missingDepartments.compactMap { name in
            guard let d = departmentIndex(name) else { return nil }
            var evidence = Evidence()
            evidence.add("tier", leader.tier.rawValue)
            evidence.add("department", name)
            evidence.add("department_people", departments.sizes[d])
            evidence.add("core_business_departments_reached", reachedCore)
            evidence.add("expected_departments", leader.expectedDepartmentCount)
            if let coverage = leader.coverage { evidence.add("coverage", coverage) }
            let message: String
            if leader.tier == .technologyLeader {
                message = "\(leader.person.name) has no link to \(name) (\(departments.sizes[d]) people); a technology leader is expected to work with every core business department, not only inside engineering."
            } else {
                let teamWeight = scan.departmentPairs[pairKey(departments.ofPerson[leader.personIndex], d)]?.weight ?? 0
                evidence.add("own_department_weight_into_department", teamWeight)
                let why = teamWeight > 0
                    ? "\(name) is where their department already works most without them"
                    : "\(name) is the largest they do not reach"
                message = "\(leader.person.name) reaches \(reachedCore) of the \(leader.expectedDepartmentCount) business departments a senior engineering leader is expected to work with; \(why)."
            }
            return Draft(
                rule: .missingPartnerDepartment, severity: leader.tier == .technologyLeader ? .medium : .low,
                subject: leader.person, evidence: evidence, message: message, department: name,
                recommendation: .meet(leader: leader.personIndex, department: d, opening: "should meet"),
                rank: FindingRank(tier: leader.tier, departmentPeople: departments.sizes[d]))
        }
    }

    private func lowExternalRatioDraft(_ leader: LeaderMetrics) -> Draft? {
        guard let threshold = policy.minimumEI(for: leader.tier), let ei = leader.eiIndex, ei < threshold else { return nil }
        var evidence = Evidence()
        evidence.add("tier", leader.tier.rawValue)
        evidence.add("ei_index", ei)
        evidence.add("threshold", threshold)
        evidence.add("business_facing_weight", leader.businessFacing.weight)
        evidence.add("weight_inside_engineering", leader.ownDepartment.weight + leader.otherEngineering.weight)
        evidence.add("business_facing_ties", leader.businessFacing.count)
        evidence.add("ties_inside_engineering", leader.ownDepartment.count + leader.otherEngineering.count)
        if let byCount = leader.eiIndexByCount { evidence.add("ei_index_by_count", byCount) }
        let message = "\(leader.person.name)'s E-I index is \(EvidenceValue.formatIndex(ei)) (threshold \(EvidenceValue.formatIndex(threshold))): most of their collaboration stays inside engineering, where a \(leader.tier.label)'s should reach across the business."
        let recommendation: Recommendation = targetDepartment(for: leader).map {
            .meet(leader: leader.personIndex, department: $0, opening: "should shift time toward the business, starting with")
        } ?? .text("\(leader.person.name) should shift time from engineering-internal meetings toward business partners.")
        return Draft(rule: .lowExternalRatio, severity: .medium, subject: leader.person, evidence: evidence,
                     message: message, department: nil, recommendation: recommendation,
                     rank: FindingRank(tier: leader.tier, eiIndex: ei))
    }

    private func boundarySpannerDraft(_ leader: LeaderMetrics) -> Draft? {
        let total = leader.businessFacing.weight + leader.ownDepartment.weight + leader.otherEngineering.weight
        guard leader.tier == .engineeringManager, let ei = leader.eiIndex, total > 0,
              leader.businessDepartmentsReached.count >= policy.boundarySpannerMinimumBusinessDepartments
        else { return nil }
        let share = leader.businessFacing.weight / total
        guard share >= policy.boundarySpannerMinimumShare || ei >= policy.boundarySpannerMinimumEI else { return nil }
        var evidence = Evidence()
        evidence.add("tier", leader.tier.rawValue)
        evidence.add("ei_index", ei)
        evidence.add("business_share", share)
        evidence.add("business_departments_reached", leader.businessDepartmentsReached.map(\.department))
        evidence.add("business_facing_weight", leader.businessFacing.weight)
        if let brokerage = leader.brokerage {
            evidence.add("constraint", brokerage.constraint)
            evidence.add("effective_size", brokerage.effectiveSize)
        }
        let name = leader.person.name
        let recommendation: String
        if let m = organization.managerIndex[leader.personIndex] {
            recommendation = "\(organization.people[m].name) could give \(name) a cross-department remit (planning with \(leader.businessDepartmentsReached[0].department), for example) as a step toward technology leadership."
        } else {
            recommendation = "Give \(name) a cross-department remit as a step toward technology leadership."
        }
        return Draft(
            rule: .boundarySpanner, severity: .info, subject: leader.person, evidence: evidence,
            message: "\(name) is an engineering manager whose links already reach \(leader.businessDepartmentsReached.count) business departments, \(Int((share * 100).rounded()))% of their link weight (E-I \(EvidenceValue.formatIndex(ei))): by the engineering vs technology leadership distinction, a strength expected of technology leaders, not of managers.",
            department: nil, recommendation: .text(recommendation), rank: FindingRank(tier: leader.tier, eiIndex: ei))
    }

    // MARK: - Department rules

    private func departmentDrafts(_ indices: [Int]) -> [Draft] {
        // Without any leader in the link data, an unbridged department says nothing about the leaders.
        // Searched for rather than filtered into a new array: a plan's trials ask thousands of times.
        let knownLeaders = leaders.lazy.filter(\.hasLinkData)
        guard let firstKnown = knownLeaders.first else { return [] }
        var drafts: [Draft] = []
        for d in indices where summaries[d].isCore && summaries[d].hasLinkData {
            let summary = summaries[d]
            let subject = Subject(kind: .department, id: summary.name, name: summary.name)
            var evidence = Evidence()
            evidence.add("department_people", summary.people)
            if let head = summary.head { evidence.add("head", head.name) }
            evidence.add("engineering_leaders_linked", summary.leaders.count)
            if summary.leaders.isEmpty {
                evidence.add("individual_contributor_weight", summary.engineeringWeight)
                let bridge = firstKnown
                drafts.append(Draft(
                    rule: .departmentUnbridged, severity: .high, subject: subject, evidence: evidence,
                    message: "No engineering leader has a link to \(summary.name) (\(summary.people) people): the department has no bridge to the people who set technology direction.",
                    department: nil,
                    recommendation: .meet(leader: bridge.personIndex, department: d, opening: "should meet"),
                    rank: FindingRank(departmentPeople: summary.people),
                    messageWithoutFigures: "No engineering leader has a link to \(summary.name)"))
            } else if summary.leaders.count == 1 {
                let only = summary.leaders[0]
                evidence.add("bridge", only.leader.name)
                evidence.add("bridge_tier", only.tier.rawValue)
                evidence.add("bridge_weight", only.weight)
                let second = knownLeaders.first { $0.person != only.leader && $0.tier >= .seniorEngineeringLeader }
                    ?? knownLeaders.first { $0.person != only.leader }
                let recommendation: Recommendation = second.map {
                    .meet(leader: $0.personIndex, department: d, opening: "should also meet")
                } ?? .text("Introduce a second engineering leader to \(summary.head?.name ?? summary.name).")
                drafts.append(Draft(
                    rule: .singleBridge, severity: .low, subject: subject, evidence: evidence,
                    message: "\(summary.name) reaches engineering leadership only through \(only.leader.name): if that one relationship lapses, the department loses its bridge to engineering.",
                    department: nil, recommendation: recommendation, rank: FindingRank(departmentPeople: summary.people),
                    messageWithoutFigures: "\(summary.name) reaches engineering leadership through one leader only"))
            }
        }
        return drafts
    }

    // MARK: - Organization rule

    private func organizationDrafts() -> [Draft] {
        guard !leaders.contains(where: { $0.tier == .technologyLeader }) else { return [] }
        let engineeringPeople = classifications.lazy.filter { $0 != nil }.count
        var evidence = Evidence()
        evidence.add("engineering_people", engineeringPeople)
        evidence.add("senior_engineering_leaders", leaders.filter { $0.tier == .seniorEngineeringLeader }.count)
        evidence.add("engineering_managers", leaders.filter { $0.tier == .engineeringManager }.count)
        let message: String
        let recommendation: String
        if engineeringPeople == 0 {
            message = "No department is classified as engineering, so nobody holds the technology-leader role of working across departments."
            recommendation = "Check engineering_department_patterns and engineering_departments in the policy: no department name matched."
        } else if let top = leaders.max(by: { a, b in
            let (ra, rb) = (organization.directReports[a.personIndex].count, organization.directReports[b.personIndex].count)
            return ra != rb ? ra < rb : a.person.name > b.person.name
        }) {
            evidence.add("top_of_engineering", top.person.name)
            message = "Nobody in engineering is at the technology-leader tier: no one's role is to align technology with the business across departments."
            recommendation = "Make the technology-leader role explicit: \(top.person.name)\(top.title.map { " (\($0))" } ?? "") leads the largest engineering team and could take it on, with a mandate to work with the heads of business departments."
        } else {
            message = "Engineering has \(engineeringPeople) people and no manager: no one's role is to align technology with the business across departments."
            recommendation = "Name a technology leader for engineering and have them meet the heads of business departments."
        }
        return [Draft(rule: .noTechnologyLeader, severity: .high, subject: .organization, evidence: evidence,
                      message: message, department: nil, recommendation: .text(recommendation))]
    }

    // MARK: - Helpers

    private func departmentIndex(_ name: String) -> Int? {
        departments.indexByName[name]
    }

    private func pairKey(_ x: Int, _ y: Int) -> Int { min(x, y) * departments.count + max(x, y) }

    /// The department a leader should turn to first: a missing one, else the core department they reach least.
    private func targetDepartment(for leader: LeaderMetrics) -> Int? {
        if let name = leader.missingDepartments.first { return departmentIndex(name) }
        let own = departments.ofPerson[leader.personIndex]
        let weights = Dictionary(leader.businessDepartmentsReached.map { ($0.department, $0.weight) }, uniquingKeysWith: +)
        return departments.names.indices
            .filter { departments.isCore[$0] && $0 != own }
            .min { a, b in
                let (wa, wb) = (weights[departments.names[a]] ?? 0, weights[departments.names[b]] ?? 0)
                if wa != wb { return wa < wb }
                if departments.sizes[a] != departments.sizes[b] { return departments.sizes[a] > departments.sizes[b] }
                return departments.names[a] < departments.names[b]
            }
    }

    private func meetSentence(leader: Int, department d: Int, opening: String, path: WarmPathFinder.Path?) -> String {
        let people = organization.people
        let leaderName = people[leader].name
        let department = departments.names[d]
        guard let head = departments.heads[d] else { return "\(leaderName) \(opening) someone in \(department)." }
        let title = people[head].title.map { " (\($0))" } ?? ""
        var sentence = "\(leaderName) \(opening) \(people[head].name)\(title), head of \(department)."
        if let path {
            let contact = path.contact == head ? "them" : "\(people[path.contact].name) in \(department)"
            sentence += " Warm path: \(people[path.via].name) already works with both \(leaderName) and \(contact)."
        }
        return sentence
    }
}
