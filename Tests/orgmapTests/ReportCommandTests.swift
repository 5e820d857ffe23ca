import Foundation
import Testing
import OrgSample

/// A folder with the sample's org chart and links imported.
func sampleDatabase() throws -> CLI {
    let cli = try CLI()
    try #require(try cli.run("demo", "--write-sample", ".").status == 0)
    try #require(try cli.run("import", "people", SampleOrg.peopleFileName, "--as-of", SampleOrg.asOf).status == 0)
    try #require(try cli.run("import", "links", SampleOrg.linksFileName).status == 0)
    return cli
}

struct ReportCommandTests {
    @Test func failOnGatesOnSeverity() throws {
        let cli = try sampleDatabase()
        let high = try cli.run("report", "--fail-on", "high")
        #expect(high.status == 2)
        #expect(high.stderr.contains("Findings reach high, at or above --fail-on high"))
        #expect(high.stdout.contains("# Engineering leadership"))
        // Links before September: none are dated so, so nothing is judged and nothing fires.
        let quiet = try cli.run("report", "--fail-on", "info", "--until", "2026-08-31")
        #expect(quiet.status == 0, "\(quiet.stderr)")
    }

    @Test func jsonShape() throws {
        let cli = try sampleDatabase()
        let result = try cli.run("report", "--format", "json")
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys).isSuperset(of: ["snapshot", "findings", "leaders", "departments", "unknown"]))
        let findings = try #require(json["findings"] as? [[String: Any]])
        let first = try #require(findings.first)
        #expect(first["rule"] as? String == "department-unbridged")
        #expect(first["severity"] as? String == "high")
        let subject = try #require(first["subject"] as? [String: Any])
        #expect(subject["kind"] as? String == "department")
        #expect(subject["name"] as? String == "Legal")
        #expect(first["evidence"] is [String: Any])
        #expect((first["recommendation"] as? String)?.contains("Nadia Haddad") == true)
    }

    @Test func csvToAFile() throws {
        let cli = try sampleDatabase()
        let result = try cli.run("report", "--format", "csv", "--output", "findings.csv")
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Wrote findings.csv: 13 findings"))
        let csv = String(decoding: try #require(cli.contents("findings.csv")), as: UTF8.self)
        #expect(csv.hasPrefix("rule,severity,"))
        #expect(csv.contains("department-unbridged,high,department"))
    }

    @Test func snapshotsCountTheirLinks() throws {
        let cli = try sampleDatabase()
        let text = try cli.run("snapshots")
        #expect(text.stdout.contains("Links"))
        #expect(text.stdout.contains("   373  northwind-people.csv"))
        let json = try cli.run("snapshots", "--format", "json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.first?["links"] as? Int == 373)
        #expect(list.first?["as_of"] as? String == SampleOrg.asOf)
        #expect(list.first?["person_count"] as? Int == 62)
    }

    @Test func leadersAndDepartments() throws {
        let cli = try sampleDatabase()
        let leaders = try cli.run("leaders")
        #expect(leaders.status == 0)
        #expect(leaders.stdout.contains("Ravi Patel"))
        #expect(leaders.stdout.split(separator: "\n").count == 2 + 11)
        let json = try cli.run("leaders", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["leaders"] as? [Any])?.count == 11)
        let departments = try cli.run("departments")
        #expect(departments.status == 0)
        #expect(departments.stdout.contains("Legal"))
    }

    @Test func policyFileChangesTheFindings() throws {
        let cli = try sampleDatabase()
        let written = try cli.run("policy", "init")
        #expect(written.status == 0)
        #expect(cli.contents("orgmap-policy.yaml") != nil)
        #expect(try cli.run("policy", "init").status == 1)
        // Legal declared engineering: it is no longer a business department to bridge.
        try cli.write("policy.yaml", "engineering_departments: [Legal]\n")
        let report = try cli.run("report", "--policy", "policy.yaml", "--format", "json")
        #expect(report.status == 0, "\(report.stderr)")
        #expect(!report.stdout.contains("department-unbridged"))
        try cli.write("typo.yaml", "minimum_departmnet_size: 4\n")
        let typo = try cli.run("report", "--policy", "typo.yaml")
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("typo.yaml: line 1"))
    }

    @Test func badLinksChangeNothing() throws {
        let cli = try sampleDatabase()
        let before = try #require(cli.contents("orgmap.sqlite"))
        try cli.write("bad.csv", "source,target,weight\nNW001,NW002,1\nNW001,NW003,-4\n")
        let result = try cli.run("import", "links", "bad.csv")
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.csv: line 3, column 3 (weight): expected a weight, a number 0 or more, found '-4'"))
        #expect(cli.contents("orgmap.sqlite") == before)
    }

    @Test func unknownPeopleInLinksAreCountedOrStrict() throws {
        let cli = try sampleDatabase()
        try cli.write("outsiders.csv", "source,target\nNW001,NW002\nNW001,X-1\nX-2,NW002\n")
        let lenient = try cli.run("import", "links", "outsiders.csv")
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("2 links name someone who is not in snapshot 1's org chart"))
        #expect(lenient.stdout.contains("Imported 1 link"))
        let strict = try cli.run("import", "links", "outsiders.csv", "--strict")
        #expect(strict.status == 1)
    }
}
