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
        package var links = 0
        /// Entries written: one a pair of people and month.
        package var entries = 0
        /// False when a link could not be packed: a date that is not a valid `YYYY-MM-DD`, or a person of
        /// another snapshot, only possible in a database edited by hand. The link table is then read, with the
        /// same result.
        package var packed = false
    }

    /// The snapshots with links that the report reads from the link table because their pack is missing, stale,
    /// or cannot be trusted (a trigger dropped, a run changed by hand), oldest first.
    package func unpackedSnapshots() throws -> [Int64] {
        try read { db in
            let withLinks = try Int64.fetchAll(db, sql: "SELECT id FROM snapshot WHERE EXISTS (SELECT 1 FROM link WHERE snapshot_id = snapshot.id) ORDER BY id")
            return try withLinks.filter { id in
                try !(LinkPack.isTrusted(db, snapshotID: id) && PackPlan.runs(db, snapshotID: id) != nil)
            }
        }
    }

    /// Puts back the triggers that keep packs true (``linkPackTriggers``) where some were dropped by hand, and
    /// returns their names. Links may have changed while a trigger was missing without any pack noticing, so
    /// every snapshot's pack is then set aside, in the same transaction: each is read from the link table until
    /// packed again. Does nothing, and returns no name, when every trigger is there.
    package func restoreLinkPackTriggers() throws -> [String] {
        try bulkWrite { db in
            let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            let missing = Self.linkPackTriggers.filter { !present.contains($0) }
            guard !missing.isEmpty else { return [] }
            try LinkPack.withoutStaleTriggers(db) {
                try db.execute(sql: "DELETE FROM link_pack_state")
                try db.execute(sql: "DELETE FROM link_pack")
            }
            for name in missing {
                guard let sql = Self.linkPackTriggerSQL(name) else { preconditionFailure("no migration creates the trigger \(name)") }
                try db.execute(sql: sql)
            }
            return missing
        }
    }

    /// Packs all of the snapshot's links again, in one transaction, in place of any runs it had. The triggers that
    /// keep packs true must all be there (``restoreLinkPackTriggers()``), or the pack would not be read.
    package func packLinks(snapshotID: Int64) throws -> PackOutcome {
        try bulkWrite { db in
            guard try SnapshotRecord.fetchOne(db, key: snapshotID) != nil else { throw OrgMapError.snapshotNotFound(id: snapshotID, path: path) }
            try LinkPack.rebuild(db, snapshotID: snapshotID)
            var outcome = PackOutcome()
            outcome.packed = try LinkPack.isCurrent(db, snapshotID: snapshotID)
            outcome.links = try Int.fetchOne(
                db, sql: outcome.packed ? "SELECT links FROM link_pack_state WHERE snapshot_id = ?" : "SELECT COUNT(*) FROM link WHERE snapshot_id = ?",
                arguments: [snapshotID]) ?? 0
            outcome.entries = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(entries), 0) FROM link_pack WHERE snapshot_id = ?", arguments: [snapshotID]) ?? 0
            return outcome
        }
    }
}
