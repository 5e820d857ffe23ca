import Foundation
import OrgAnalysis
import OrgModel
import Testing
@testable import OrgReport

struct TablesTests {
    /// Columns as wide as their widest cell in characters (not bytes), two spaces apart, numbers to the right;
    /// no line ends in a space, whatever cells are empty; control characters become spaces.
    @Test func textTableAlignsAndEndsLinesWithoutSpaces() {
        var table = TextTable(headers: ["Name", "N", "Reached", "Note"], alignments: [.left, .right, .left, .left])
        table.append(["José", "7", "Sales, Legal", ""])
        table.append(["Ravi Patel", "12", "", ""])
        table.append(["Zoë", "", "", "line\nbreak"])
        #expect(table.render() == """
            Name         N  Reached       Note
            ----------  --  ------------  ----------
            José         7  Sales, Legal
            Ravi Patel  12
            Zoë                           line break

            """)
        var numbersLast = TextTable(headers: ["Department", "Links"], alignments: [.left, .right])
        numbersLast.append(["Legal", "5"])
        #expect(numbersLast.render() == "Department  Links\n----------  -----\nLegal           5\n")
        #expect(TextTable(headers: ["", ""]).render() == "\n\n")
    }

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

struct EmptyOrganizationTests {
    @Test func everyFormatRendersAnEmptyOrganization() throws {
        let analysis = Analyzer.analyze(organization: Organization(people: []), ties: [])
        let context = ReportContext(peopleCount: 0, linkCount: 0)
        let markdown = MarkdownReport.render(analysis, context: context)
        #expect(markdown.contains("`no-technology-leader`"))
        #expect(markdown.contains("Nobody in engineering leads a team."))
        #expect(CSVReportTests.parse(CSVReport.render(analysis)).count == 2)
        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render(analysis, context: context).utf8))
        #expect((json as? [String: Any])?["leaders"] as? [Any] != nil)
        #expect(LeadersTable.render(analysis).split(separator: "\n").count == 2)
    }
}
