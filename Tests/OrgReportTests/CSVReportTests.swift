import OrgAnalysis
import OrgModel
import Testing
@testable import OrgReport

struct CSVReportTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+1 555", "'+1 555"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""), ("plain", "plain"), ("a, b", "\"a, b\""), ("line\nbreak", "\"line\nbreak\""),
        ("Priya \"PR\" Raman", "\"Priya \"\"PR\"\" Raman\""),
    ])
    func cellsAreNeutralisedAndQuoted(raw: String, cell: String) {
        #expect(CSVReport.cell(raw) == cell)
    }

    @Test func oneRecordPerFindingWithTheHeaderColumns() throws {
        let analysis = Fixture.analysis()
        let records = Self.parse(CSVReport.render(analysis))
        #expect(records.first == CSVReport.header)
        #expect(records.count == analysis.findings.count + 1)
        #expect(records.allSatisfy { $0.count == CSVReport.header.count })
        let unbridged = try #require(records.first { $0.first == "department-unbridged" })
        #expect(unbridged[3] == "Sales \"EMEA\" | <b>")
        #expect(unbridged[7] == "department_people=3; head=<img src=x onerror=alert(1)>; engineering_leaders_linked=0; individual_contributor_weight=2")
    }

    @Test func aFormulaInASubjectNameIsNeutralised() throws {
        let people = [
            Person(key: "E0", name: "Dana Whitfield", title: "CTO", department: "Engineering"),
            Person(key: "E1", name: "Jo Bell", title: "AE", department: "=cmd|' /C calc'!A0"),
            Person(key: "E2", name: "Kai Lund", title: "AE", department: "=cmd|' /C calc'!A0"),
            Person(key: "E3", name: "Ivy Gray", title: "AE", department: "=cmd|' /C calc'!A0"),
            Person(key: "E4", name: "Ada Kim", title: "Engineer", department: "Engineering", managerKey: "E0"),
        ]
        let org = Organization(people: people)
        let analysis = Analyzer.analyze(organization: org, ties: [Tie(a: 1, b: 2, weight: 1, count: 1), Tie(a: 0, b: 4, weight: 1, count: 1)])
        let csv = CSVReport.render(analysis)
        #expect(csv.contains(",'=cmd|' /C calc'!A0,'=cmd|' /C calc'!A0,"))
        #expect(!csv.contains(",=cmd"))
    }

    /// RFC 4180 reader, just enough to check the writer.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append(c); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\r" && chars.first == "\n" {
                chars.removeFirst()
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        return records
    }
}
