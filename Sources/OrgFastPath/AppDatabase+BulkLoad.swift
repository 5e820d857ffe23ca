import Foundation
import GRDB
import OrgModel
import OrgStore

/// The imports' transactions and the analysis's read of millions of links: the database work that cannot go
/// through GRDB's records at the speed the benchmarks ask (docs/benchmarks.md).
extension AppDatabase {
    /// Stores an org chart as a new snapshot dated `asOf`, in one transaction: `body` inserts the people
    /// through the writer and returns the import's log entry (file fingerprint, counts). Any error thrown rolls
    /// everything back.
    /// `replacing` snapshots are removed first, in the same transaction (`import people --replace`).
    @discardableResult
    package func storeSnapshot(asOf: CalendarDate, fileName: String, replacing: [Int64] = [], _ body: (PeopleWriter) throws -> ImportLogRecord) throws -> Snapshot {
        let importedAt = Self.now()
        return try bulkWrite { db in
            for id in replacing { _ = try Self.deleteSnapshot(db, id: id, path: path) }
            var record = try SnapshotRecord(asOf: asOf, importedAt: importedAt, sourceFile: fileName).inserted(db)
            let writer = try PeopleWriter(db: db, snapshotID: record.id!)
            var log = try body(writer)
            record.sourceSHA256 = log.sha256
            record.personCount = writer.stored
            try record.update(db)
            log.snapshotID = record.id
            log.importedAt = importedAt
            try log.insert(db)
            try ImportFileRecord(importID: log.id!, name: fileName, sha256: log.sha256).insert(db)
            return try record.snapshot(in: path)
        }
    }

    /// Stores people already read and validated (unique keys, managers and dotted lines naming keys in the list)
    /// as a new snapshot, in one transaction. `managerRows` gives each person's manager as an index in `people`
    /// (-1 for a root); when nil it is worked out from the managers' keys.
    @discardableResult
    package func storeSnapshot(people: [Person], lines: [Int], managerRows: [Int32]? = nil, asOf: CalendarDate, log: ImportLogRecord, replacing: [Int64] = []) throws -> Snapshot {
        precondition(people.count == lines.count && (managerRows?.count ?? people.count) == people.count)
        return try storeSnapshot(asOf: asOf, fileName: log.fileName, replacing: replacing) { writer in
            var batcher = PersonBatcher()
            for i in people.indices {
                batcher.append(people[i], row: i, line: lines[i], managerRow: managerRows?[i] ?? -1)
                if batcher.isFull { try writer.insert(batcher.take()) }
            }
            try writer.insert(batcher.take())
            try writer.finish(people: people, managerRows: managerRows)
            return log
        }
    }

    /// Runs `body` in one transaction that stores links for `snapshotID`; `body` returns the import's log entry
    /// and the files it read (name and SHA-256), recorded with it. Any error thrown rolls everything back.
    @discardableResult
    package func storeLinks(snapshotID: Int64, fileName: String, _ body: (LinkWriter) throws -> (log: ImportLogRecord, files: [(name: String, sha256: String)])) throws -> ImportLogRecord {
        let importedAt = Self.now()
        return try bulkWrite { db in
            // The log entry first: every link row refers to it.
            var placeholder = ImportLogRecord(kind: .links, fileName: fileName, sha256: "", rowsRead: 0, rowsStored: 0, rowsSkipped: 0, warnings: 0, duration: 0)
            placeholder.snapshotID = snapshotID
            placeholder.importedAt = importedAt
            try placeholder.insert(db)
            // The links are packed for the report as they are stored (``LinkPack``), or, when the snapshot has
            // links but no current pack (stored before schema version 4, or edited by hand), all of them after.
            var (log, files) = try LinkPack.withoutStaleTriggers(db) {
                let packer = try LinkPack.canExtend(db, snapshotID: snapshotID) ? LinkPacker(db, snapshotID: snapshotID) : nil
                let stored = try body(try LinkWriter(db: db, snapshotID: snapshotID, importID: placeholder.id!, packer: packer))
                if let packer { try packer.finish() } else { try LinkPack.rebuild(db, snapshotID: snapshotID) }
                return stored
            }
            log.id = placeholder.id
            log.snapshotID = snapshotID
            log.importedAt = importedAt
            try log.update(db)
            for file in files { try ImportFileRecord(importID: placeholder.id!, name: file.name, sha256: file.sha256).insert(db, onConflict: .ignore) }
            return log
        }
    }

