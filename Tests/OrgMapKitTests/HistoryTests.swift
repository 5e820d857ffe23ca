import Foundation
@testable import OrgMapKit
import OrgModel
import OrgSample
import OrgStore
import Testing

/// One snapshot a day, imports that can be taken back, nothing imported twice (issue 13).
struct HistoryTests {
    @Test func theSameChartForTheSameDayIsNothingNew() throws {
        let workspace = try Workspace.sample()
        let before = try #require(workspace.databaseBytes)
        let again = try workspace.importPeople(SampleOrg.peopleFileName, asOf: SampleOrg.asOf.description)
        #expect(again.unchanged?.id == 1)
        #expect(again.snapshot == nil)
        #expect(again.summary(database: "x").hasPrefix("Nothing imported: northwind-people.csv is already snapshot 1 (as of 2026-11-01), the same content imported on "))
        #expect(workspace.databaseBytes == before)
        // Another day is another snapshot.
        #expect(try workspace.importPeople(SampleOrg.peopleFileName, asOf: "2026-12-01").snapshot?.id == 2)
    }

    @Test func aDifferentChartForTheSameDayIsRefusedOrReplaced() throws {
        let workspace = try Workspace.sample()
        try workspace.write("changed.csv", String(decoding: SampleOrg.people, as: UTF8.self).replacingOccurrences(of: "VP Engineering", with: "SVP Engineering"))
        let refused = message { try workspace.importPeople("changed.csv", asOf: SampleOrg.asOf.description) }
        #expect(refused.contains("snapshot 1 (from northwind-people.csv, imported "))
        #expect(refused.contains(", 570 links) is already the org chart as of 2026-11-01, and this file holds a different one. Use --replace"))
        #expect(try workspace.database().snapshots().count == 1)
    }

    @Test func replaceSwapsTheSnapshotAndItsLinksInOneGo() throws {
        let workspace = try Workspace.sample()
        try workspace.write("changed.csv", String(decoding: SampleOrg.people, as: UTF8.self).replacingOccurrences(of: "VP Engineering", with: "SVP Engineering"))
        let outcome = try PeopleImport(source: try workspace.source("changed.csv"), asOf: SampleOrg.asOf, replace: true)
            .run(into: .file(workspace.databasePath), logger: quiet)
        let db = try workspace.database()
        #expect(outcome.replaced.map(\.snapshot.id) == [1])
        #expect(outcome.replaced.first?.links == 570)
        // SQLite gives the new snapshot the id that was freed.
        #expect(outcome.summary(database: "orgmap.sqlite").contains("as snapshot 1 (as of 2026-11-01), replacing the earlier snapshot 1 (its 570 links removed with it), into orgmap.sqlite"))
        #expect(try db.snapshots().map(\.id) == [1])
        #expect(try db.organization(snapshotID: 1).people.contains { $0.title == "SVP Engineering" })
        #expect(try db.linkCounts().isEmpty)
        #expect(try db.integrityProblems() == [])
        // The links import of the replaced snapshot is history now: the file can be imported into the new one.
        #expect(try db.imports().map { "\($0.kind.rawValue) \($0.snapshotID.map(String.init) ?? "-")" } == ["people -", "links -", "people 1"])
        #expect(try workspace.importLinks(SampleOrg.linksFileName).stored == 570)
    }

    @Test func removingALinksImportTakesBackItsLinksOnly() throws {
        let workspace = try Workspace.sample()
        try workspace.write("extra.csv", "source,target\nNW002,NW030\nNW002,NW031\n")
        try workspace.importLinks("extra.csv")
        let db = try workspace.database()
        #expect(try db.linkCounts()[1] == 572)
        let listing = try History.imports(in: db, format: .text)
        #expect(listing.split(separator: "\n").count == 2 + 3)
        #expect(listing.contains("     3  links          1          2       2  extra.csv"))
        #expect(try History.describeImport(id: 3, in: db) == "import 3 (links from extra.csv, into snapshot 1): 2 links")
        #expect(try History.removeImport(id: 3, in: db) == "Removed import 3 (links from extra.csv, into snapshot 1): 2 links: 2 links deleted.")
        #expect(try db.linkCounts()[1] == 570)
        #expect(try db.imports().count == 2)
        #expect(try db.integrityProblems() == [])
        // Taken back, the file can be imported again.
        #expect(try workspace.importLinks("extra.csv").stored == 2)
        #expect(message { _ = try History.removeImport(id: 1, in: db) }.contains("import 1 is an org chart: it brought in snapshot 1; remove it with: orgmap snapshots remove 1"))
        #expect(message { _ = try History.removeImport(id: 42, in: db) }.contains("has no import 42; list them with: orgmap imports"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try History.imports(in: db, format: .json).utf8)) as? [[String: Any]])
        #expect(Set(json[0].keys) == ["id", "kind", "snapshot_id", "file_name", "sha256", "rows_read", "rows_stored", "rows_skipped", "warnings", "duration_ms", "imported_at"])
    }

    @Test func removingASnapshotTakesItsPeopleAndLinks() throws {
        let workspace = try Workspace.diff()
        let db = try workspace.database()
        #expect(try History.describeSnapshot(id: 1, in: db).hasPrefix("snapshot 1 (as of 2026-06-01, from diff-people-before.csv): 16 people and "))
        let done = try History.removeSnapshot(id: 1, in: db)
        #expect(done.hasSuffix("the import log keeps its 2 entries, without a snapshot."))
        #expect(try db.snapshots().map(\.id) == [2])
        #expect(try db.linkCounts().keys.sorted() == [2])
        #expect(try db.integrityProblems() == [])
        let counts = try db.read { db in
            try ["person", "department", "team", "dotted_line"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0) WHERE \($0 == "dotted_line" ? "person_id IN (SELECT id FROM person WHERE snapshot_id = 1)" : $0 == "team" ? "department_id IN (SELECT id FROM department WHERE snapshot_id = 1)" : "snapshot_id = 1")") }
        }
        #expect(counts == [0, 0, 0, 0])
        #expect(message { _ = try History.removeSnapshot(id: 1, in: db) }.contains("has no snapshot 1"))
        // The report of what is left still works, and the diff says there is nothing to compare with.
        #expect(try workspace.report().contains("# Engineering leadership"))
        #expect(message { _ = try workspace.diff() }.contains("no snapshot before #2"))
    }
}
