import Foundation
import GRDB
@testable import OrgFastPath
@testable import OrgMapKit
import OrgModel
import OrgStore
import Testing

/// `orgmap snapshots pack`, and how the listing and the reports tell a user that a snapshot's links are read row by
/// row: links changed by hand (or stored by an orgmap before schema version 4) until packed again.
struct SnapshotsPackTests {
    /// What `orgmap snapshots pack` says: on standard output, and as warnings.
    static func pack(_ db: AppDatabase, _ ids: [Int64] = []) throws -> (said: [String], warned: [String]) {
        var said: [String] = [], warned: [String] = []
        try History.packLinks(snapshots: ids, in: db, say: { said.append($0) }, warn: { warned.append($0) })
        return (said, warned)
    }

    static func listing(_ db: AppDatabase) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(try ListingFormat.json.snapshots(in: db).utf8)) as? [[String: Any]])
    }

    /// Two snapshots of the pingboard chart, each with links.
    static func twoSnapshots() throws -> (AppDatabase, first: Int64, second: Int64) {
        let db = try orgDatabase("pingboard.csv")
        let first = try importLinks("from,to,count\nsam.rivera@acme.io,jordan.lee@acme.io,2\n", into: db).snapshot.id
        try PeopleImport(source: Fixtures.orgChart("pingboard.csv"), asOf: day("2026-11-30")).run(into: .database(db), logger: quiet)
        let second = try importLinks("from,to,count\nsam.rivera@acme.io,kai.nakamura@acme.io,1\n", into: db).snapshot.id
        #expect(first != second)
        return (db, first, second)
    }

    @Test func linksChangedByHandAreListedAdvisedAndPackedAgain() throws {
        let db = try orgDatabase("pingboard.csv")
        let snapshot = try importLinks("""
            from,to,count,type,day
            sam.rivera@acme.io,jordan.lee@acme.io,2,meeting,2026-10-01
            kai.nakamura@acme.io,sam.rivera@acme.io,3,chat,2026-10-02
            sam.rivera@acme.io,kai.nakamura@acme.io,1,chat,2026-11-04
            """, into: db).snapshot.id
        #expect(try db.linkPacking() == [snapshot: .packed])
        #expect(try History.packAdvice(snapshots: [snapshot], since: nil, until: nil, in: db) == nil)
        #expect(try ListingFormat.text.snapshots(in: db).contains("     3  yes     /"))
        #expect(try Self.listing(db).first?["links_packed"] as? Bool == true)
        #expect(try Self.pack(db).said == ["Every snapshot's links are packed already: reports read them at full speed. Nothing to do."])

        try db.write { db in try db.execute(sql: "UPDATE link SET weight = weight * 2 WHERE date = '2026-10-02'") }
        #expect(try db.unpackedSnapshots() == [snapshot])
        let text = try ListingFormat.text.snapshots(in: db)
        #expect(text.contains("     3  no      /"), "\(text)")
        #expect(text.hasSuffix("pack them with `orgmap snapshots pack`.\n"))
        #expect(try Self.listing(db).first?["links_packed"] as? Bool == false)
        let advice = try #require(try History.packAdvice(snapshots: [snapshot, snapshot], since: nil, until: nil, in: db))
        #expect(advice.hasPrefix("note: the links of snapshot \(snapshot) were read row by row"))
        #expect(try History.packAdvice(snapshots: [snapshot], since: day("2026-10-01"), until: day("2026-10-31"), in: db) != nil)
        #expect(try History.packAdvice(snapshots: [snapshot], since: day("2026-10-02"), until: nil, in: db) == nil, "a pack would not be read for days")
        #expect(try History.packAdvice(snapshots: [snapshot + 1], since: nil, until: nil, in: db) == nil, "not a snapshot read")

        let (said, warned) = try Self.pack(db)
        #expect(warned.isEmpty)
        #expect(said.count == 1)
        #expect(said.first?.hasPrefix("Snapshot \(snapshot) (as of 2026-10-31): 3 links packed into 3 entries in ") == true, "\(said)")
        #expect(try db.linkPacking() == [snapshot: .packed])
        #expect(try History.packAdvice(snapshots: [snapshot], since: nil, until: nil, in: db) == nil)
        try LinkPackImportTests.expectBothWays(db, snapshot, [Tie(a: 0, b: 1, weight: 2, count: 1), Tie(a: 1, b: 2, weight: 7, count: 2)])
    }

    /// As a database of an orgmap before schema version 4 is once migrated: links, triggers, and neither runs nor
    /// state.
    @Test func linksStoredBeforePacksArePacked() throws {
        let (db, first, second) = try Self.twoSnapshots()
        try db.bulkWrite { db in try LinkPack.withoutStaleTriggers(db) { for id in [first, second] { try LinkPack.forget(db, snapshotID: id) } } }
        #expect(try db.linkPacking() == [first: .unpacked, second: .unpacked])
        #expect(try db.ties(snapshotID: first) == [Tie(a: 0, b: 1, weight: 2, count: 1)], "read row by row")
        let said = try Self.pack(db).said
        #expect(said.count == 2 && said[0].hasPrefix("Snapshot \(first) ") && said[1].hasPrefix("Snapshot \(second) "), "\(said)")
        #expect(try db.linkPacking() == [first: .packed, second: .packed])
        try LinkPackImportTests.expectBothWays(db, first, [Tie(a: 0, b: 1, weight: 2, count: 1)])
    }

    /// A database file as an orgmap of schema version 3 left it (links, no packs, no triggers) is upgraded when
    /// opened; its links are read row by row, with the same ties, until `snapshots pack` packs them.
    @Test func aVersion3DatabaseIsUpgradedAndPackedOnRequest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgmap-v3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("orgmap.sqlite").path
        var snapshot: Int64 = 0
        do {
            let db = try AppDatabase.open(path: path, create: true)
            try PeopleImport(source: Fixtures.orgChart("pingboard.csv"), asOf: day("2026-10-31")).run(into: .database(db), logger: quiet)
            snapshot = try importLinks("""
                from,to,count,day
                sam.rivera@acme.io,jordan.lee@acme.io,2,2026-10-01
                kai.nakamura@acme.io,sam.rivera@acme.io,3,
                sam.rivera@acme.io,kai.nakamura@acme.io,1,2026-11-04
                """, into: db).snapshot.id
            try db.close()
        }
        // What versions 4 and 5 added, taken away again.
        try DatabaseQueue(path: path).write { db in
            for trigger in AppDatabase.linkPackTriggers { try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger)") }
            try db.execute(sql: "DROP TABLE link_pack; DROP TABLE link_pack_state")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier >= '0004'")
        }

        let db = try AppDatabase.open(path: path, create: false)
        #expect(try LinkPackImportTests.triggers(db).count == AppDatabase.linkPackTriggers.count, "migrated again")
        #expect(try db.linkPacking() == [snapshot: .unpacked])
        #expect(try db.linkCounts() == [snapshot: 3])
        #expect(try History.packAdvice(snapshots: [snapshot], since: nil, until: nil, in: db) != nil)
        let expected = [Tie(a: 0, b: 1, weight: 2, count: 1), Tie(a: 1, b: 2, weight: 4, count: 2)]
        #expect(try db.ties(snapshotID: snapshot) == expected, "row by row")
        #expect(try Self.pack(db).said.first?.hasPrefix("Snapshot \(snapshot) (as of 2026-10-31): 3 links packed into 3 entries") == true)
        #expect(try db.linkPacking() == [snapshot: .packed])
        try LinkPackImportTests.expectBothWays(db, snapshot, expected)
    }

    /// The report with the previous month reads two snapshots: the note names the one not packed.
    @Test func theAdviceNamesThePreviousSnapshotOfAReport() throws {
        let (db, first, second) = try Self.twoSnapshots()
        try db.write { db in try db.execute(sql: "UPDATE link SET weight = 3 WHERE snapshot_id = ?", arguments: [first]) }
        let read = try AnalysisRequest().analyze(db, sincePrevious: true).context.snapshotsRead
        #expect(read == [second, first])
        let advice = try History.packAdvice(snapshots: read, since: nil, until: nil, in: db)
        #expect(advice?.hasPrefix("note: the links of snapshot \(first) were read row by row") == true, "\(advice ?? "none")")
        #expect(try AnalysisRequest().analyze(db).context.snapshotsRead == [second])
    }

    /// Triggers dropped, or made again with another body, by hand would let changes go unseen: packing puts them
    /// back as the migrations wrote them, and sets every pack aside, since any could be stale.
    @Test func triggersDroppedOrChangedArePutBackAndEveryPackSetAside() throws {
        let (db, first, second) = try Self.twoSnapshots()
        let triggers = try LinkPackImportTests.triggers(db)

        // Changes the packs cannot see: their state rows stay.
        try db.write { db in
            try db.execute(sql: "DROP TRIGGER link_pack_stale_on_update")
            try db.execute(sql: "DROP TRIGGER link_pack_stale_on_run_delete")
            try db.execute(sql: "DROP TRIGGER link_pack_stale_on_insert")
            try db.execute(sql: "CREATE TRIGGER link_pack_stale_on_insert AFTER INSERT ON link BEGIN SELECT 1; END")
            try db.execute(sql: "UPDATE link SET weight = 10 WHERE snapshot_id = ?", arguments: [first])
        }
        #expect(try db.read { db in try LinkPack.isCurrent(db, snapshotID: first) }, "unseen")
        #expect(try db.linkPacking() == [first: .unpacked, second: .unpacked], "no pack is trusted without its triggers")
        #expect(try db.linkCounts() == [first: 1, second: 1])

        let said = try Self.pack(db, [second]).said
        #expect(said.first == """
            Put back 3 triggers that keep packed links true, dropped or changed by hand: link_pack_stale_on_insert, \
            link_pack_stale_on_update, link_pack_stale_on_run_delete. Links could have changed unseen meanwhile, so every \
            snapshot's packed links were set aside; `orgmap snapshots pack` with no id packs them all again.
            """)
        #expect(said.count == 2 && said[1].hasPrefix("Snapshot \(second) (as of 2026-11-30): 1 link packed into 1 entry"), "\(said)")
        #expect(try LinkPackImportTests.triggers(db) == triggers, "the same statements as the migrations'")
        #expect(try db.linkPacking() == [first: .unpacked, second: .packed], "set aside, not packed: only the snapshot asked for")
        #expect(try db.ties(snapshotID: first) == [Tie(a: 0, b: 1, weight: 10, count: 1)], "the change made meanwhile counts")

        #expect(try Self.pack(db).said.first?.hasPrefix("Snapshot \(first) (as of 2026-10-31): 1 link packed") == true)
        #expect(try db.linkPacking() == [first: .packed, second: .packed])
        try LinkPackImportTests.expectBothWays(db, first, [Tie(a: 0, b: 1, weight: 10, count: 1)])
    }

    @Test func everyTriggerStatementIsFoundAsTheDatabaseKeepsIt() throws {
        let db = try AppDatabase.inMemory()
        let kept = try db.read { db in try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'link_pack%'") }
        #expect(Set(kept.map { $0["name"] as String }) == Set(AppDatabase.linkPackTriggers))
        for row in kept { #expect(AppDatabase.linkPackTriggerSQL(row["name"]) == row["sql"] as String) }
        #expect(AppDatabase.linkPackTriggerSQL("link_pack_stale") == nil)
        #expect(try db.read { db in try Bool.fetchOne(db, sql: "SELECT \(AppDatabase.linkPackIsGuarded)") } == true)
        // The same name with another body does not guard anything.
        try db.write { db in
            try db.execute(sql: "DROP TRIGGER link_pack_stale_on_move")
            try db.execute(sql: "CREATE TRIGGER link_pack_stale_on_move BEFORE UPDATE OF id ON link BEGIN SELECT 1; END")
        }
        #expect(try db.read { db in try Bool.fetchOne(db, sql: "SELECT \(AppDatabase.linkPackIsGuarded)") } == false)
    }

    /// A link dated by hand with a day that does not exist cannot be packed: said as a warning, listed, not tried
    /// again until the links change, and the snapshot is still read right, from the link table.
    @Test func linksThatCannotBePackedAreSaidAndStillRead() throws {
        let db = try orgDatabase("pingboard.csv")
        let snapshot = try importLinks("from,to,count,day\nsam.rivera@acme.io,jordan.lee@acme.io,2,2026-02-03\n", into: db).snapshot.id
        try db.write { db in try db.execute(sql: "UPDATE link SET date = '2026-02-30'") }
        let (said, warned) = try Self.pack(db)
        #expect(said.isEmpty)
        #expect(warned.first?.hasPrefix("snapshot \(snapshot) (as of 2026-10-31): its links cannot be packed: one has a date that is not a valid YYYY-MM-DD") == true, "\(warned)")
        #expect(try db.linkPacking() == [snapshot: .unpackable])
        #expect(try db.linkCounts() == [snapshot: 1])
        #expect(try History.packAdvice(snapshots: [snapshot], since: nil, until: nil, in: db) == nil, "packing would not help")
        let text = try ListingFormat.text.snapshots(in: db)
        #expect(text.contains("     1  cannot  /") && text.hasSuffix("read row by row, with the same results.\n"), "\(text)")
        #expect(try Self.listing(db).first?["links_packed"] as? Bool == false)
        #expect(try Self.pack(db).said == ["Nothing to pack: the links of snapshot \(snapshot) cannot be packed (changed by hand), the others' are packed. `orgmap snapshots pack \(snapshot)` tries again."])
        #expect(try Self.pack(db, [snapshot]).warned.count == 1, "tried again when asked")
        #expect(try db.ties(snapshotID: snapshot) == [Tie(a: 0, b: 1, weight: 2, count: 1)])

        // Mended by hand: the trigger clears the mark, and packing works again.
        try db.write { db in try db.execute(sql: "UPDATE link SET date = '2026-02-28'") }
        #expect(try db.linkPacking() == [snapshot: .unpacked])
        #expect(try Self.pack(db).said.first?.hasPrefix("Snapshot \(snapshot) (as of 2026-10-31): 1 link packed into 1 entry") == true)
    }

    @Test func anUnknownSnapshotChangesNothing() throws {
        let db = try orgDatabase("pingboard.csv")
        _ = try importLinks("from,to,count\nsam.rivera@acme.io,jordan.lee@acme.io,2\n", into: db)
        try db.write { db in try db.execute(sql: "DROP TRIGGER link_pack_stale_on_delete") }
        #expect(throws: OrgMapError.self) { try Self.pack(db, [1, 99]) }
        #expect(try LinkPackImportTests.triggers(db).count == AppDatabase.linkPackTriggers.count - 1, "checked before anything is done")
    }

    @Test func nothingToPackNeedsNoWriteLock() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgmap-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("orgmap.sqlite").path
        let db = try AppDatabase.open(path: path, create: true, busyTimeout: 0.2)
        #expect(try Self.pack(db).said == ["No snapshot has links yet: nothing to pack."])
        try PeopleImport(source: Fixtures.orgChart("pingboard.csv"), asOf: day("2026-10-31")).run(into: .database(db), logger: quiet)
        _ = try importLinks("from,to,count\nsam.rivera@acme.io,jordan.lee@acme.io,2\n", into: db)
        // Another process's import holds the write lock meanwhile.
        let other = try DatabaseQueue(path: path)
        var said: [String] = []
        try other.inTransaction(.immediate) { _ in
            said = try Self.pack(db).said
            return .rollback
        }
        #expect(said == ["Every snapshot's links are packed already: reports read them at full speed. Nothing to do."])
    }
}
