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
        var titles = TitleMatches(policy: policy)

        var techTitle = [String?](repeating: nil, count: n)
        var isEngineering = [Bool](repeating: false, count: n)
        var engineeringAbove = [Bool](repeating: false, count: n)
        var techTitledAbove = [Int?](repeating: nil, count: n)
        for i in parentsFirst {
            techTitle[i] = org.people.title(i).flatMap { titles.of($0).technology }
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
                people[i] = Self.fromTitle(titles.of(org.people.title(i) ?? ""))
            }
            return (isEngineering, people)
        }
        var anyTechnologyLeader = false
        for i in 0..<n where isEngineering[i] {
            let title = titles.of(org.people.title(i) ?? "")
            let reports = org.directReports[i].count
            let managersLed = org.directReports[i].lazy.filter { !org.directReports[$0].isEmpty }.count
            let c: PersonClassification
            if let t = techTitle[i] {
                if let above = techTitledAbove[i], !policy.technologyLeaderBelowAnother {
                    c = .init(tier: .seniorEngineeringLeader,
                              reason: "title matches '\(t)' but reports to \(org.people.name(above))")
                } else if let above = techTitledAbove[i] {
                    c = .init(tier: .technologyLeader,
                              reason: "title matches '\(t)'; reports to \(org.people.name(above)) (technology_leader_below_another)")
                    anyTechnologyLeader = true
                } else {
                    c = .init(tier: .technologyLeader, reason: "title matches '\(t)'")
                    anyTechnologyLeader = true
                }
            } else if let t = title.senior {
                c = .init(tier: .seniorEngineeringLeader, reason: "title matches '\(t)'")
            } else if managersLed > 0 {
                c = .init(tier: .seniorEngineeringLeader, reason: "manages \(plural(managersLed, "manager"))")
            } else if reports > 0 {
                let because = title.manager.map { "title matches '\($0)' and " } ?? ""
                c = .init(tier: .engineeringManager, reason: "\(because)has \(plural(reports, "direct report"))")
            } else if let t = title.manager {
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
    private static func fromTitle(_ title: TitleMatches.Matches) -> PersonClassification {
        let unknown = "(reporting lines unknown: tier from title)"
        if let t = title.technology { return .init(tier: .technologyLeader, reason: "title matches '\(t)' \(unknown)") }
        if let t = title.senior { return .init(tier: .seniorEngineeringLeader, reason: "title matches '\(t)' \(unknown)") }
        if let t = title.manager { return .init(tier: .engineeringManager, reason: "title matches '\(t)' \(unknown)") }
        return .init(tier: .individualContributor, reason: "no leadership title \(unknown)")
    }
}

/// The policy's title phrases each title matches, worked out once per distinct title: an org chart of 100,000
/// people has a few hundred titles, and splitting every title into words was a tenth of a report's time.
private struct TitleMatches {
    struct Matches {
        var technology: String?
        var senior: String?
        var manager: String?
    }

    private let technology: PhraseMatcher
    private let senior: PhraseMatcher
    private let manager: PhraseMatcher
    private var known: [String: Matches] = [:]

    init(policy: Policy) {
        technology = PhraseMatcher(policy.technologyLeaderTitlePatterns)
        senior = PhraseMatcher(policy.seniorLeaderTitlePatterns)
        manager = PhraseMatcher(policy.managerTitlePatterns)
    }

    mutating func of(_ title: String) -> Matches {
        if let matches = known[title] { return matches }
        let matches = Matches(technology: technology.match(title), senior: senior.match(title), manager: manager.match(title))
        known[title] = matches
        return matches
    }
}
