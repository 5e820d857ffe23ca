import Foundation
import OrgAnalysis
import OrgModel
@testable import OrgReport
import Testing

struct HTMLReportTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\" onerror=\"alert(1)", "&quot; onerror=&quot;alert(1)"),
        ("O'Brien & Sons", "O&#39;Brien &amp; Sons"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("abc\u{202E}txt.exe", "abc\u{FFFD}txt.exe"),
        ("\u{2067}isolate\u{2069}", "\u{FFFD}isolate\u{FFFD}"),
        ("bell\u{07}null\u{00}", "bell null "),
        ("Zoë Ångström 李", "Zoë Ångström 李"),
    ])
    func attributeEscaping(raw: String, escaped: String) {
        #expect(HTMLWriter.escaped(raw) == escaped)
    }

    @Test func textKeepsQuotesAndEscapesMarkup() {
        var w = HTMLWriter()
        w.element("p", ["title": "a\"b"], text: "\"<b>\" & 'c'")
        #expect(w.output == "<p title=\"a&quot;b\">\"&lt;b&gt;\" &amp; 'c'</p>")
    }

    /// A name that looks like a URL stays text: the only `href`s are the page's own anchors.
    @Test func hostileNamesStayText() {
        let page = HTMLReport.render(Self.hostileAnalysis(), context: Fixture.context)
        for raw in ["<img src=x", "<script>", "<b>", "\u{202E}"] {
            #expect(!page.contains(raw), "\(raw) reached the page unescaped")
        }
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;"))
        #expect(page.contains("\" onerror=\"alert(1)</td>"))
        #expect(page.contains("Priya\u{FFFD}namaR"))
        #expect(page.contains("javascript:alert(1)"))
        let hrefs = page.components(separatedBy: "href=\"").dropFirst().map { $0.prefix(while: { $0 != "\"" }) }
        #expect(!hrefs.isEmpty)
        #expect(hrefs.allSatisfy { $0.hasPrefix("#") }, "\(hrefs)")
        // Every attribute stays one attribute: no value closes its quotes early.
        #expect(!page.contains("=\"\" onerror"))
    }

    @Test func pageIsSelfContained() {
        let page = HTMLReport.render(Fixture.analysis(), context: Fixture.context)
        let ids = page.components(separatedBy: " id=\"").dropFirst().map { $0.prefix(while: { $0 != "\"" }) }
        #expect(ids.count > 10 && Set(ids).count == ids.count, "an id is used twice")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"))
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"))
        #expect(!page.contains("http://") && !page.contains("https://"))
        #expect(!page.contains("<script") && !page.contains(" src=\"") && !page.contains("<link"))
        #expect(page.contains("@media print") && page.contains("@page") && page.contains("break-inside: avoid"))
        #expect(page.contains("prefers-color-scheme: dark"))
    }

    /// The Markdown report's sections, in its order.
    @Test func sameSectionsInTheSameOrderAsMarkdown() {
        let analysis = Fixture.analysis()
        let page = HTMLReport.render(analysis, context: Fixture.context)
        let markdown = MarkdownReport.render(analysis, context: Fixture.context)
        let mdHeadings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        let htmlHeadings = page.components(separatedBy: "<h2>").dropFirst().map { String($0.prefix(while: { $0 != "<" })) }
        #expect(htmlHeadings == mdHeadings.map { HTMLWriter.escaped($0) })
        #expect(page.contains("<h3>High (1)</h3>"))
        #expect(page.contains("<code>department-unbridged</code>: Sales &quot;EMEA&quot; | &lt;b&gt;") || page.contains("<code>department-unbridged</code>: Sales \"EMEA\" | &lt;b&gt;"))
        #expect(page.contains("<dt>Evidence</dt><dd>tier technology-leader; department Marketing;"))
        #expect(page.contains("fires below an E-I of -0.20 for technology leaders"))
    }

    @Test func everyPictureHasANameACaptionAndTextMarks() throws {
        let analysis = Fixture.analysis()
        let pictures = ReportPictures.all(analysis, context: Fixture.context)
        #expect(pictures.map(\.name) == [ReportPictures.eiName, ReportPictures.heatmapName, ReportPictures.mapName])
        let page = HTMLReport.render(analysis, context: Fixture.context)
        for p in pictures {
            #expect(!p.title.isEmpty && !p.caption.isEmpty)
            #expect(page.contains("<svg viewBox=\"0 0 \(SVG.number(p.width)) \(SVG.number(p.height))\""))
            #expect(page.contains("role=\"img\" aria-labelledby=\"\(p.name)-title \(p.name)-desc\""))
            #expect(page.contains("<title id=\"\(p.name)-title\">"))
            #expect(p.file.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        }
        let heatmap = try #require(pictures.first { $0.name == ReportPictures.heatmapName }).file
        #expect(heatmap.contains(">—</tspan>"), "no link is a dash, not only a colour")
        let bars = try #require(pictures.first).file
        #expect(bars.contains("-0.67 below -0.20"))
        let map = try #require(pictures.last).file
        #expect(map.contains(": unbridged</text>"))
    }

    @Test func suppressedDepartmentsShowTheMarker() {
        var context = Fixture.context
        context.minimumGroupSize = MinimumGroupSize(4)
        let analysis = Fixture.analysis().suppressingSmallGroups(MinimumGroupSize(4))
        let page = HTMLReport.render(analysis, context: context)
        #expect(page.contains("figures of departments with fewer than 4 people are suppressed"))
        #expect(page.contains("suppressed (fewer than 4 people)"))
        #expect(page.contains(">n/s</tspan>"))
    }

    @Test func diffPageHasCountsAndLeadersBeforeAndAfter() {
        let before = Fixture.analysis(ties: [])
        let after = Fixture.analysis()
        let snapshot = Fixture.context.snapshot!
        var later = snapshot
        later.id = 4
        let page = DiffHTML.render(SnapshotComparison(from: snapshot, to: later, diff: SnapshotDiff(from: before, to: after)))
        #expect(page.contains("<h1>What changed between snapshot #3 and snapshot #4</h1>"))
        #expect(page.contains("aria-labelledby=\"\(DiffPictures.countsName)-title"))
        #expect(page.contains("Not comparable on links:"))
        #expect(!page.contains("http://") && !page.contains("<img"))
    }

    /// The fixture with a script, an attribute breaker, a `javascript:` URL and an RTL override as names.
    static func hostileAnalysis() -> Analysis {
        var people = Fixture.people
        people[2].name = "<script>alert(\"x\")</script>"
        people[4].name = "\" onerror=\"alert(1)"
        people[9].name = "javascript:alert(1)"
        people[1].name = "Priya\u{202E}namaR"
        let org = Organization(people: people)
        let ties = Fixture.ties.map { Tie(a: org.index(ofKey: $0.0)!, b: org.index(ofKey: $0.1)!, weight: $0.2, count: 1) }
        return Analyzer.analyze(organization: org, ties: ties)
    }
}
