import Foundation
@testable import OrgMapKit
import OrgModel
import OrgSample
import Testing

struct DiffTests {
    /// A reviewed golden file. After a deliberate change, review the new output and update it by running
    /// `orgmap diff > Tests/OrgMapKitTests/Fixtures/diff-report.md` in a folder set up like ``Workspace/diff(second:)``.
    @Test func defaultComparesTheTwoLatestSnapshots() throws {
        let workspace = try Workspace.diff()
        let golden = try Fixtures.text("diff-report.md")
        #expect(try workspace.diff() == golden)
    }

    @Test func fromAndToChooseTheSnapshots() throws {
        let workspace = try Workspace.diff()
        // A third import of the first file: the default now compares 2 with 3, from/to still 1 with 2.
        try workspace.importPeople("diff-people-before.csv", asOf: "2026-12-01")
        let latest = try workspace.diff()
        #expect(latest.hasPrefix("# What changed between snapshot #2 and snapshot #3"))
        #expect(latest.contains("| Leo Brandt |"))
        let chosen = try workspace.diff(.markdown, DiffRequest(from: 1, to: 2))
        #expect(chosen == (try Fixtures.text("diff-report.md")))
        #expect(try workspace.diff(.markdown, DiffRequest(to: 2)) == chosen)
        #expect(try workspace.diff(.markdown, DiffRequest(from: 1)).hasPrefix("# What changed between snapshot #1 and snapshot #3"))
    }

    @Test func oneSnapshotIsAClearError() throws {
        let error = message { _ = try Workspace.diff(second: false).diff() }
        #expect(error.contains("no snapshot before #1 (as of 2026-06-01)"))
        #expect(error.contains("a diff needs a second import: orgmap import people FILE"))
    }

    @Test func unknownSnapshotIsAnError() throws {
        let workspace = try Workspace.diff()
        for request in [DiffRequest(from: 9), DiffRequest(to: 9)] {
            #expect(message { _ = try workspace.diff(.markdown, request) }.contains("has no snapshot 9; list them with: orgmap snapshots"))
        }
        #expect(message { _ = try Workspace().diff() }.contains("holds no org chart yet"))
    }

