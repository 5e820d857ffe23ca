import Foundation
@testable import OrgMapKit
import OrgSample
import Testing

/// The html format of `report`, `diff` and `plan` on stored snapshots: the same content as Markdown, self-contained.
struct HTMLFormatsTests {
    func expectSelfContained(_ page: String) {
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("http-equiv=\"Content-Security-Policy\""))
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("<script"))
    }

    @Test func planPageListsTheIntroductions() throws {
        let workspace = try Workspace.sample()
        let planned = try PlanRequest().run(try workspace.database())
        let page = PlanFormat.html.render(planned)
        expectSelfContained(page)
        let first = try #require(planned.plan.introductions.first)
        #expect(page.contains("<h2>1. \(first.leader.name) meets \(first.meet.name)"))
        #expect(page.contains("<strong>\(planned.plan.introductions.count) introductions close \(planned.plan.closesTotal) of the"))
    }

    @Test func diffPageHasTheMarkdownSections() throws {
        let workspace = try Workspace.diff()
        let page = try workspace.diff(.html)
        let markdown = try workspace.diff(.markdown)
        expectSelfContained(page)
        let sections = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        for title in sections { #expect(page.contains("<h2>\(title)</h2>"), "\(title)") }
        #expect(page.contains("aria-labelledby=\"findings-changed-title"))
        #expect(page.contains("aria-labelledby=\"leaders-before-after-title"))
        #expect(page.contains("Leo Brandt"))
    }

    @Test func reportComparesWithThePreviousSnapshot() throws {
        let workspace = try Workspace.diff()
        let page = try workspace.report(.html)
        #expect(page.contains("<h2>Since the previous snapshot</h2>"))
        #expect(page.index(of: "<h2>Since the previous snapshot</h2>")! < page.index(of: "<h2>Findings</h2>")!)
    }

    /// `--top` cuts the HTML report as it cuts the Markdown one, and says the same.
    @Test func topLimitsTheHTMLReportLikeTheMarkdownOne() throws {
        let workspace = try Workspace()
        var options = SyntheticOrg.Options()
        (options.people, options.departments, options.links) = (3_000, 14, 60_000)
        _ = try SyntheticFiles.write(options, layout: .edges, into: workspace.folder.path)
        _ = try workspace.importPeople("people.csv")
        _ = try workspace.importLinks("links.csv")
        let markdown = try workspace.report(top: 3)
        let page = try workspace.report(.html, top: 3)
        let findings = markdown.components(separatedBy: "\n#### ").count - 1
        #expect(page.components(separatedBy: "<article class=\"finding").count - 1 == findings)
        #expect(markdown.contains("engineering managers are not listed") && page.contains("engineering managers are not listed"))
        #expect(page.contains("not written out here"))
        let everything = try workspace.report(.html, top: 0)
        #expect(!everything.contains("not written out here"))
    }
}

private extension String {
    func index(of needle: String) -> String.Index? { range(of: needle)?.lowerBound }
}
