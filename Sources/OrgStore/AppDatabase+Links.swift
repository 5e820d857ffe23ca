import Foundation
import GRDB
import GRDBSQLite
import OrgModel

/// Finds the person a link endpoint names, from its bytes: the org chart's id, then the email (any ASCII
/// case). A plain value, so the thread that parses the file can use it while another inserts.
public struct PersonResolver: Sendable {
    let byKey: ByteKeyTable
    /// Emails lowercased (ASCII).
    let byEmail: ByteKeyTable

    /// `scratch` is reused between calls to lowercase emails without allocating.
    public func person(_ value: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> Int64? {
        if let id = byKey.lookup(value) { return id }
        guard value.contains(UInt8(ascii: "@")) else { return nil }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: value.lazy.map(asciiLowercased))
        return scratch.withUnsafeBufferPointer { byEmail.lookup($0) }
    }
}

private func asciiLowercased(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

/// Resolved links on their way from the parsing thread to the inserting one: flat arrays, text in one arena.
public struct LinkBatch: Sendable {
    var sources: [Int64] = []
    var targets: [Int64] = []
    var weights: [Double] = []
    var text: [UInt8] = []
    /// Per row: where its kind and date sit in `text`; empty ranges for NULL.
    var kinds: [Range<Int>] = []
    var dates: [Range<Int>] = []

    public init() {}

    public var count: Int { sources.count }

    /// `date` is `YYYY-MM-DD`; empty buffers mean NULL.
    public mutating func append(source: Int64, target: Int64, weight: Double, kind: UnsafeBufferPointer<UInt8>, date: UnsafeBufferPointer<UInt8>) {
        sources.append(source)
        targets.append(target)
        weights.append(weight)
        let k = text.count
        text.append(contentsOf: kind)
        kinds.append(k..<text.count)
        let d = text.count
        text.append(contentsOf: date)
        dates.append(d..<text.count)
    }
}

/// Inserts the links of one import, inside its transaction.
public final class LinkWriter {
    private let insert: MultiRowInsert
    public let resolver: PersonResolver
    public private(set) var stored = 0

    init(db: Database, snapshotID: Int64, importID: Int64) throws {
        insert = try MultiRowInsert(
            db, head: "INSERT INTO link (snapshot_id, import_id, source_id, target_id, weight, kind, date) VALUES",
            row: "(\(snapshotID), \(importID), ?, ?, ?, ?, ?)", rowsPerStatement: 64)
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person WHERE snapshot_id = ?", arguments: [snapshotID]) ?? 0
        var byKey = ByteKeyTable(capacity: count)
        var byEmail = ByteKeyTable(capacity: count)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, person_key, email FROM person WHERE snapshot_id = ?", arguments: [snapshotID])
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let key: String = row[1]
            byKey.insert(key, id: id)
            if let email: String = row[2] { email.utf8.map(asciiLowercased).withUnsafeBufferPointer { _ = byEmail.insert($0, id: id) } }
        }
        resolver = PersonResolver(byKey: byKey, byEmail: byEmail)
    }

    public func insert(_ batch: LinkBatch) throws {
        try batch.text.withUnsafeBufferPointer { text in
            // The text stays put until the statement is stepped: bound without a copy.
            try insert.run(count: batch.count) { i, statement, first in
                statement.bind(first + 1, batch.sources[i])
                statement.bind(first + 2, batch.targets[i])
                statement.bind(first + 3, batch.weights[i])
                statement.bindStatic(first + 4, batch.kinds[i].isEmpty ? nil : UnsafeBufferPointer(rebasing: text[batch.kinds[i]]))
                statement.bindStatic(first + 5, batch.dates[i].isEmpty ? nil : UnsafeBufferPointer(rebasing: text[batch.dates[i]]))
            }
        }
        stored += batch.count
    }
}

extension AppDatabase {
    /// Runs `body` in one transaction that stores links for `snapshotID`; `body` returns the import's record.
    /// Any error thrown rolls everything back.
    @discardableResult
    public func importLinks(snapshotID: Int64, fileName: String, _ body: (LinkWriter) throws -> ImportRecord) throws -> ImportRecord {
        let importedAt = ISO8601DateFormatter().string(from: Date())
        return try withoutForeignKeyChecks { db in
            let placeholder = ImportRecord(kind: "links", fileName: fileName, sha256: "", rowsRead: 0, rowsStored: 0, rowsSkipped: 0, warnings: 0, duration: 0)
            try appendLog(db, placeholder, snapshotID: snapshotID, importedAt: importedAt)
            let importID = db.lastInsertedRowID
            let record = try body(try LinkWriter(db: db, snapshotID: snapshotID, importID: importID))
            try db.execute(sql: """
                UPDATE import_log SET sha256 = ?, rows_read = ?, rows_stored = ?, rows_skipped = ?, warnings = ?, duration_ms = ?
                WHERE id = ?
                """, arguments: [record.sha256, record.rowsRead, record.rowsStored, record.rowsSkipped, record.warnings, Int((record.duration * 1000).rounded()), importID])
            return record
        }
    }