    @Test func jsonShape() throws {
        let workspace = try Workspace.diff()
        let comparison = try DiffRequest().run(try workspace.database())
        #expect(comparison.findingsSummary == "3 opened, 2 resolved, 2 persisting")
        let json = try object(DiffFormat.json.render(comparison))
        #expect(Set(json.keys) == ["from", "to", "people", "comparable", "not_comparable_because", "opened", "resolved", "persisting", "unknown", "leaders"])
        #expect(json["comparable"] as? Bool == true)
        #expect(json["not_comparable_because"] is NSNull)
        #expect((json["unknown"] as? [Any])?.isEmpty == true)
        #expect((json["from"] as? [String: Any])?["as_of"] as? String == "2026-06-01")
        #expect((json["to"] as? [String: Any])?["id"] as? Int == 2)

        let people = try #require(json["people"] as? [String: [[String: Any]]])
        #expect(Set(people.keys) == ["joined", "left", "moved", "retitled"])
        #expect(people["joined"]?.count == 1)
        #expect(Set(try #require(people["left"]?.first).keys) == ["person", "title", "department", "team", "manager"])
        let moved = try #require(people["moved"])
        #expect(moved.allSatisfy { Set($0.keys) == ["person", "department", "team", "manager", "changes"] })
        let omar = try #require(moved.first { ($0["person"] as? [String: Any])?["id"] as? String == "S2" })
        #expect(omar["changes"] as? [String] == ["department", "manager"])
        #expect((omar["department"] as? [String: Any])?["to"] as? String == "Marketing")
        #expect((omar["team"] as? [String: Any])?["from"] is NSNull)
        #expect(((omar["manager"] as? [String: Any])?["to"] as? [String: Any])?["name"] as? String == "Nora Vale")
        #expect(people["retitled"]?.count == 3)

        // Findings are encoded exactly as in the report's JSON.
        let reportFindings = try #require(try object(try workspace.report(.json))["findings"] as? [[String: Any]])
        let opened = try #require(json["opened"] as? [[String: Any]])
        let persisting = try #require(json["persisting"] as? [[String: Any]])
        #expect(opened.count == 3)
        #expect((json["resolved"] as? [[String: Any]])?.count == 2)
        #expect(opened.count + persisting.count == reportFindings.count)
        for finding in opened + persisting {
            let key = try #require(finding["key"] as? String)
            let same = try #require(reportFindings.first { $0["key"] as? String == key })
            #expect(NSDictionary(dictionary: finding).isEqual(to: same))
        }

        let leaders = try #require(json["leaders"] as? [[String: Any]])
        #expect(leaders.count == 2)
        let tomas = try #require(leaders.first)
        #expect(Set(tomas.keys) == ["person", "tier", "tier_changed", "ei_index", "has_link_data",
                                     "business_departments_reached", "departments_gained", "departments_lost"])
        #expect((tomas["ei_index"] as? [String: Any])?["to"] as? Double == 0)
        #expect(tomas["departments_gained"] as? [String] == ["Finance"])
        let ines = try #require(leaders.last)
        #expect(ines["tier"] as? [String: String] == ["from": "engineering-manager", "to": "senior-engineering-leader"])
        #expect(ines["tier_changed"] as? Bool == true)
    }

    @Test func reportSaysWhatChangedSinceThePreviousSnapshot() throws {
        let workspace = try Workspace.diff()
        let report = try workspace.report()
        #expect(report.contains("## Since the previous snapshot"))
        #expect(report.contains("Compared with snapshot #1 as of 2026-06-01, imported from diff-people-before.csv, analysed the same way: 3 findings opened, 2 resolved, 2 persisting."))
        #expect(report.contains("| Tomas Reyes | technology leader | -0.33 → 0.00 | Finance |  |"))
        #expect(report.contains("| Ines Araujo | engineering manager → senior engineering leader | -0.60 |  |  |"))

        let since = try #require(try object(try workspace.report(.json))["since_previous"] as? [String: Any])
        #expect(Set(since.keys) == ["from", "comparable", "not_comparable_because", "opened", "resolved", "unknown", "leaders"])
        #expect((since["resolved"] as? [[String: Any]])?.count == 2)

        // The first snapshot has nothing before it: no section, and the JSON keeps its original keys.
        #expect(!(try workspace.report(.markdown, AnalysisRequest(snapshot: 1))).contains("Since the previous snapshot"))
        let first = try object(try workspace.report(.json, AnalysisRequest(snapshot: 1)))
        #expect(Set(first.keys) == ["snapshot", "summary", "findings", "leaders", "departments", "unknown"])
    }

    /// since and until filter both snapshots' links, as for `report`, and the diff says so.
    @Test func sinceAndUntilFilterBothSnapshotsLinks() throws {
        let workspace = try Workspace.diff()
        let before = try object(try workspace.diff(.json))
        let after = try object(try workspace.diff(.json, DiffRequest(analysis: AnalysisRequest(since: day("2026-01-01")))))
        #expect(before["link_filter"] == nil)
        #expect(after["link_filter"] as? String == "links dated 2026-01-01 or later")
        // The fixtures' links are undated, so the range leaves none: no leader has link data on either side.
        func linked(_ document: [String: Any]) -> [Bool] {
            (document["leaders"] as? [[String: Any]] ?? []).flatMap { leader -> [Bool] in
                let has = leader["has_link_data"] as? [String: Any] ?? [:]
                return [has["from"] as? Bool, has["to"] as? Bool].compactMap { $0 }
            }
        }
        #expect(linked(before).contains(true))
        #expect(!linked(after).isEmpty && !linked(after).contains(true))

        let markdown = try workspace.diff(.markdown, DiffRequest(analysis: AnalysisRequest(since: day("2026-01-01"), until: day("2026-03-31"))))
        #expect(markdown.contains("- **Links:** in both snapshots, only links dated 2026-01-01 to 2026-03-31"))
        #expect(!(try workspace.diff()).contains("- **Links:**"))
    }

    /// The later org chart imported, its links not yet: nothing judged from links is "resolved", E-I shows
    /// unknown on that side, and the diff says why at the top and in JSON.
    @Test func aSideWithoutLinksIsNotFalseProgress() throws {
        let workspace = try Workspace.diff(secondLinks: false)
        let both = try Workspace.diff()
        let comparable = try DiffRequest().run(try both.database()).diff
        let diff = try DiffRequest().run(try workspace.database()).diff
        #expect(diff.linkData == .missingAfter)
        #expect(diff.resolved.allSatisfy { !$0.rule.needsLinkData })
        #expect(diff.opened.allSatisfy { !$0.rule.needsLinkData })
        #expect(!diff.unknown.isEmpty)
        #expect(diff.unknown.allSatisfy { $0.rule.needsLinkData })
        #expect(comparable.unknown.isEmpty && comparable.linkData == .both)
        for leader in diff.leaders where leader.hasLinkData.to == false { #expect(leader.eiIndex.to == nil) }

        let markdown = try workspace.diff()
        #expect(markdown.contains("> **Not comparable on links:** the later snapshot has no collaboration links."))
        #expect(markdown.contains("`orgmap import links FILE --snapshot 2`"))
        #expect(markdown.contains("## Findings unknown (\(diff.unknown.count))"))
        #expect(markdown.contains("| Tomas Reyes | technology leader | -0.33 → unknown |"))
        #expect(!markdown.contains("+1.00"))
        let json = try object(try workspace.diff(.json))
        #expect(json["comparable"] as? Bool == false)
        #expect(json["not_comparable_because"] as? String == "the later snapshot has no collaboration links")
        #expect((json["unknown"] as? [Any])?.count == diff.unknown.count)

        let report = try workspace.report()
        #expect(report.contains("> **Not comparable on links:** the later snapshot has no collaboration links."))
        let since = try #require(try object(try workspace.report(.json))["since_previous"] as? [String: Any])
        #expect(since["comparable"] as? Bool == false)
        #expect((since["resolved"] as? [[String: Any]])?.allSatisfy { ($0["rule"] as? String) == "no-technology-leader" } == true)
    }
}

