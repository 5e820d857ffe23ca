import Foundation
import OrgAnalysis
import OrgModel
import Testing
@testable import OrgReport

/// The diff renderers on the fixture org: a leader who left, hostile text, the report's since-previous section.
struct DiffReportTests {
    static let before = Snapshot(id: 2, asOf: CalendarDate("2026-01-01")!, importedAt: "2026-01-02T09:00:00Z", sourceFile: "q4 | <b>.csv",
                                 sourceSHA256: "def", personCount: 12)

    /// Lena Park (an engineering manager) left; the hostile-named VP Sales was retitled.
    static func comparison() -> SnapshotComparison {
        let people = Fixture.people.filter { $0.key != "E4" && $0.key != "E5" }.map { p in
            var p = p
            if p.key == "E10" { p.title = "CRO <script>" }
            return p
        }
        let org = Organization(people: people)
        let ties = Fixture.ties.filter { ![$0.0, $0.1].contains("E4") && ![$0.0, $0.1].contains("E5") }
            .map { Tie(a: org.index(ofKey: $0.0)!, b: org.index(ofKey: $0.1)!, weight: $0.2, count: 1) }
        let after = Analyzer.analyze(organization: org, ties: ties)
        return SnapshotComparison(from: before, to: Fixture.context.snapshot!, diff: SnapshotDiff(from: Fixture.analysis(), to: after))
    }

    @Test func markdownEscapesImportedTextAndMarksAbsentSides() {
        let text = DiffMarkdown.render(Self.comparison())
        #expect(text.hasPrefix("# What changed between snapshot #2 and snapshot #3\n"))
        #expect(text.contains("imported from q4 \\| &lt;b&gt;.csv"))
        #expect(text.contains("| Lena Park | engineering manager → — | -1.00 → — | none → — |  |  |"))
        #expect(text.contains("| &lt;img src=x onerror=alert(1)&gt; | VP Sales | CRO &lt;script&gt; |"))
        #expect(!text.contains("<img") && !text.contains("<script"))
        #expect(text.contains("### Left (2)"))
    }

    @Test func reportSectionOnlyWithAPreviousSnapshot() throws {
        var context = Fixture.context
        let analysis = Fixture.analysis()
        #expect(!MarkdownReport.render(analysis, context: context).contains("Since the previous snapshot"))
        context.sincePrevious = Self.comparison()
        let text = MarkdownReport.render(analysis, context: context)
        #expect(text.contains("## Since the previous snapshot\n\nCompared with snapshot #2 as of 2026-01-01, imported from q4 \\| &lt;b&gt;.csv"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(analysis, context: context).utf8)) as? [String: Any])
        let since = try #require(json["since_previous"] as? [String: Any])
        #expect((since["from"] as? [String: Any])?["id"] as? Int == 2)
    }
}
