import Foundation
import GRDB
import OrgModel
import OrgStore

/// Which snapshots the report reads from their packed links, and packing the others (`orgmap snapshots pack`):
/// links stored before schema version 4, or a snapshot whose links were changed by hand, are read row by row,
/// in about 1.7 times the time (docs/benchmarks.md), until packed again (docs/schema.md).
extension AppDatabase {
    /// What packing a snapshot's links did.
    package struct PackOutcome: Sendable, Equatable {
        /// Links packed (none when they cannot be: counting them would read every row again).
        package var links = 0
        /// Entries written: one a pair of people and month.
        package var entries = 0
        /// ``LinkPacking/packed`` or ``LinkPacking/unpackable``.
        package var packing = LinkPacking.unpacked
    }

    /// How each snapshot with links has them read; snapshots without links are absent.
    package func linkPacking() throws -> [Int64: LinkPacking] {
        try read { db in
            let withLinks = try Int64.fetchAll(db, sql: "SELECT id FROM snapshot WHERE EXISTS (SELECT 1 FROM link WHERE snapshot_id = snapshot.id)")
            let guarded = try Bool.fetchOne(db, sql: "SELECT \(Self.linkPackIsGuarded)") ?? false
            var packing: [Int64: LinkPacking] = [:]
            for id in withLinks { packing[id] = try Self.linkPacking(db, snapshotID: id, guarded: guarded) }
            return packing
        }
    }

    /// The snapshots whose links ``linkPacking()`` says are ``LinkPacking/unpacked``, oldest first.
    package func unpackedSnapshots() throws -> [Int64] {
        try linkPacking().filter { $0.value == .unpacked }.keys.sorted()
    }

    private static func linkPacking(_ db: Database, snapshotID: Int64, guarded: Bool) throws -> LinkPacking {
        guard guarded else { return .unpacked }
        if try LinkPack.isCurrent(db, snapshotID: snapshotID) { return try PackPlan.runs(db, snapshotID: snapshotID) != nil ? .packed : .unpacked }
        let marked = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM link_pack_state WHERE snapshot_id = ? AND format = ?)", arguments: [snapshotID, LinkPack.unpackable])
        return marked == true ? .unpackable : .unpacked
    }

    /// Puts back the triggers that keep packs true (``linkPackTriggers``) where some were dropped, or made again
    /// with another body, by hand, and returns their names. Links may have changed meanwhile without any pack
    /// noticing, so every snapshot's pack is then set aside, in the same transaction: each is read from the link
    /// table until packed again. Writes nothing, and returns no name, when every trigger is as written.
    package func restoreLinkPackTriggers() throws -> [String] {
        func wrong(_ db: Database) throws -> [String] {
            // By exact name, as ``linkPackIsGuarded`` finds them.
            let kept = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            let sql = Dictionary(kept.map { ($0["name"] as String, $0["sql"] as String?) }, uniquingKeysWith: { first, _ in first })
            return Self.linkPackTriggers.filter { name in (sql[name] ?? nil) != Self.linkPackTriggerSQL(name) }
        }
        // Read first: with nothing to put back, no write transaction waits behind another orgmap's import.
        guard try !read(wrong).isEmpty else { return [] }
        return try bulkWrite { db in
            let names = try wrong(db)
            guard !names.isEmpty else { return [] }
            try LinkPack.withoutStaleTriggers(db) {
                try db.execute(sql: "DELETE FROM link_pack_state")
                try db.execute(sql: "DELETE FROM link_pack")
            }
            for name in names {
                guard let sql = Self.linkPackTriggerSQL(name) else { preconditionFailure("no migration creates the trigger \(name)") }
                // A trigger of that name, spelt in any case (SQLite's names are), whatever its body.
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(name.quotedDatabaseIdentifier)")
                try db.execute(sql: sql)
            }
            return names
        }
    }

    /// Packs all of the snapshot's links again, in one transaction, in place of any runs it had. The triggers that
    /// keep packs true must all be there (``restoreLinkPackTriggers()``), or the pack would not be read.
    package func packLinks(snapshotID: Int64) throws -> PackOutcome {
        try bulkWrite { db in
            guard try SnapshotRecord.fetchOne(db, key: snapshotID) != nil else { throw OrgMapError.snapshotNotFound(id: snapshotID, path: path) }
            try LinkPack.rebuild(db, snapshotID: snapshotID)
            let guarded = try Bool.fetchOne(db, sql: "SELECT \(Self.linkPackIsGuarded)") ?? false
            var outcome = PackOutcome(packing: try Self.linkPacking(db, snapshotID: snapshotID, guarded: guarded))
            if outcome.packing == .packed {
                outcome.links = try Int.fetchOne(db, sql: "SELECT links FROM link_pack_state WHERE snapshot_id = ?", arguments: [snapshotID]) ?? 0
            }
            outcome.entries = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(entries), 0) FROM link_pack WHERE snapshot_id = ?", arguments: [snapshotID]) ?? 0
            return outcome
        }
    }
}
