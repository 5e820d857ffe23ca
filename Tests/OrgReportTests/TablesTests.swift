import Testing
@testable import OrgReport

struct TablesTests {
    @Test func leadersTableHasOneLinePerLeader() {
        let lines = LeadersTable.render(Fixture.analysis()).split(separator: "\n")
        #expect(lines.count == 2 + 3)
        #expect(lines[0].hasPrefix("NAME"))
        #expect(lines[2].hasPrefix("Priya Raman") && lines[2].contains("technology-leader") && lines[2].contains("-0.67"))
    }

    @Test func departmentsTableShowsBridgesForBusinessDepartments() throws {
        let lines = DepartmentsTable.render(Fixture.analysis()).split(separator: "\n").map(String.init)
        #expect(lines.count == 2 + 5)
        let marketing = try #require(lines.first { $0.hasPrefix("Marketing") })
        #expect(marketing.contains("a | b (2)"))
        #expect(marketing.contains("Nora Diaz"))
    }

    @Test(arguments: [(-1.0, "-1.00"), (0.0, "0.00"), (0.2727, "+0.27"), (-0.5, "-0.50"), (nil, "n/a")] as [(Double?, String)])
    func eiFormat(value: Double?, text: String) {
        #expect(ReportFormat.ei(value) == text)
    }
}
