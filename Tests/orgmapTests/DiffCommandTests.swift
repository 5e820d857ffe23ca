import Foundation
import Testing

/// A folder with the hand-made "before" snapshot (2026-06-01) and, unless `second` is false, the "after"
/// one (2026-09-01), each with its own links.
func diffDatabase(second: Bool = true) throws -> CLI {
    let cli = try CLI()
    for name in ["diff-people-before.csv", "diff-links-before.csv", "diff-people-after.csv", "diff-links-after.csv"] {
        try cli.write(name, try cli.fixture(name))
    }
    try #require(try cli.run("import", "people", "diff-people-before.csv", "--as-of", "2026-06-01").status == 0)
    try #require(try cli.run("import", "links", "diff-links-before.csv").status == 0)
    if second {
        try #require(try cli.run("import", "people", "diff-people-after.csv", "--as-of", "2026-09-01").status == 0)
        try #require(try cli.run("import", "links", "diff-links-after.csv").status == 0)
    }
    return cli
}

struct DiffCommandTests {
    /// A reviewed golden file. After a deliberate change, review the new output and update it by running
    /// `orgmap diff > Tests/orgmapTests/Fixtures/diff-report.md` in a folder set up like ``diffDatabase(second:)``.
    @Test func defaultComparesTheTwoLatestSnapshots() throws {
        let cli = try diffDatabase()
        let result = try cli.run("diff")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try cli.fixture("diff-report.md")))
    }

    @Test func fromAndToChooseTheSnapshots() throws {
        let cli = try diffDatabase()
        // A third import of the first file: the default now compares 2 with 3, --from/--to still 1 with 2.
        #expect(try cli.run("import", "people", "diff-people-before.csv", "--as-of", "2026-12-01").status == 0)
        let latest = try cli.run("diff")
        #expect(latest.stdout.hasPrefix("# What changed between snapshot #2 and snapshot #3"))
        #expect(latest.stdout.contains("| Leo Brandt |"))
        let chosen = try cli.run("diff", "--from", "1", "--to", "2")
        #expect(chosen.status == 0)
        #expect(chosen.stdout == (try cli.fixture("diff-report.md")))
        let onlyTo = try cli.run("diff", "--to", "2")
        #expect(onlyTo.stdout == chosen.stdout)
        let onlyFrom = try cli.run("diff", "--from", "1")
        #expect(onlyFrom.stdout.hasPrefix("# What changed between snapshot #1 and snapshot #3"))
    }

    @Test func oneSnapshotIsAClearError() throws {
        let cli = try diffDatabase(second: false)
        let result = try cli.run("diff")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no snapshot before #1 (as of 2026-06-01)"))
        #expect(result.stderr.contains("a diff needs a second import: orgmap import people FILE"))
    }

    @Test func unknownSnapshotIsAnError() throws {
        let cli = try diffDatabase()
        for arguments in [["diff", "--from", "9"], ["diff", "--to", "9"]] {
            let result = try cli.run(arguments[0], arguments[1], arguments[2])
            #expect(result.status == 1)
            #expect(result.stderr.contains("has no snapshot 9; list them with: orgmap snapshots"))
        }
        let empty = try CLI().run("diff")
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("holds no org chart yet"))
    }

    @Test func jsonShape() throws {
        let cli = try diffDatabase()
        let result = try cli.run("diff", "--format", "json", "--output", "diff.json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Wrote diff.json: 3 opened, 2 resolved, 2 persisting."))
        let data = try #require(cli.contents("diff.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(json.keys) == ["from", "to", "people", "opened", "resolved", "persisting", "leaders"])
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
        let report = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run("report", "--format", "json").stdout.utf8)) as? [String: Any])
        let reportFindings = try #require(report["findings"] as? [[String: Any]])
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
        let cli = try diffDatabase()
        let report = try cli.run("report")
        #expect(report.status == 0)
        #expect(report.stdout.contains("## Since the previous snapshot"))
        #expect(report.stdout.contains("Compared with snapshot #1 as of 2026-06-01, imported from diff-people-before.csv, analysed the same way: 3 findings opened, 2 resolved, 2 persisting."))
        #expect(report.stdout.contains("| Tomas Reyes | technology leader | -0.33 → 0.00 | Finance |  |"))
        #expect(report.stdout.contains("| Ines Araujo | engineering manager → senior engineering leader | -0.60 |  |  |"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run("report", "--format", "json").stdout.utf8)) as? [String: Any])
        let since = try #require(json["since_previous"] as? [String: Any])
        #expect(Set(since.keys) == ["from", "opened", "resolved", "leaders"])
        #expect((since["resolved"] as? [[String: Any]])?.count == 2)

        // The first snapshot has nothing before it: no section, and the JSON keeps its original keys.
        let first = try cli.run("report", "--snapshot", "1")
        #expect(!first.stdout.contains("Since the previous snapshot"))
        let firstJSON = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run("report", "--snapshot", "1", "--format", "json").stdout.utf8)) as? [String: Any])
        #expect(Set(firstJSON.keys) == ["snapshot", "summary", "findings", "leaders", "departments", "unknown"])
    }

    /// --since and --until filter both snapshots' links, as for `report`, and the diff says so.
    @Test func sinceAndUntilFilterBothSnapshotsLinks() throws {
        let cli = try diffDatabase()
        let plain = try cli.run("diff", "--format", "json")
        let filtered = try cli.run("diff", "--since", "2026-01-01", "--format", "json")
        #expect(filtered.status == 0, "\(filtered.stderr)")
        let before = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        let after = try #require(try JSONSerialization.jsonObject(with: Data(filtered.stdout.utf8)) as? [String: Any])
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

        let markdown = try cli.run("diff", "--since", "2026-01-01", "--until", "2026-03-31")
        #expect(markdown.stdout.contains("- **Links:** in both snapshots, only links dated 2026-01-01 to 2026-03-31"))
        #expect(!(try cli.run("diff")).stdout.contains("- **Links:**"))
        #expect(try cli.run("diff", "--since", "2026-13-01").status == 64)
        #expect(try cli.run("diff", "--since", "2026-03-01", "--until", "2026-01-01").status == 64)
    }
}
