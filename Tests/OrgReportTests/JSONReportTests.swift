import Foundation
import OrgAnalysis
import OrgModel
import Testing
@testable import OrgReport

struct JSONReportTests {
    private func decode(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func documentedTopLevelShape() throws {
        let json = try decode(JSONReport.render(Fixture.analysis(), context: Fixture.context))
        #expect(Set(json.keys) == ["snapshot", "summary", "findings", "leaders", "departments", "unknown"])
        let snapshot = try #require(json["snapshot"] as? [String: Any])
        #expect(snapshot["id"] as? Int == 3)
        #expect(snapshot["as_of"] as? String == "2026-03-01")
        #expect(snapshot["policy"] as? String == "built-in defaults")
        #expect(snapshot["link_filter"] is NSNull)
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == ["high": 1, "medium": 3, "low": 2, "info": 0])
    }

    @Test func findingsCarryRuleSeveritySubjectEvidenceMessageAndRecommendation() throws {
        let json = try decode(JSONReport.render(Fixture.analysis(), context: Fixture.context))
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == 6)
        for finding in findings {
            #expect(Set(finding.keys) == ["rule", "severity", "subject", "evidence", "message", "recommendation", "key"])
            let subject = try #require(finding["subject"] as? [String: String])
            #expect(Set(subject.keys) == ["kind", "id", "name"])
            #expect(finding["evidence"] is [String: Any])
        }
        let missing = try #require(findings.first { $0["rule"] as? String == "missing-partner-department" })
        #expect(missing["severity"] as? String == "medium")
        #expect(missing["key"] as? String == "missing-partner-department:person:E1:dept:Marketing")
        let evidence = try #require(missing["evidence"] as? [String: Any])
        #expect(evidence["department"] as? String == "Marketing")
        #expect(evidence["department_people"] as? Int == 3)
    }

    @Test func leadersAndDepartmentsHaveTheSameKeysWhateverIsMissing() throws {
        let json = try decode(JSONReport.render(Fixture.analysis(), context: Fixture.context))
        let leaders = try #require(json["leaders"] as? [[String: Any]])
        #expect(leaders.map { $0["tier"] as? String } == ["technology-leader", "senior-engineering-leader", "engineering-manager"])
        let keys = Set(leaders[0].keys)
        #expect(keys.isSuperset(of: ["person", "tier", "tier_reason", "ei_index", "ei_index_by_count", "business_facing", "coverage", "missing_departments"]))
        #expect(leaders.allSatisfy { Set($0.keys) == keys })
        #expect(leaders[2]["coverage"] is NSNull)
        let departments = try #require(json["departments"] as? [[String: Any]])
        #expect(departments.map { $0["name"] as? String } == ["Engineering", "Platform", "Marketing", "Sales \"EMEA\" | <b>", "Executive"])
        let sales = departments[3]
        #expect((sales["head"] as? [String: String])?["name"] == Fixture.hostileName)
    }

    @Test func validJSONEvenForNonFiniteWeightsAndControlCharacters() throws {
        let org = Organization(people: Fixture.people)
        let ties = [Tie(a: 1, b: 6, weight: .nan, count: 1), Tie(a: 1, b: 2, weight: .infinity, count: 1)]
        let analysis = Analyzer.analyze(organization: org, ties: ties)
        let text = JSONReport.render(analysis, context: ReportContext(peopleCount: 12, linkCount: 2, linkFilter: "since\u{0}\n2026"))
        let json = try decode(text)
        #expect((json["snapshot"] as? [String: Any])?["link_filter"] as? String == "since\u{0}\n2026")
        #expect((json["snapshot"] as? [String: Any])?["id"] is NSNull)
        // Non-finite numbers are written as strings, never as invalid JSON or as null.
        let weights = (json["leaders"] as? [[String: Any]] ?? []).flatMap { leader in
            ["own_department", "other_engineering", "business_facing"].compactMap { (leader[$0] as? [String: Any])?["weight"] }
        }
        #expect(weights.contains { $0 as? String == "NaN" || $0 as? String == "Infinity" })
        #expect(!weights.contains { $0 is NSNull })
    }

    @Test func leadersAndDepartmentsCommandsShareTheObjects() throws {
        let analysis = Fixture.analysis()
        let leaders = try #require(try JSONSerialization.jsonObject(with: Data(LeadersTable.json(analysis).utf8)) as? [String: [[String: Any]]])
        #expect(leaders["leaders"]?.count == 3)
        let departments = try #require(try JSONSerialization.jsonObject(with: Data(DepartmentsTable.json(analysis).utf8)) as? [String: [[String: Any]]])
        #expect(departments["departments"]?.count == 5)
    }

    @Test func outputIsStableAcrossRuns() {
        #expect(JSONReport.render(Fixture.analysis(), context: Fixture.context)
            == JSONReport.render(Fixture.analysis(), context: Fixture.context))
    }
}
