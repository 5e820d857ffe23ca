import Foundation
import Testing
@testable import OrgReport

struct MarkdownReportTests {
    @Test(arguments: [
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("a | b", "a \\| b"),
        ("`rm -rf`", "\\`rm -rf\\`"),
        ("*bold* _it_", "\\*bold\\* \\_it\\_"),
        ("[link](http://x)", "\\[link\\](http://x)"),
        ("# Heading", "\\# Heading"),
        ("Kai\nLund\r\nJr", "Kai Lund  Jr"),
        ("R&D", "R&amp;D"),
        ("@channel", "&#64;channel"),
        ("- item", "\\- item"),
    ])
    func inlineEscaping(raw: String, escaped: String) {
        #expect(MarkdownEscaping.inline(raw) == escaped)
    }

    @Test func hostileTextRendersAsTextAndTablesKeepTheirColumns() {
        let markdown = MarkdownReport.render(Fixture.analysis(), context: Fixture.context)
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!markdown.contains("Kai\nLund"))

        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var tables = 0
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix("|") else { index += 1; continue }
            tables += 1
            let columns = Self.unescapedPipes(lines[index])
            while index < lines.count, lines[index].hasPrefix("|") {
                #expect(Self.unescapedPipes(lines[index]) == columns, "row: \(lines[index])")
                index += 1
            }
        }
        #expect(tables == 3)
    }

    @Test func reportHasEverySection() {
        let markdown = MarkdownReport.render(Fixture.analysis(), context: Fixture.context)
        for heading in [
            "# Engineering leadership", "## Summary", "## Findings", "### High (1)", "## Engineering leaders",
            "## Engineering leaders × business departments", "## Department map", "## Method",
        ] {
            #expect(markdown.contains("\n\(heading)") || markdown.hasPrefix(heading), "missing \(heading)")
        }
        #expect(markdown.contains("- **Snapshot:** #3 as of 2026-03-01, imported from people.csv"))
        #expect(markdown.contains("| high | 1 |"))
        #expect(markdown.contains("#### 1. `department-unbridged`: Sales \"EMEA\" \\| &lt;b&gt;"))
        #expect(markdown.contains("- **Evidence:** tier technology-leader; department Marketing;"))
        #expect(markdown.contains("ei index -0.67; threshold -0.20"))
        #expect(markdown.contains("| Priya Raman | VP Engineering | technology leader | Engineering | -0.67 |"))
        #expect(markdown.contains("fires below an E-I of -0.20 for technology leaders"))
    }

    @Test func withoutLinksTheReportSaysSoAndListsUnknowns() {
        let analysis = Fixture.analysis(ties: [])
        let markdown = MarkdownReport.render(analysis, context: Fixture.context)
        #expect(markdown.contains("**No collaboration links were imported.**"))
        #expect(markdown.contains("## Unknown"))
        #expect(markdown.contains("- Priya Raman (technology leader): no imported collaboration link"))
        #expect(!markdown.contains("## Department map"))
    }

    @Test func mermaidNodeIdsAreGeneratedAndLabelsEscaped() throws {
        let lines = MermaidGraph.render(Fixture.analysis())
        #expect(lines.first == "graph LR")
        let nodes = lines.filter { $0.contains("[\"") }
        #expect(nodes.count == 5)
        for node in nodes {
            let id = node.trimmingCharacters(in: .whitespaces).prefix { $0 != "[" && $0 != "(" }
            #expect(id.first == "d" && id.dropFirst().allSatisfy(\.isNumber), "id \(id)")
            let label = node.split(separator: "\"", omittingEmptySubsequences: false)
            #expect(label.count == 3, "label has no raw quote: \(node)")
            #expect(!node.contains("<") && !node.contains(">") && !node.contains("|"))
        }
        #expect(lines.contains("    d4([\"Sales #34;EMEA#34; #124; #60;b#62;\"])"))
        #expect(lines.contains("    d1 ---|2| d4"))
        #expect(lines.contains("    class d4 unbridged"))
    }

    /// `|` characters that separate table cells: not preceded by a backslash.
    static func unescapedPipes(_ line: String) -> Int {
        var count = 0
        var previous: Character = " "
        for ch in line {
            if ch == "|" && previous != "\\" { count += 1 }
            previous = ch
        }
        return count
    }
}
