import Foundation
@testable import OrgMapKit
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

    /// Every export of people: the report in each format, and the two listings in each.
    static func exports(_ workspace: Workspace, _ privacy: Privacy) throws -> [String] {
        let request = AnalysisRequest(privacy: privacy)
        let analyzed = try request.analyze(try workspace.database())
        return try ReportFormat.allCases.map { try workspace.report($0, request) }
            + ListingFormat.allCases.flatMap { [$0.leaders(analyzed), $0.departments(analyzed)] }
    }

    @Test func anonymizedExportsNameNobody() throws {
        #expect(Self.identities.count >= 62 * 3)
        let workspace = try Workspace.sample()
        for plain in try Self.exports(workspace, Privacy()) {
            #expect(!Self.leaks(plain).isEmpty, "the check must see real names without anonymizing")
        }
        for anonymized in try Self.exports(workspace, Privacy(anonymize: true)) {
            #expect(anonymized.contains("Person "))
            #expect(Self.leaks(anonymized) == [])
        }
    }

    @Test func pseudonymsAreStableAcrossRunsAndBetweenReportAndDiff() throws {
        let sample = try Workspace.sample()
        let anonymous = AnalysisRequest(privacy: Privacy(anonymize: true))
        let first = try sample.report(.markdown, anonymous)
        #expect(first == (try sample.report(.markdown, anonymous)))
        #expect(first.contains("- **Privacy:** names, emails and HR ids are stable pseudonyms"))

        let workspace = try Workspace.diff()
        let diff = try workspace.diff(.markdown, DiffRequest(analysis: anonymous))
        let leaders = try #require(try object(try workspace.report(.json, anonymous))["leaders"] as? [[String: Any]])
        let names = leaders.compactMap { ($0["person"] as? [String: Any])?["name"] as? String }
        #expect(!names.isEmpty)
        for name in names {
            #expect(name.hasPrefix("Person "))
            #expect(diff.contains(name), "\(name) is in the report but not in the diff")
        }
        // Real names from the diff fixtures stay out of both.
        #expect(try workspace.diff().contains("Leo Brandt"))
        #expect(!diff.contains("Leo Brandt"))
        #expect(!(try workspace.report(.json, anonymous)).contains("Leo Brandt"))
    }

    /// With a secret, pseudonyms are HMAC-SHA-256 under it: the same secret gives the same pseudonyms (report and
    /// diff line up), another secret or none gives others, and names stay out.
    @Test func aSecretKeysThePseudonyms() throws {
        func pseudonyms(_ text: String) -> Set<String> {
            Set(text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).filter { $0.hasPrefix("P-") }.map(String.init))
        }
        func request(_ secret: String?) -> AnalysisRequest {
            AnalysisRequest(privacy: Privacy(anonymize: true, key: secret.map { Array($0.utf8) }))
        }
        let workspace = try Workspace.sample()
        let unkeyed = try workspace.report(.csv, request(nil))
        let keyed = try workspace.report(.csv, request("correct horse battery staple"))
        let other = try workspace.report(.csv, request("another secret"))
        #expect(!pseudonyms(keyed).isEmpty)
        #expect(keyed == (try workspace.report(.csv, request("correct horse battery staple"))))
        #expect(pseudonyms(keyed).isDisjoint(with: pseudonyms(unkeyed)))
        #expect(pseudonyms(keyed).isDisjoint(with: pseudonyms(other)))
        #expect(Self.leaks(keyed) == [])
        #expect(try workspace.report(.markdown, request("correct horse battery staple")).contains("- **Privacy:** names, emails and HR ids are stable pseudonyms, keyed with a secret"))
        // The key changes nothing without anonymizing.
        #expect(try workspace.report(.markdown, AnalysisRequest(privacy: Privacy(key: Array("x".utf8)))) == (try workspace.report()))

        let diffs = try Workspace.diff()
        let diff = try diffs.diff(.markdown, DiffRequest(analysis: request("s3cret")))
        let report = try diffs.report(.markdown, request("s3cret"))
        func names(_ text: String) -> Set<String> {
            Set(text.components(separatedBy: "Person ").dropFirst().map { String($0.prefix { $0.isHexDigit }) }.filter { $0.count >= 6 })
        }
        #expect(!names(diff).intersection(names(report)).isEmpty, "the diff and the report under one secret name people alike")
        #expect(names(diff).isDisjoint(with: names(try diffs.diff(.markdown, DiffRequest(analysis: request(nil))))))
    }

    @Test func theSecretComesFromTheEnvironment() {
        #expect(Privacy.key(in: [Privacy.keyVariable: "s3cret"]) == Array("s3cret".utf8))
        #expect(Privacy.key(in: [Privacy.keyVariable: ""]) == nil)
        #expect(Privacy.key(in: [:]) == nil)
        #expect(Privacy(anonymize: true).minimumGroupSize?.minimum == Privacy.defaultMinimumGroupSize)
        #expect(Privacy(anonymize: true, minimumGroupSize: 8).minimumGroupSize?.minimum == 8)
        #expect(Privacy().minimumGroupSize == nil)
    }

    @Test func smallDepartmentsFiguresAreSuppressed() throws {
        let workspace = try Workspace.sample()
        let marker = "suppressed (fewer than 5 people)"
        let markdown = try workspace.report(.markdown, AnalysisRequest(privacy: Privacy(minimumGroupSize: 5)))
        // Without anonymizing, names stay: the minimum applies on its own.
        #expect(markdown.contains("Nadia Haddad"))
        #expect(markdown.contains("Legal: \(marker)"))
        #expect(markdown.contains("No engineering leader has a link to Legal; its figures are \(marker)."))
        #expect(!markdown.contains("No engineering leader has a link to Legal (3 people)"))
        // A leader's finding is about the leader: its figures stay.
        #expect(markdown.contains("Daniel Okafor has no link to Legal (3 people)"))

        let anonymous = AnalysisRequest(privacy: Privacy(anonymize: true))
        let document = try object(try workspace.report(.json, anonymous))
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

        let table = ListingFormat.text.departments(try anonymous.analyze(try workspace.database()))
        let legalRow = try #require(table.split(separator: "\n").first { $0.hasPrefix("Legal") })
        #expect(legalRow.contains(marker))
        #expect(try #require(table.split(separator: "\n").first { $0.hasPrefix("Sales") }).contains(marker) == false)
    }

    @Test func minGroupSizeOneSuppressesNothing() throws {
        let workspace = try Workspace.sample()
        let analyzed = try AnalysisRequest(privacy: Privacy(anonymize: true, minimumGroupSize: 1)).analyze(try workspace.database())
        let table = ListingFormat.text.departments(analyzed)
        #expect(!table.contains("suppressed"))
        #expect(ListingFormat.text.leaders(analyzed).contains("Person "))
    }
}

/// RFC 4231's test cases for HMAC-SHA-256, the keyed pseudonyms' digest.
struct HMACTests {
    @Test(arguments: [
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        // A key longer than the block is hashed first.
        ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    ])
    func rfc4231(key: [UInt8], message: [UInt8], digest: String) {
        #expect(Privacy.hmacHex(key: key, message: message) == digest)
    }

    @Test func unkeyedPseudonymsAreTheSHA256OfTheKey() {
        #expect(Privacy.digest(key: nil)("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Privacy.digest(key: Array("Jefe".utf8))("what do ya want for nothing?") == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
