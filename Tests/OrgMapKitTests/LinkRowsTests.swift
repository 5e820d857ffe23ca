import Foundation
import GRDB
import Testing
@testable import OrgStore

/// Links are inserted many rows a statement, with text bound in place: every row must land as written,
/// in file order, across full statements and the remainder.
struct LinkRowsTests {
    @Test(arguments: [1, 63, 64, 65, 1_000, 20_000])
    func everyRowLandsAsWritten(count: Int) throws {
        let db = try orgDatabase()
        let keys = ["P-1001", "P-1002", "P-1003", "P-1004", "P-1005"]
        var csv = "source,target,weight,kind,date\n"
        var expected: [[String?]] = []
        for i in 0..<count {
            let source = keys[i % 5], target = keys[(i + 1 + (i / 5) % 4) % 5]
            let weight = Double(i % 7 + 1)
            let kind = i % 3 == 0 ? nil : "kind \(i % 4)"
            let date = i % 5 == 0 ? nil : "2026-10-\(i % 28 < 9 ? "0" : "")\(i % 28 + 1)"
            csv += "\(source),\(target),\(Int(weight)),\(kind ?? ""),\(date ?? "")\n"
            expected.append([source, target, String(weight), kind, date])
        }
        let result = try importLinks(csv, into: db)
        #expect(result.stored == count)
        let stored = try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.person_key, t.person_key, l.weight, l.kind, l.date FROM link l
                JOIN person s ON s.id = l.source_id JOIN person t ON t.id = l.target_id ORDER BY l.id
                """).map { row -> [String?] in [row[0], row[1], String(row[2] as Double), row[3], row[4]] }
        }
        #expect(stored == expected)
    }

    /// ties() sizes its arrays from the import log and the link ids; in a database edited by hand those can be
    /// anything, and the ties must still come out the same.
    @Test func tiesSurviveAHandEditedDatabase() throws {
        let db = try orgDatabase()
        let result = try importLinks("source,target,weight\nP-1001,P-1002,1\nP-1002,P-1003,2\nP-1003,P-1001,3\nP-1004,P-1005,1\n", into: db)
        let id = result.snapshot.id
        let before = try db.ties(snapshotID: id)
        #expect(before.count == 4)
        for edit in [
            "UPDATE link SET id = 9223372036854775807 WHERE id = (SELECT MAX(id) FROM link)",
            "UPDATE link SET id = -9223372036854775807 WHERE id = (SELECT MIN(id) FROM link)",
            "UPDATE import_log SET rows_stored = 9223372036854775807 WHERE kind = 'links'",
            "INSERT INTO import_log SELECT NULL, kind, snapshot_id, file_name, sha256, rows_read, rows_stored, rows_skipped, warnings, duration_ms, imported_at FROM import_log WHERE kind = 'links'",
            "UPDATE import_log SET rows_stored = -3 WHERE kind = 'links'",
            "DELETE FROM import_log WHERE kind = 'links'",
        ] {
            try db.bulkWrite { try $0.execute(sql: edit) }
            #expect(try db.ties(snapshotID: id) == before, "after \(edit)")
        }
    }
}
