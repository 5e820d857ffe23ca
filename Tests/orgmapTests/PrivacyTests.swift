import Foundation
import OrgSample
import Testing

struct PrivacyTests {
    /// Every HR id, name and email of the embedded sample: none may appear in an anonymized export.
    static let identities: [String] = {
        let lines = String(decoding: SampleOrg.people, as: UTF8.self).split(whereSeparator: \.isNewline).dropFirst()
        return lines.flatMap { line -> [String] in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return [fields[0], fields[1], fields[2]] + fields[1].split(separator: " ").map(String.init)
        }.filter { $0.count > 3 }
    }()

    static func leaks(_ text: String) -> [String] { identities.filter { text.contains($0) } }

    @Test(arguments: [
        ["report"], ["report", "--format", "json"], ["report", "--format", "csv"],
        ["leaders"], ["leaders", "--format", "json"], ["departments"], ["departments", "--format", "json"],
    ])
    func anonymizedExportsNameNobody(_ command: [String]) throws {
        #expect(Self.identities.count >= 62 * 3)
        let cli = try sampleDatabase()
        let plain = try cli.run(arguments: command)
        #expect(!Self.leaks(plain.stdout).isEmpty, "the check must see real names without --anonymize")
        let result = try cli.run(arguments: command + ["--anonymize"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Person "))
        #expect(Self.leaks(result.stdout) == [])
    }

    @Test func pseudonymsAreStableAcrossRunsAndBetweenReportAndDiff() throws {
        let sample = try sampleDatabase()
        let first = try sample.run("report", "--anonymize")
        #expect(first.stdout == (try sample.run("report", "--anonymize")).stdout)
        #expect(first.stdout.contains("- **Privacy:** names, emails and HR ids are stable pseudonyms"))

        let cli = try diffDatabase()
        let diff = try cli.run("diff", "--anonymize")
        #expect(diff.status == 0, "\(diff.stderr)")
        let report = try cli.run("report", "--anonymize", "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let leaders = try #require(json["leaders"] as? [[String: Any]])
        let names = leaders.compactMap { ($0["person"] as? [String: Any])?["name"] as? String }
        #expect(!names.isEmpty)
        for name in names {
            #expect(name.hasPrefix("Person "))
            #expect(diff.stdout.contains(name), "\(name) is in the report but not in the diff")
        }
        // Real names from the diff fixtures stay out of both.
        let plain = try cli.run("diff")
        #expect(plain.stdout.contains("Leo Brandt"))
        #expect(!diff.stdout.contains("Leo Brandt"))
        #expect(!report.stdout.contains("Leo Brandt"))
    }

    /// With ORGMAP_ANONYMIZE_KEY set, pseudonyms are HMAC-SHA-256 under that secret: the same secret gives the
    /// same pseudonyms (report and diff line up), another secret or none gives others, and names stay out.
    @Test func aSecretKeysThePseudonyms() throws {
        func pseudonyms(_ text: String) -> Set<String> {
            Set(text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).filter { $0.hasPrefix("P-") }.map(String.init))
        }
        let cli = try sampleDatabase()
        let unkeyed = try cli.run("report", "--anonymize", "--format", "csv")
        let keyed = try cli.run("report", "--anonymize", "--format", "csv", environment: ["ORGMAP_ANONYMIZE_KEY": "correct horse battery staple"])
        let again = try cli.run("report", "--anonymize", "--format", "csv", environment: ["ORGMAP_ANONYMIZE_KEY": "correct horse battery staple"])
        let other = try cli.run("report", "--anonymize", "--format", "csv", environment: ["ORGMAP_ANONYMIZE_KEY": "another secret"])
        #expect(keyed.status == 0, "\(keyed.stderr)")
        #expect(!pseudonyms(keyed.stdout).isEmpty)
        #expect(keyed.stdout == again.stdout)
        #expect(pseudonyms(keyed.stdout).isDisjoint(with: pseudonyms(unkeyed.stdout)))
        #expect(pseudonyms(keyed.stdout).isDisjoint(with: pseudonyms(other.stdout)))
        #expect(Self.leaks(keyed.stdout) == [])

        let markdown = try cli.run("report", "--anonymize", environment: ["ORGMAP_ANONYMIZE_KEY": "correct horse battery staple"])
        #expect(markdown.stdout.contains("- **Privacy:** names, emails and HR ids are stable pseudonyms, keyed with a secret"))
        // The key changes nothing without --anonymize.
        #expect(try cli.run("report", environment: ["ORGMAP_ANONYMIZE_KEY": "x"]).stdout == (try cli.run("report")).stdout)

        let diffs = try diffDatabase()
        let secret = ["ORGMAP_ANONYMIZE_KEY": "s3cret"]
        let diff = try diffs.run("diff", "--anonymize", environment: secret)
        let report = try diffs.run("report", "--anonymize", environment: secret)
        func names(_ text: String) -> Set<String> {
            Set(text.components(separatedBy: "Person ").dropFirst().map { String($0.prefix { $0.isHexDigit }) }.filter { $0.count >= 6 })
        }
        #expect(diff.status == 0 && report.status == 0)
        let shared = names(diff.stdout).intersection(names(report.stdout))
        #expect(!shared.isEmpty, "the diff and the report under one secret name people alike")
        #expect(names(diff.stdout).isDisjoint(with: names(try diffs.run("diff", "--anonymize").stdout)))
    }

    @Test func smallDepartmentsFiguresAreSuppressed() throws {
        let cli = try sampleDatabase()
        let marker = "suppressed (fewer than 5 people)"
        let markdown = try cli.run("report", "--min-group-size", "5")
        #expect(markdown.status == 0, "\(markdown.stderr)")
        // Without --anonymize, names stay: the minimum applies on its own.
        #expect(markdown.stdout.contains("Nadia Haddad"))
        #expect(markdown.stdout.contains("Legal: \(marker)"))
        #expect(markdown.stdout.contains("No engineering leader has a link to Legal; its figures are \(marker)."))
        #expect(!markdown.stdout.contains("No engineering leader has a link to Legal (3 people)"))
        // A leader's finding is about the leader: its figures stay.
        #expect(markdown.stdout.contains("Daniel Okafor has no link to Legal (3 people)"))

        let json = try cli.run("report", "--anonymize", "--format", "json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let departments = try #require(document["departments"] as? [[String: Any]])
        func department(_ name: String) throws -> [String: Any] {
            try #require(departments.first { $0["name"] as? String == name })
        }
        for small in ["Legal", "Security", "Finance", "Marketing", "People"] {
            let d = try department(small)
            #expect(d["suppressed"] as? String == marker, "\(small)")
            #expect(d["people"] is NSNull)
            #expect(d["leaders"] is NSNull)
            #expect(d["engineering_weight"] is NSNull)
        }
        let sales = try department("Sales")
        #expect(sales["suppressed"] is NSNull)
        #expect(sales["people"] as? Int == 6)

        let findings = try #require(document["findings"] as? [[String: Any]])
        let legal = try #require(findings.first { ($0["subject"] as? [String: Any])?["name"] as? String == "Legal" })
        #expect(legal["rule"] as? String == "department-unbridged")
        #expect(legal["severity"] as? String == "high")
        #expect(legal["evidence"] as? [String: String] == ["figures": marker])

        let table = try cli.run("departments", "--anonymize")
        let legalRow = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("Legal") })
        #expect(legalRow.contains(marker))
        #expect(!table.stdout.split(separator: "\n").first { $0.hasPrefix("Sales") }!.contains(marker))
    }

    @Test func minGroupSizeOneSuppressesNothing() throws {
        let cli = try sampleDatabase()
        let result = try cli.run("departments", "--anonymize", "--min-group-size", "1")
        #expect(result.status == 0)
        #expect(!result.stdout.contains("suppressed"))
        #expect(result.stdout.contains("Person "))
    }

    @Test(arguments: ["0", "-1"])
    func minGroupSizeBelowOneIsAUsageError(_ value: String) throws {
        let cli = try sampleDatabase()
        for command in [["report"], ["leaders"], ["departments"], ["diff"]] {
            let result = try cli.run(arguments: command + ["--anonymize", "--min-group-size=\(value)"])
            #expect(result.status == 64, "\(command)")
            #expect(result.stderr.contains("--min-group-size \(value)"))
        }
    }
}
