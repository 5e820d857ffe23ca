import Foundation
@testable import OrgMapKit
import OrgModel
import OrgSample
import Testing

/// `orgmap report`, `leaders`, `departments`, `snapshots` and `org` on the sample organization, in process.
struct ReportTests {
    @Test func jsonShape() throws {
        let json = try object(try Workspace.sample().report(.json))
        #expect(Set(json.keys).isSuperset(of: ["snapshot", "findings", "leaders", "departments", "unknown"]))
        let findings = try #require(json["findings"] as? [[String: Any]])
        let first = try #require(findings.first)
        #expect(first["rule"] as? String == "department-unbridged")
        #expect(first["severity"] as? String == "high")
        let subject = try #require(first["subject"] as? [String: Any])
        #expect(subject["kind"] as? String == "department")
        #expect(subject["name"] as? String == "Legal")
        #expect(first["evidence"] is [String: Any])
        #expect(Set(first.keys) == ["rule", "severity", "subject", "evidence", "message", "recommendation", "key"])
        #expect((first["recommendation"] as? String)?.contains("Nadia Haddad") == true)
    }

    @Test func csvWrittenToAFileWhole() throws {
        let workspace = try Workspace.sample()
        var analyzed = try AnalysisRequest().analyze(try workspace.database())
        analyzed.context.findingsPerRule = 10
        try OutputFile.write(ReportFormat.csv.render(analyzed), to: workspace.path("findings.csv"))
        #expect(analyzed.analysis.findingsSummary == "13 findings (1 high, 5 medium, 6 low, 1 info)")
        let csv = String(decoding: try #require(workspace.contents("findings.csv")), as: UTF8.self)
        #expect(csv.hasPrefix("rule,severity,"))
        #expect(csv.contains("department-unbridged,high,department"))
        // A failed write leaves the report that was there.
        try OutputFile.write("old", to: workspace.path("kept.md"))
        #expect(throws: (any Error).self) { try OutputFile.write("new", to: workspace.path("kept.md/inside")) }
        #expect(workspace.contents("kept.md") == Data("old".utf8))
        #expect(message { try OutputFile.write("x", to: workspace.path("missing/folder/r.md")) }.hasPrefix("cannot write \(workspace.path("missing/folder/r.md")):"))
    }

    @Test func snapshotsCountTheirLinks() throws {
        let workspace = try Workspace.sample()
        let db = try workspace.database()
        let text = try ListingFormat.text.snapshots(in: db)
        #expect(text.contains("Links"))
        #expect(text.contains("   570  yes     northwind-people.csv"))
        let list = try #require(try JSONSerialization.jsonObject(with: Data(try ListingFormat.json.snapshots(in: db).utf8)) as? [[String: Any]])
        #expect(list.first?["links"] as? Int == 570)
        #expect(list.first?["as_of"] as? String == SampleOrg.asOf.description)
        #expect(list.first?["person_count"] as? Int == 62)
    }

    @Test func leadersAndDepartments() throws {
        let workspace = try Workspace.sample()
        let analyzed = try AnalysisRequest().analyze(try workspace.database())
        let leaders = ListingFormat.text.leaders(analyzed)
        #expect(leaders.contains("Ravi Patel"))
        #expect(leaders.split(separator: "\n").count == 2 + 11)
        #expect((try object(ListingFormat.json.leaders(analyzed))["leaders"] as? [Any])?.count == 11)
        #expect(ListingFormat.text.departments(analyzed).contains("Legal"))
    }

    @Test func policyFileChangesTheFindings() throws {
        let workspace = try Workspace.sample()
        try PolicyTemplate.write(to: workspace.path("orgmap-policy.yaml"), replacing: false)
        #expect(workspace.contents("orgmap-policy.yaml") != nil)
        #expect(message { try PolicyTemplate.write(to: workspace.path("orgmap-policy.yaml"), replacing: false) }.contains("already exists; use --force to replace it"))
        // Legal declared engineering: it is no longer a business department to bridge.
        try workspace.write("policy.yaml", "engineering_departments: [Legal]\n")
        #expect(!(try workspace.report(.json, AnalysisRequest(policyFile: workspace.path("policy.yaml")))).contains("department-unbridged"))
        try workspace.write("typo.yaml", "minimum_departmnet_size: 4\n")
        let typo = message { _ = try workspace.report(.markdown, AnalysisRequest(policyFile: workspace.path("typo.yaml"))) }
        #expect(typo.contains("typo.yaml: line 1: unknown policy key 'minimum_departmnet_size'"))
        #expect(typo.contains("The policy was not used"))
        #expect(!typo.contains("nothing was imported"))
    }

    @Test func badLinksChangeNothing() throws {
        let workspace = try Workspace.sample()
        let before = try #require(workspace.databaseBytes)
        try workspace.write("bad.csv", "source,target,weight\nNW001,NW002,1\nNW001,NW003,-4\n")
        let error = message { try workspace.importLinks("bad.csv") }
        #expect(error.contains("bad.csv: line 3, column 3 (weight): expected a weight, a number 0 or more, found '-4'"))
        #expect(workspace.databaseBytes == before)
    }

    @Test func unknownPeopleInLinksAreCountedOrStrict() throws {
        let workspace = try Workspace.sample()
        try workspace.write("outsiders.csv", "source,target\nNW001,NW002\nNW001,X-1\nX-2,NW002\n")
        let lenient = try workspace.importLinks("outsiders.csv")
        #expect(workspace.log.text.contains("warning: outsiders.csv: 2 rows name someone who is not in snapshot 1's org chart and were skipped (lines 3, 4); most frequent: 'X-1' (1), 'X-2' (1). Use --strict to make this an error"))
        #expect(lenient.summary.hasPrefix("Imported 1 link from "))
        #expect(lenient.summary.contains("; 2 rows skipped."))
        try workspace.write("outsiders-again.csv", "source,target\nNW001,X-1\n")
        #expect(throws: OrgMapError.self) { try workspace.importLinks("outsiders-again.csv") { $0.strict = true } }
    }

    @Test func organizationSummary() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("people.csv")
        try workspace.importPeople("people.csv", asOf: "2026-10-01")
        let db = try workspace.database()
        let text = try ListingFormat.text.organization(in: db, snapshot: nil)
        #expect(text.contains("5 people in 3 departments, 4 levels deep, 1 root"))
        #expect(text.contains("Jordan Lee"))
        let summary = try #require(try object(try ListingFormat.json.organization(in: db, snapshot: 1))["summary"] as? [String: Any])
        #expect(summary["people"] as? Int == 5)
        #expect(summary["depth"] as? Int == 4)
        #expect(message { _ = try ListingFormat.text.organization(in: db, snapshot: 9) }.contains("has no snapshot 9; list them with: orgmap snapshots"))
    }
}