    /// The snapshot's links summed per pair of people, as indices into `organization(snapshotID:)`'s people.
    /// `since` and `until` (inclusive, `YYYY-MM-DD`) keep dated links in that range; undated links are kept
    /// only when no range is given.
    public func ties(snapshotID: Int64, since: String? = nil, until: String? = nil) throws -> [Tie] {
        try reader.read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM person WHERE snapshot_id = ? ORDER BY id", arguments: [snapshotID])
            guard let first = ids.first else { return [] }
            // A snapshot's people get consecutive ids at import; the dictionary is only for a database edited by hand.
            let consecutive = ids.last! - first + 1 == Int64(ids.count)
            let index = consecutive ? [:] : Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            var sql = "SELECT source_id, target_id, weight FROM link WHERE snapshot_id = ?"
            var arguments: StatementArguments = [snapshotID]
            if let since { sql += " AND date >= ?"; arguments += [since] }
            if let until { sql += " AND date <= ?"; arguments += [until] }
            let statement = try db.makeStatement(sql: sql)
            try statement.setArguments(arguments)
            // Stepped through SQLite's C API, then sorted by pair and summed: a dictionary of millions of pairs
            // cost three times as much (docs/benchmarks.md).
            var rows: [(pair: UInt64, weight: Double)] = []
            // Sized up front rather than grown by doubling (docs/benchmarks.md): the import log counts the rows
            // stored, and the span of the snapshot's link ids (one index lookup each) bounds them. Both come from
            // a file anyone can edit, so the figures are checked and the reservation capped; past it, it grows.
            func integer(_ sql: String) throws -> Int? {
                try DatabaseValue.fetchOne(db, sql: sql, arguments: [snapshotID]).flatMap(Int.fromDatabaseValue)
            }
            if let logged = try integer("SELECT TOTAL(rows_stored) FROM import_log WHERE kind = 'links' AND snapshot_id = ?"), logged > 0,
               let last = try integer("SELECT MAX(id) FROM link WHERE snapshot_id = ?"),
               let first = try integer("SELECT MIN(id) FROM link WHERE snapshot_id = ?") {
                let (span, overflow) = last.subtractingReportingOverflow(first)
                if !overflow, span >= 0 { rows.reserveCapacity(min(min(span, logged - 1) + 1, 1 << 24)) }
            }
            let s = statement.sqliteStatement
            while true {
                let code = sqlite3_step(s)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(s))))
                }
                let sourceID = sqlite3_column_int64(s, 0), targetID = sqlite3_column_int64(s, 1)
                let a: Int, b: Int
                if consecutive {
                    a = Int(sourceID - first)
                    b = Int(targetID - first)
                    guard a >= 0, a < ids.count, b >= 0, b < ids.count else { continue }
                } else {
                    guard let i = index[sourceID], let j = index[targetID] else { continue }
                    (a, b) = (i, j)
                }
                guard a != b else { continue }
                rows.append((UInt64(min(a, b)) << 32 | UInt64(max(a, b)), sqlite3_column_double(s, 2)))
            }
            rows.sort { $0.pair < $1.pair }
            var ties: [Tie] = []
            var pairs = rows.isEmpty ? 0 : 1
            for k in rows.indices.dropFirst() where rows[k].pair != rows[k - 1].pair { pairs += 1 }
            ties.reserveCapacity(pairs)
            var i = 0
            while i < rows.count {
                let pair = rows[i].pair
                var weight = 0.0
                var j = i
                while j < rows.count, rows[j].pair == pair {
                    weight += rows[j].weight
                    j += 1
                }
                ties.append(Tie(a: Int(pair >> 32), b: Int(pair & 0xFFFF_FFFF), weight: weight, count: j - i))
                i = j
            }
            return ties
        }
    }

    /// How many links each snapshot has; snapshots without links are absent.
    public func linkCounts() throws -> [Int64: Int] {
        try reader.read { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT snapshot_id, COUNT(*) FROM link GROUP BY snapshot_id") { counts[row[0]] = row[1] }
            return counts
        }
    }
}
