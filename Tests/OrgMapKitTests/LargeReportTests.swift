import Foundation
@testable import OrgMapKit
import OrgSample
import Testing

/// A large organization's Markdown report stays readable: each rule's most serious findings are written out,
/// the rest counted; `--top 0` writes everything; JSON always holds everything.
struct LargeReportTests {
    /// Finding headings per severity and rule in a Markdown report ("medium low-external-ratio").
    func headings(_ markdown: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var severity = ""
        for line in markdown.split(separator: "\n") {
            if line.hasPrefix("### ") { severity = line.dropFirst(4).split(separator: " ")[0].lowercased() }
            if line.hasPrefix("#### "), let rule = line.split(separator: "`").dropFirst().first {
                counts["\(severity) \(rule)", default: 0] += 1
            }
        }
        return counts
    }

    @Test func topLimitsEachRuleAndSaysHowManyMore() throws {
        let workspace = try Workspace()
        var options = SyntheticOrg.Options()
        (options.people, options.departments, options.links) = (3_000, 14, 60_000)
        _ = try SyntheticFiles.write(options, layout: .edges, into: workspace.folder.path)
        try workspace.importPeople("people.csv")
        try workspace.importLinks("links.csv")

        let json = try object(try workspace.report(.json))
        let findings = try #require(json["findings"] as? [[String: Any]])
        var all: [String: Int] = [:]
        for f in findings { all["\(f["severity"] as! String) \(f["rule"] as! String)", default: 0] += 1 }
        let ratio = try #require(all["medium low-external-ratio"])
        try #require(ratio > 10, "the generated org should have many low-external-ratio findings")

        let everything = try workspace.report(top: 0)
        #expect(headings(everything) == all)
        #expect(!everything.contains("not written out here"))

        let brief = try workspace.report(top: 3)
        let shown = headings(brief)
        for (group, count) in all {
            #expect(shown[group] == min(count, 3), "\(group)")
            let rule = group.split(separator: " ")[1]
            if count > 3 {
                #expect(brief.contains("*\(count - 3) more `\(rule)` finding\(count - 3 == 1 ? "" : "s") not written out here"), "\(group)")
            }
        }
        // Past 100 leaders the table keeps technology and senior leaders; every row of it is one of them.
        let leaders = try #require(json["leaders"] as? [[String: Any]])
        try #require(leaders.count > 100)
        let managers = leaders.filter { $0["tier"] as? String == "engineering-manager" }.count
        #expect(brief.contains("the \(managers) engineering managers are not listed"))
        #expect(!everything.contains("engineering managers are not listed"))
        let table = brief.components(separatedBy: "## Engineering leaders\n")[1].components(separatedBy: "\n## ")[0]
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Name") }
        #expect(rows.count == leaders.count - managers)
        #expect(rows.allSatisfy { $0.contains("| senior engineering leader |") || $0.contains("| technology leader |") })

        // The summary still counts every finding.
        #expect(brief.contains("| medium | \(findings.filter { $0["severity"] as? String == "medium" }.count) |"))

        // The most serious first: the E-I indexes shown are the lowest of their tier.
        let shownEI = brief.split(separator: "\n")
            .filter { $0.hasPrefix("- **Evidence:** tier senior-engineering-leader; ei index") }
            .compactMap { Double($0.split(separator: ";")[1].split(separator: " ").last!) }
        let allEI = findings.filter { $0["rule"] as? String == "low-external-ratio" }
            .compactMap { $0["evidence"] as? [String: Any] }
            .filter { $0["tier"] as? String == "senior-engineering-leader" }
            .compactMap { $0["ei_index"] as? Double }.map { ($0 * 100).rounded() / 100 }.sorted()
        if !shownEI.isEmpty { #expect(shownEI == Array(allEI.prefix(shownEI.count))) }
    }
}
