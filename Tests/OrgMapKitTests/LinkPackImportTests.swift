import Foundation
import GRDB
@testable import OrgFastPath
@testable import OrgMapKit
import OrgModel
import OrgStore
import Testing

/// Imports keep each snapshot's packed links current (schema version 4): an import appends runs, a removal packs
/// what is left, and the report's ties are the link table's either way.
struct LinkPackImportTests {
    /// The ties read from the pack, and from the link table with the pack set aside.
    static func bothWays(_ db: AppDatabase, _ snapshot: Int64) throws -> (packed: [Tie], table: [Tie]) {
        #expect(try db.read { db in try ReadPlan(db, snapshotID: snapshot, since: nil, until: nil).pack != nil }, "read from the pack")
        let packed = try db.ties(snapshotID: snapshot)
        try db.bulkWrite { db in try LinkPack.forget(db, snapshotID: snapshot) }
        let fromTable = try db.ties(snapshotID: snapshot)
        try db.bulkWrite { db in try LinkPack.rebuild(db, snapshotID: snapshot) }
        return (packed, fromTable)
    }

    /// Expects the ties read from the pack and from the link table to be `expected`, both.
    static func expectBothWays(_ db: AppDatabase, _ snapshot: Int64, _ expected: [Tie], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ties = try bothWays(db, snapshot)
        #expect(ties.packed == expected, "from the pack", sourceLocation: sourceLocation)
        #expect(ties.table == expected, "from the link table", sourceLocation: sourceLocation)
    }

    static func triggers(_ db: AppDatabase) throws -> [String] {
        try db.read { db in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name") }
    }

    @Test func importsAppendAndARemovalPacksWhatIsLeft() throws {
        let db = try orgDatabase("pingboard.csv")
        let triggers = try Self.triggers(db)
        #expect(triggers.count == AppDatabase.linkPackTriggers.count)
        let first = try importLinks("""
            from,to,count,type,day
            sam.rivera@acme.io,jordan.lee@acme.io,2,meeting,2026-10-01
            kai.nakamura@acme.io,sam.rivera@acme.io,3,chat,
            """, into: db)
        let snapshot = first.snapshot.id
        let second = try importLinks("""
            from,to,count,type,day
            jordan.lee@acme.io,sam.rivera@acme.io,0.25,meeting,2026-11-03
            sam.rivera@acme.io,kai.nakamura@acme.io,1,chat,2026-11-04
            """, into: db)
        #expect(second.stored == 2)
        let (runs, links) = try db.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM link_pack WHERE snapshot_id = ?", arguments: [snapshot]),
             try Int.fetchOne(db, sql: "SELECT links FROM link_pack_state WHERE snapshot_id = ?", arguments: [snapshot]))
        }
        #expect(runs == 2 && links == 4, "one run an import; the state counts both")
        #expect(try Self.triggers(db) == triggers, "put back after each import")
        try Self.expectBothWays(db, snapshot, [Tie(a: 0, b: 1, weight: 2.25, count: 2), Tie(a: 1, b: 2, weight: 4, count: 2)])
        // November alone, from the pack.
        #expect(try db.ties(snapshotID: snapshot, since: day("2026-11-01"), until: day("2026-11-30"))
                == [Tie(a: 0, b: 1, weight: 0.25, count: 1), Tie(a: 1, b: 2, weight: 1, count: 1)])

        let importID = try #require(try db.read { db in try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM import_log WHERE kind = 'links'") })
        try db.removeLinksImport(id: importID)
        #expect(try db.read { db in try LinkPack.isCurrent(db, snapshotID: snapshot) })
        #expect(try Self.triggers(db) == triggers, "put back after the removal")
        try Self.expectBothWays(db, snapshot, [Tie(a: 0, b: 1, weight: 0.25, count: 1), Tie(a: 1, b: 2, weight: 1, count: 1)])
    }

    /// A snapshot whose links were changed by hand is packed again, all of it, by its next import.
    @Test func theNextImportPacksAStaleSnapshotAgain() throws {
        let db = try orgDatabase("pingboard.csv")
        let snapshot = try importLinks("from,to,count\nsam.rivera@acme.io,jordan.lee@acme.io,2\n", into: db).snapshot.id
        try db.write { db in try db.execute(sql: "UPDATE link SET weight = 5") }
        #expect(try !db.read { db in try LinkPack.isCurrent(db, snapshotID: snapshot) })
        _ = try importLinks("from,to,count\nsam.rivera@acme.io,kai.nakamura@acme.io,1\n", into: db)
        #expect(try db.read { db in try LinkPack.isCurrent(db, snapshotID: snapshot) })
        try Self.expectBothWays(db, snapshot, [Tie(a: 0, b: 1, weight: 5, count: 1), Tie(a: 1, b: 2, weight: 1, count: 1)])
    }
}
