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
    @discardableResult
    package func storeSnapshot(asOf: CalendarDate, fileName: String, _ body: (PeopleWriter) throws -> ImportLogRecord) throws -> Snapshot {
        let importedAt = Self.now()
        return try bulkWrite { db in
            var record = try SnapshotRecord(asOf: asOf, importedAt: importedAt, sourceFile: fileName).inserted(db)
            let writer = try PeopleWriter(db: db, snapshotID: record.id!)
            var log = try body(writer)
            record.sourceSHA256 = log.sha256
            record.personCount = writer.stored
            try record.update(db)
            log.snapshotID = record.id
            log.importedAt = importedAt
            try log.insert(db)
            return try record.snapshot(in: path)
        }
    }

    /// Stores people already read and validated (unique keys, managers and dotted lines naming keys in the list)
    /// as a new snapshot, in one transaction. `managerRows` gives each person's manager as an index in `people`
    /// (-1 for a root); when nil it is worked out from the managers' keys.
    @discardableResult
    package func storeSnapshot(people: [Person], lines: [Int], managerRows: [Int32]? = nil, asOf: CalendarDate, log: ImportLogRecord) throws -> Snapshot {
        precondition(people.count == lines.count && (managerRows?.count ?? people.count) == people.count)
        return try storeSnapshot(asOf: asOf, fileName: log.fileName) { writer in
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

    /// Runs `body` in one transaction that stores links for `snapshotID`; `body` returns the import's log entry.
    /// Any error thrown rolls everything back.
    @discardableResult
    package func storeLinks(snapshotID: Int64, fileName: String, _ body: (LinkWriter) throws -> ImportLogRecord) throws -> ImportLogRecord {
        let importedAt = Self.now()
        return try bulkWrite { db in
            // The log entry first: every link row refers to it.
            var placeholder = ImportLogRecord(kind: .links, fileName: fileName, sha256: "", rowsRead: 0, rowsStored: 0, rowsSkipped: 0, warnings: 0, duration: 0)
            placeholder.snapshotID = snapshotID
            placeholder.importedAt = importedAt
            try placeholder.insert(db)
            var log = try body(try LinkWriter(db: db, snapshotID: snapshotID, importID: placeholder.id!))
            log.id = placeholder.id
            log.snapshotID = snapshotID
            log.importedAt = importedAt
            try log.update(db)
            return log
        }
    }

    /// The snapshot's links summed per pair of people, as indices into ``organization(snapshotID:)``'s people.
    /// `since` and `until` (inclusive) keep dated links in that range; undated links are kept only when no range
    /// is given.
    package func ties(snapshotID: Int64, since: CalendarDate? = nil, until: CalendarDate? = nil) throws -> [Tie] {
        try read { db in try TieLoader.ties(db, snapshotID: snapshotID, since: since, until: until) }
    }

    /// ISO 8601 in UTC, to the second: what `imported_at` holds.
    private static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
