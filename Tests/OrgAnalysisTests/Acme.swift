import OrgModel
@testable import OrgAnalysis

/// A small company used across the tests: a VP Engineering, a director of Platform, two engineering managers,
/// and three core business departments (Sales, Marketing, Finance) under a CEO.
enum Acme {
    static let people: [Person] = [
        person("E0", "Dana Whitfield", "Chief Executive Officer", "Executive", nil),
        person("E1", "Priya Raman", "VP Engineering", "Engineering", "E0"),
        person("E2", "Marco Rossi", "Director of Platform", "Platform", "E1"),
        person("E3", "Lena Park", "Engineering Manager", "Engineering", "E1"),
        person("E4", "Sam Ortiz", "Software Engineer", "Engineering", "E3"),
        person("E5", "Ada Kim", "Tech Lead", "Engineering", "E3"),
        person("E6", "Tom Hale", "Manager, Site Reliability", "Platform", "E2"),
        person("E7", "Ravi Shah", "SRE", "Platform", "E6"),
        person("E10", "Maya Chen", "VP Sales", "Sales", "E0"),
        person("E11", "Jo Bell", "Account Executive", "Sales", "E10"),
        person("E12", "Kai Lund", "Account Executive", "Sales", "E10"),
        person("E20", "Nora Diaz", "Chief Marketing Officer", "Marketing", "E0"),
        person("E21", "Eli Ford", "Marketing Manager", "Marketing", "E20"),
        person("E22", "Ivy Gray", "Content Writer", "Marketing", "E21"),
        person("E30", "Omar Haddad", "Chief Financial Officer", "Finance", "E0"),
        person("E31", "Lu Wei", "Accountant", "Finance", "E30"),
        person("E32", "Bea Ross", "Controller", "Finance", "E30"),
    ]

    /// Every leader reaches what their tier expects and every core department has two bridges.
    static let healthyTies: [(String, String, Double)] = [
        ("E1", "E10", 3), ("E1", "E20", 2), ("E1", "E30", 2), ("E1", "E2", 2), ("E1", "E3", 2),
        ("E2", "E11", 1), ("E2", "E21", 1), ("E2", "E31", 1), ("E2", "E6", 3),
        ("E3", "E4", 2), ("E3", "E5", 2), ("E6", "E7", 3),
    ]

    static func person(_ key: String, _ name: String, _ title: String?, _ department: String, _ manager: String?,
                       dotted: [String] = []) -> Person {
        Person(key: key, name: name, title: title, department: department, managerKey: manager,
               dottedLineManagerKeys: dotted)
    }

    /// Ties by person key, one link each.
    static func ties(_ list: [(String, String, Double)], in org: Organization) -> [Tie] {
        list.map { Tie(a: org.index(ofKey: $0.0)!, b: org.index(ofKey: $0.1)!, weight: $0.2, count: 1) }
    }

    static func analyze(
        people: [Person] = Acme.people, ties list: [(String, String, Double)] = Acme.healthyTies,
        policy: Policy = .default
    ) -> Analysis {
        let org = Organization(people: people)
        return Analyzer.analyze(organization: org, ties: ties(list, in: org), policy: policy)
    }

    /// The healthy ties without any tie touching both given people.
    static func healthy(removing pairs: [(String, String)], adding extra: [(String, String, Double)] = []) -> [(String, String, Double)] {
        healthyTies.filter { tie in
            !pairs.contains { ($0.0 == tie.0 && $0.1 == tie.1) || ($0.0 == tie.1 && $0.1 == tie.0) }
        } + extra
    }
}

extension Analysis {
    func findings(_ rule: Rule) -> [Finding] { findings.filter { $0.rule == rule } }

    func leader(_ key: String) -> LeaderMetrics? { leaders.first { $0.person.id == key } }

    func tier(_ key: String) -> Tier? {
        organization.index(ofKey: key).flatMap { classifications[$0]?.tier }
    }

    func department(_ name: String) -> DepartmentSummary? { departments.first { $0.name == name } }
}
