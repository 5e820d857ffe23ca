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
    static func pack(_ db: AppDatabase, _ ids: [Int64] = []) throws -> (packed: Bool, said: [String]) {
        var said: [String] = []
        let packed = try History.packLinks(snapshots: ids, in: db) { said.append($0) }
        return (packed, said)
    }

    static func listing(_ db: AppDatabase) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(try ListingFormat.json.snapshots(in: db).utf8)) as? [[String: Any]])
    }

    @Test func linksChangedByHandAreListedAdvisedAndPackedAgain() throws {
        let db = try orgDatabase("pingboard.csv")
        let snapshot = try importLinks("""
            from,to,count,type,day
            sam.rivera@acme.io,jordan.lee@acme.io,2,meeting,2026-10-01
            kai.nakamura@acme.io,sam.rivera@acme.io,3,chat,2026-10-02
            sam.rivera@acme.io,kai.nakamura@acme.io,1,chat,2026-11-04
            """, into: db).snapshot.id
        #expect(try db.unpackedSnapshots().isEmpty)
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

        let (packed, said) = try Self.pack(db)
        #expect(packed)
        #expect(said.count == 1)
        #expect(said.first?.hasPrefix("Snapshot \(snapshot) (as of 2026-10-31): 3 links packed into 3 entries in ") == true, "\(said)")
        #expect(try db.unpackedSnapshots().isEmpty)
        #expect(try History.packAdvice(snapshots: [snapshot], since: nil, until: nil, in: db) == nil)
        try LinkPackImportTests.expectBothWays(db, snapshot, [Tie(a: 0, b: 1, weight: 2, count: 1), Tie(a: 1, b: 2, weight: 7, count: 2)])
    }

    /// Triggers dropped by hand would let changes go unseen: packing puts them back, as the migrations wrote them,
    /// and sets every pack aside, since any could be stale.
    @Test func droppedTriggersArePutBackAndEveryPackSetAside() throws {
        let db = try orgDatabase("pingboard.csv")
        let first = try importLinks("from,to,count\nsam.rivera@acme.io,jordan.lee@acme.io,2\n", into: db).snapshot.id
        try PeopleImport(source: Fixtures.orgChart("pingboard.csv"), asOf: day("2026-11-30")).run(into: .database(db), logger: quiet)
        let second = try importLinks("from,to,count\nsam.rivera@acme.io,kai.nakamura@acme.io,1\n", into: db).snapshot.id
        #expect(first != second)
        let triggers = try LinkPackImportTests.triggers(db)

        // Dropped, then a change the pack cannot see: its state row stays.
        try db.write { db in
            try db.execute(sql: "DROP TRIGGER link_pack_stale_on_update")
            try db.execute(sql: "UPDATE link SET weight = 10 WHERE snapshot_id = ?", arguments: [first])
        }
        #expect(try db.read { db in try LinkPack.isCurrent(db, snapshotID: first) }, "unseen")
        #expect(try db.unpackedSnapshots() == [first, second], "no pack is trusted without its triggers")

        let (packed, said) = try Self.pack(db, [second])
        #expect(packed)
        #expect(said.first == """
            Put back 1 trigger that keeps packed links true, dropped by hand: link_pack_stale_on_update. Links could have \
            changed unseen meanwhile, so every snapshot's packed links were set aside; `orgmap snapshots pack` with no id \
            packs them all again.
            """)
        #expect(said.count == 2 && said[1].hasPrefix("Snapshot \(second) (as of 2026-11-30): 1 link packed into 1 entry"), "\(said)")
        #expect(try LinkPackImportTests.triggers(db) == triggers, "the same statements as the migrations'")
        #expect(try db.unpackedSnapshots() == [first], "set aside, not packed: only the snapshot asked for")
        #expect(try db.ties(snapshotID: first) == [Tie(a: 0, b: 1, weight: 10, count: 1)], "the change made meanwhile counts")

        #expect(try Self.pack(db).said.first?.hasPrefix("Snapshot \(first) (as of 2026-10-31): 1 link packed") == true)
        #expect(try db.unpackedSnapshots().isEmpty)
        try LinkPackImportTests.expectBothWays(db, first, [Tie(a: 0, b: 1, weight: 10, count: 1)])
    }

    @Test func everyTriggerStatementIsFoundAsTheDatabaseKeepsIt() throws {
        let db = try AppDatabase.inMemory()
        let kept = try db.read { db in try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'link_pack%'") }
        #expect(Set(kept.map { $0["name"] as String }) == Set(AppDatabase.linkPackTriggers))
        for row in kept { #expect(AppDatabase.linkPackTriggerSQL(row["name"]) == row["sql"] as String) }
        #expect(AppDatabase.linkPackTriggerSQL("link_pack_stale") == nil)
    }

    /// A link dated by hand with a day that does not exist cannot be packed: said, with a failing status, and the
    /// snapshot is still read right, from the link table.
    @Test func linksThatCannotBePackedAreSaidAndStillRead() throws {
        let db = try orgDatabase("pingboard.csv")
        let snapshot = try importLinks("from,to,count,day\nsam.rivera@acme.io,jordan.lee@acme.io,2,2026-02-03\n", into: db).snapshot.id
        try db.write { db in try db.execute(sql: "UPDATE link SET date = '2026-02-30'") }
        let (packed, said) = try Self.pack(db)
        #expect(!packed)
        #expect(said.first?.hasPrefix("Snapshot \(snapshot) (as of 2026-10-31): its links cannot be packed: one has a date that is not a valid YYYY-MM-DD") == true, "\(said)")
        #expect(try db.unpackedSnapshots() == [snapshot])
        #expect(try db.ties(snapshotID: snapshot) == [Tie(a: 0, b: 1, weight: 2, count: 1)])
    }

    @Test func anUnknownSnapshotChangesNothing() throws {
        let db = try orgDatabase("pingboard.csv")
        _ = try importLinks("from,to,count\nsam.rivera@acme.io,jordan.lee@acme.io,2\n", into: db)
        try db.write { db in try db.execute(sql: "DROP TRIGGER link_pack_stale_on_delete") }
        #expect(throws: OrgMapError.self) { try Self.pack(db, [1, 99]) }
        #expect(try LinkPackImportTests.triggers(db).count == AppDatabase.linkPackTriggers.count - 1, "checked before anything is done")
    }
}
