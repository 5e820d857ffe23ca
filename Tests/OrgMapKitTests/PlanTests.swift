import Foundation
import OrgAnalysis
@testable import OrgMapKit
import OrgModel
import OrgReport
import OrgSample
import Testing

/// `orgmap plan` end to end: its introductions, imported as links into a new snapshot of the same org chart,
/// close exactly the findings the plan lists (as `orgmap diff` sees it), and open exactly those it says.
struct PlanTests {
    /// Imports the org chart again as of `asOf` with the links plus the plan's introductions, then diffs.
    static func expectHonest(_ plan: Plan, workspace: Workspace, people: String, links: String, asOf: String) throws {
        var rows = String(decoding: try #require(workspace.contents(links)), as: UTF8.self)
        if !rows.hasSuffix("\n") { rows += "\n" }
        // The same links, with the introductions added: undated, weight as assumed.
        let header = rows.prefix { $0 != "\n" && $0 != "\r" }
        #expect(header.hasPrefix("source,target,weight"), "\(header)")
        let columns = header.split(separator: ",").count
        for intro in plan.introductions {
            rows += [intro.leader.id, intro.meet.id, EvidenceValue.format(intro.assumedWeight)].joined(separator: ",") + String(repeating: ",", count: columns - 3) + "\n"
        }
        try workspace.write("with-plan.csv", rows)
        try workspace.importPeople(people, asOf: asOf)
        try workspace.importLinks("with-plan.csv")
        let comparison = try DiffRequest().run(try workspace.database())
        let gaps = { (findings: [Finding]) in Set(findings.filter { !$0.rule.isStrength }.map(\.key)) }
        #expect(gaps(comparison.diff.resolved) == Set(plan.introductions.flatMap { $0.closes.map(\.key) }))
        #expect(gaps(comparison.diff.opened) == Set(plan.remaining.filter(\.opened).map(\.finding.key)))
    }

    @Test func theDemosPlanClosesWhatItSays() throws {
        let workspace = try Workspace.sample()
        let planned = try PlanRequest().run(try workspace.database())
        let plan = planned.plan
        #expect(plan.introductions.count >= 5)
        #expect(plan.closesTotal >= plan.gapsBefore / 2)
        // The first introduction closes a high finding with others: Daniel Okafor (CTO) meets Legal's head.
        let first = try #require(plan.introductions.first)
        #expect(first.leader.name == "Daniel Okafor")
        #expect(first.closes.contains { $0.severity == .high })
        #expect(first.closes.count >= 2)
        #expect(plan.unknown.map(\.subject.name) == ["Aaron Goldberg"])
        try Self.expectHonest(plan, workspace: workspace, people: SampleOrg.peopleFileName, links: SampleOrg.linksFileName, asOf: "2026-11-02")
    }

    @Test(arguments: [UInt64(3), 11])
    func generatedOrganizationsPlansCloseWhatTheySay(seed: UInt64) throws {
        let workspace = try Workspace()
        var options = SyntheticOrg.Options()
        (options.people, options.departments, options.links, options.seed) = (600, 10, 9000, seed)
        _ = try SyntheticFiles.write(options, layout: .edges, into: workspace.folder.path)
        try workspace.importPeople("people.csv")
        try workspace.importLinks("links.csv")
        let plan = try PlanRequest(options: PlanOptions(maxIntroductions: 6)).run(try workspace.database()).plan
        #expect(!plan.introductions.isEmpty)
        try Self.expectHonest(plan, workspace: workspace, people: "people.csv", links: "links.csv", asOf: "2026-11-02")
    }

    @Test func formats() throws {
        let workspace = try Workspace.sample()
        let planned = try PlanRequest(options: PlanOptions(maxIntroductions: 2)).run(try workspace.database())
        let markdown = PlanFormat.markdown.render(planned)
        #expect(markdown.contains("## 1. Daniel Okafor meets "))
        #expect(markdown.contains("## What stays open"))
        #expect(markdown.contains("beyond the 2 introductions of this plan (--max)"))
        let json = try object(PlanFormat.json.render(planned))
        #expect(json["assumed_weight"] as? Double == 6)
        let introductions = try #require(json["introductions"] as? [[String: Any]])
        #expect(introductions.count == 2)
        let keys = Set(introductions[0].keys)
        #expect(keys == ["leader", "leader_tier", "meet", "warm_path", "assumed_weight", "closes", "opens"])
        #expect(Set((introductions[0]["meet"] as? [String: Any])?.keys ?? [:].keys) == ["id", "name", "department", "title"])
        #expect(json["closes_total"] as? Int == planned.plan.closesTotal)
        let csv = PlanFormat.csv.render(planned).split(separator: "\r\n")
        #expect(csv.count == 3)
        #expect(csv[0] == "order,leader_id,leader_name,meet_id,meet_name,meet_department,meet_title,warm_path_id,warm_path_name,assumed_weight,closes,closes_keys,opens_keys")
    }

    @Test func anonymizedPlansNameNobody() throws {
        let workspace = try Workspace.sample()
        var analysis = AnalysisRequest()
        analysis.privacy = Privacy(anonymize: true)
        let planned = try PlanRequest(analysis: analysis).run(try workspace.database())
        let markdown = PlanFormat.markdown.render(planned)
        #expect(!markdown.contains("Daniel Okafor"))
        #expect(markdown.contains("Person "))
        let unknownLeader = message { _ = try PlanRequest(options: PlanOptions(leader: "NOBODY")).run(try workspace.database()) }
        #expect(unknownLeader.contains("--leader NOBODY: nobody in snapshot 1 has that id"))
    }
}