/// The report's "Since the previous snapshot" comes from a comparison analysis of the earlier month, summed while
/// its links are read: on two generated months sharing dozens of findings, it opens, resolves and keeps the same
/// findings and lists the same changed leaders as `orgmap diff`, which analyses both months in full.
struct ReportComparisonTests {
    @Test func theReportSaysWhatDiffSays() throws {
        let workspace = try Workspace()
        for (month, seed) in [("2026-10-01", UInt64(1)), ("2026-11-01", UInt64(2))] {
            var options = SyntheticOrg.Options()
            (options.people, options.departments, options.links, options.seed) = (3_000, 14, 60_000, seed)
            let folder = workspace.path(month)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = try SyntheticFiles.write(options, layout: .edges, into: folder)
            _ = try workspace.importPeople("\(month)/people.csv", asOf: month)
            _ = try workspace.importLinks("\(month)/links.csv")
        }
        let db = try workspace.database()
        // Without pseudonyms the two org charts are read apart; with them, together (their pseudonyms are made
        // for both at once).
        for request in [AnalysisRequest(), AnalysisRequest(privacy: Privacy(anonymize: true))] {
            let diff = try DiffRequest(analysis: request).run(db).diff
            let since = try #require(try request.analyze(db, sincePrevious: true).context.sincePrevious?.diff)
            try #require(diff.opened.count >= 5 && diff.resolved.count >= 5 && diff.persisting.count > 20, "the two months should share many findings and differ in some")
            #expect(since.linkData == .both && diff.linkData == .both)
            #expect(since.opened.map(\.key) == diff.opened.map(\.key))
            #expect(since.resolved.map(\.key) == diff.resolved.map(\.key))
            #expect(since.resolved.map(\.message) == diff.resolved.map(\.message))
            #expect(since.persisting.map(\.key) == diff.persisting.map(\.key))
            #expect(since.changedLeaders == diff.changedLeaders)
        }
    }
}
