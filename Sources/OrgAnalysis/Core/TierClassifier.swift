import OrgModel

/// Places people in engineering and gives each a tier, from title patterns and from the reporting structure; from
/// titles alone when the org chart has no reporting lines (``Organization/hasReportingLines``).
struct TierClassifier {
    let organization: Organization
    let policy: Policy

    /// Every person index, each manager before their reports; people caught in a reporting cycle come last.
    static func parentsFirst(_ org: Organization) -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(org.people.count)
        var seen = [Bool](repeating: false, count: org.people.count)
        var stack = org.roots.reversed() as [Int]
        while let i = stack.popLast() {
            guard !seen[i] else { continue }
            seen[i] = true
            order.append(i)
            stack.append(contentsOf: org.directReports[i].reversed())
        }
        for i in org.people.indices where !seen[i] { order.append(i) }
        return order
    }

    /// Who is in engineering (by department, or by a technology-leader title anywhere) and their tier.
    func classify(departments: DepartmentIndex, parentsFirst: [Int]) -> (isEngineering: [Bool], people: [PersonClassification?]) {
        let org = organization
        let n = org.people.count
        let techTitles = PhraseMatcher(policy.technologyLeaderTitlePatterns)
        let seniorTitles = PhraseMatcher(policy.seniorLeaderTitlePatterns)
        let managerTitles = PhraseMatcher(policy.managerTitlePatterns)

        var techTitle = [String?](repeating: nil, count: n)
        var isEngineering = [Bool](repeating: false, count: n)
        var engineeringAbove = [Bool](repeating: false, count: n)
        var techTitledAbove = [Int?](repeating: nil, count: n)
        for i in parentsFirst {
            techTitle[i] = org.people[i].title.flatMap(techTitles.match)
            // A CTO filed under "Executive" or "Office of the CEO" is still the top of engineering.
            isEngineering[i] = departments.sides[departments.ofPerson[i]] == .engineering || techTitle[i] != nil
            if let m = org.managerIndex[i] {
                engineeringAbove[i] = isEngineering[m] || engineeringAbove[m]
                techTitledAbove[i] = techTitle[m] != nil ? m : techTitledAbove[m]
            }
        }

        var people = [PersonClassification?](repeating: nil, count: n)
        guard org.hasReportingLines else {
            for i in 0..<n where isEngineering[i] {
                people[i] = Self.fromTitle(org.people[i].title ?? "", technology: techTitle[i], senior: seniorTitles, manager: managerTitles)
            }
            return (isEngineering, people)
        }
        var anyTechnologyLeader = false
        for i in 0..<n where isEngineering[i] {
            let title = org.people[i].title ?? ""
            let reports = org.directReports[i].count
            let managersLed = org.directReports[i].lazy.filter { !org.directReports[$0].isEmpty }.count
            let c: PersonClassification
            if let t = techTitle[i] {
                if let above = techTitledAbove[i], !policy.technologyLeaderBelowAnother {
                    c = .init(tier: .seniorEngineeringLeader,
                              reason: "title matches '\(t)' but reports to \(org.people[above].name)")
                } else if let above = techTitledAbove[i] {
                    c = .init(tier: .technologyLeader,
                              reason: "title matches '\(t)'; reports to \(org.people[above].name) (technology_leader_below_another)")
                    anyTechnologyLeader = true
                } else {
                    c = .init(tier: .technologyLeader, reason: "title matches '\(t)'")
                    anyTechnologyLeader = true
                }
            } else if let t = seniorTitles.match(title) {
                c = .init(tier: .seniorEngineeringLeader, reason: "title matches '\(t)'")
            } else if managersLed > 0 {
                c = .init(tier: .seniorEngineeringLeader, reason: "manages \(plural(managersLed, "manager"))")
            } else if reports > 0 {
                let because = managerTitles.match(title).map { "title matches '\($0)' and " } ?? ""
                c = .init(tier: .engineeringManager, reason: "\(because)has \(plural(reports, "direct report"))")
            } else if let t = managerTitles.match(title) {
                c = .init(tier: .individualContributor, reason: "title matches '\(t)' but has no direct reports")
            } else {
                c = .init(tier: .individualContributor, reason: "no direct reports")
            }
            people[i] = c
        }

        // With no technology-leader title, the senior leaders at the top of engineering hold that role.
        // A lone team lead at the top does not: that is the gap `no-technology-leader` reports.
        if !anyTechnologyLeader {
            for i in 0..<n where isEngineering[i] && !engineeringAbove[i] {
                guard let c = people[i], c.tier == .seniorEngineeringLeader else { continue }
                people[i] = .init(tier: .technologyLeader,
                                  reason: "top of engineering: no engineering manager above; \(c.reason)")
            }
        }
        return (isEngineering, people)
    }

    /// A tier from the title alone, saying so: without reporting lines nobody is known to lead anyone.
    private static func fromTitle(_ title: String, technology: String?, senior: PhraseMatcher, manager: PhraseMatcher) -> PersonClassification {
        let unknown = "(reporting lines unknown: tier from title)"
        if let t = technology { return .init(tier: .technologyLeader, reason: "title matches '\(t)' \(unknown)") }
        if let t = senior.match(title) { return .init(tier: .seniorEngineeringLeader, reason: "title matches '\(t)' \(unknown)") }
        if let t = manager.match(title) { return .init(tier: .engineeringManager, reason: "title matches '\(t)' \(unknown)") }
        return .init(tier: .individualContributor, reason: "no leadership title \(unknown)")
    }
}