    /// The snapshot's links summed per pair of people, as indices into ``organization(snapshotID:)``'s people.
    /// `since` and `until` (inclusive) keep dated links in that range; undated links are kept only when no range
    /// is given.
    package func tieTable(
        snapshotID: Int64, since: CalendarDate? = nil, until: CalendarDate? = nil, tuning: TieLoader.Tuning = TieLoader.Tuning()
    ) throws -> TieTable {
        try TieLoader.table(self, snapshotID: snapshotID, since: since, until: until, tuning: tuning)
    }

    /// ``tieTable(snapshotID:since:until:)`` as values, in pair order.
    package func ties(snapshotID: Int64, since: CalendarDate? = nil, until: CalendarDate? = nil) throws -> [Tie] {
        try tieTable(snapshotID: snapshotID, since: since, until: until).ties
    }

    /// ISO 8601 in UTC, to the second: what `imported_at` holds.
    private static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}

extension AppDatabase {
    /// What a removal took away.
    package struct Removed: Sendable {
        package var people = 0
        package var links = 0
        package var imports = 0
    }

    /// Removes a snapshot with its people, departments, teams, dotted lines and links, in one transaction; the
    /// import log keeps its entries (their snapshot becomes NULL). Rows are deleted children first, by the
    /// indexes that find them, with SQLite's foreign key checks off for the transaction: a cascade from each
    /// person would scan the whole `link` table once per person.
    @discardableResult
    package func removeSnapshot(id: Int64) throws -> Removed {
        try bulkWrite { db in try Self.deleteSnapshot(db, id: id, path: path) }
    }

    private static func deleteSnapshot(_ db: Database, id: Int64, path: String) throws -> Removed {
        guard try SnapshotRecord.fetchOne(db, key: id) != nil else { throw OrgMapError.snapshotNotFound(id: id, path: path) }
        var removed = Removed()
        removed.links = try LinkPack.withoutStaleTriggers(db) {
            try db.execute(sql: "DELETE FROM link WHERE snapshot_id = ?", arguments: [id])
            let links = db.changesCount
            try LinkPack.forget(db, snapshotID: id)
            return links
        }
        try db.execute(sql: "DELETE FROM dotted_line WHERE person_id IN (SELECT id FROM person WHERE snapshot_id = ?)", arguments: [id])
        try db.execute(sql: "DELETE FROM person WHERE snapshot_id = ?", arguments: [id])
        removed.people = db.changesCount
        try db.execute(sql: "DELETE FROM team WHERE department_id IN (SELECT id FROM department WHERE snapshot_id = ?)", arguments: [id])
        try db.execute(sql: "DELETE FROM department WHERE snapshot_id = ?", arguments: [id])
        try db.execute(sql: "UPDATE import_log SET snapshot_id = NULL WHERE snapshot_id = ?", arguments: [id])
        removed.imports = db.changesCount
        try db.execute(sql: "DELETE FROM snapshot WHERE id = ?", arguments: [id])
        return removed
    }

    /// Removes the links one links import stored, and its entry in the import log, in one transaction. An org
    /// chart's import is refused: its snapshot is removed with ``removeSnapshot(id:)``.
    @discardableResult
    package func removeLinksImport(id: Int64) throws -> Removed {
        try bulkWrite { db in
            guard let entry = try ImportLogRecord.fetchOne(db, key: id) else {
                throw OrgMapError.invalidArgument("\(path) has no import \(id); list them with: orgmap imports --db \(path)")
            }
            guard entry.kind == .links else {
                let snapshot = entry.snapshotID.map { "snapshot \($0); remove it with: orgmap snapshots remove \($0)" } ?? "a snapshot removed since"
                throw OrgMapError.invalidArgument("import \(id) is an org chart: it brought in \(snapshot)")
            }
            var removed = Removed(imports: 1)
            // Found through the snapshot's index: an import's links all belong to its snapshot (and went with it
            // when the snapshot was removed).
            removed.links = try LinkPack.withoutStaleTriggers(db) {
                try db.execute(sql: "DELETE FROM link WHERE snapshot_id = ? AND import_id = ?", arguments: [entry.snapshotID, id])
                let links = db.changesCount
                // What is left of the snapshot's links, packed again.
                if let snapshotID = entry.snapshotID { try LinkPack.rebuild(db, snapshotID: snapshotID) }
                return links
            }
            try db.execute(sql: "DELETE FROM import_file WHERE import_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM import_log WHERE id = ?", arguments: [id])
            return removed
        }
    }
}
