import Testing
import OrgModel

struct OrganizationTests {
    static let people = [
        Person(key: "1", name: "CEO", department: "Executive"),
        Person(key: "2", name: "CTO", department: "Engineering", managerKey: "1"),
        Person(key: "3", name: "EM", department: "Engineering", team: "Core", managerKey: "2"),
        Person(key: "4", name: "Dev", department: "Engineering", team: "Core", managerKey: "3", dottedLineManagerKeys: ["5"]),
        Person(key: "5", name: "CRO", department: "Sales", managerKey: "1"),
        Person(key: "6", name: "Contractor", department: "Engineering"),
    ]

    @Test func indices() {
        let org = Organization(people: Self.people)
        #expect(org.roots == [0, 5])
        #expect(org.directReports[0] == [1, 4])
        #expect(org.managerIndex[3] == 2)
        #expect(org.dottedLineManagerIndices[3] == [4])
        #expect(org.depths() == [0, 1, 2, 3, 1, 0])
        #expect(org.index(ofKey: "5") == 4)
    }

    @Test func summary() {
        let summary = OrgSummary(Organization(people: Self.people), spans: 2)
        #expect(summary.people == 6)
        #expect(summary.depth == 4)
        #expect(summary.roots.map(\.name) == ["CEO", "Contractor"])
        #expect(summary.departments.map(\.name) == ["Engineering", "Executive", "Sales"])
        #expect(summary.departments.first?.teams == 1)
        #expect(summary.largestSpans.map(\.manager.name) == ["CEO", "CTO"])
        #expect(summary.dottedLines == 1)
    }

    @Test(arguments: [("2026-02-28", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-13-01", false), ("26-01-01", false), ("2026-1-01", false), ("tomorrow", false)])
    func calendarDates(text: String, valid: Bool) {
        #expect((CalendarDate(text) != nil) == valid)
        if valid { #expect(CalendarDate(text)?.description == text) }
    }
}
