import OrgAnalysis
import OrgModel
import OrgReport

/// A small org with a technology-leader gap, a single bridge, and hostile text in names, titles and departments.
enum Fixture {
    static let hostileName = "<img src=x onerror=alert(1)>"

    static let people: [Person] = [
        Person(key: "E0", name: "Dana Whitfield", title: "CEO", department: "Executive"),
        Person(key: "E1", name: "Priya Raman", title: "VP Engineering", department: "Engineering", managerKey: "E0"),
        Person(key: "E2", name: "a | b", title: "Director of *Platform*", department: "Platform", managerKey: "E1"),
        Person(key: "E3", name: "Sam Ortiz", title: "Engineer", department: "Platform", managerKey: "E2"),
        Person(key: "E4", name: "Lena Park", title: "Engineering Manager", department: "Engineering", managerKey: "E1"),
        Person(key: "E5", name: "Ada Kim", title: "Engineer", department: "Engineering", managerKey: "E4"),
        Person(key: "E10", name: hostileName, title: "VP Sales", department: "Sales \"EMEA\" | <b>", managerKey: "E0"),
        Person(key: "E11", name: "=HYPERLINK(\"http://x\")", title: "AE", department: "Sales \"EMEA\" | <b>", managerKey: "E10"),
        Person(key: "E12", name: "Kai\nLund", title: "AE", department: "Sales \"EMEA\" | <b>", managerKey: "E10"),
        Person(key: "E20", name: "Nora Diaz", title: "CMO", department: "Marketing", managerKey: "E0"),
        Person(key: "E21", name: "Eli Ford", title: "Marketer", department: "Marketing", managerKey: "E20"),
        Person(key: "E22", name: "Ivy Gray", title: "Writer", department: "Marketing", managerKey: "E20"),
    ]

    static let ties: [(String, String, Double)] = [
        ("E1", "E2", 3), ("E1", "E4", 2), ("E1", "E0", 1), ("E2", "E3", 2), ("E4", "E5", 2),
        ("E2", "E20", 1), ("E2", "E21", 1), ("E5", "E11", 2),
    ]

    static func analysis(ties: [(String, String, Double)] = Fixture.ties) -> Analysis {
        let org = Organization(people: people)
        let t = ties.map { Tie(a: org.index(ofKey: $0.0)!, b: org.index(ofKey: $0.1)!, weight: $0.2, count: 1) }
        return Analyzer.analyze(organization: org, ties: t)
    }

    static let context = ReportContext(
        snapshot: Snapshot(id: 3, asOf: CalendarDate("2026-03-01")!, importedAt: "2026-03-02T09:00:00Z", sourceFile: "people.csv",
                           sourceSHA256: "abc", personCount: 12),
        peopleCount: 12, linkCount: 9, policyDescription: "built-in defaults")
}
