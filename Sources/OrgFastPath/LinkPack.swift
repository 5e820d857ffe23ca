import Foundation
import GRDB
import GRDBSQLite
import OrgModel
import OrgStore

/// A snapshot's links summed per pair of people and month, in packed runs written at import (schema version 4,
/// `migrations/sql/0004_link_pack.sql`): what the report reads instead of stepping SQLite through every link row,
/// which was most of its time (docs/benchmarks.md).
///
/// The link table stays the data; a pack is trusted only while `link_pack_state` has the snapshot's row. Triggers
/// on `link` delete that row on any change made outside orgmap (the report then reads the link table); orgmap's
/// own writes drop the triggers inside their transaction (``withoutStaleTriggers(_:_:)``) and bring the pack up to
/// date: an import packs the links it stores (``LinkPacker``), a removal packs what is left (``rebuild(_:snapshotID:)``).
///
/// Runs are written a chunk of links at a time (``runEntries``), each chunk sorted and summed on its own, so that
/// packing needs memory for one chunk whatever the number of links; readers merge the runs.
package enum LinkPack {
    /// The entry layout `link_pack_state.format` names; another value is not read.
    package static let format = 1
    /// The `link_pack_state.format` of a snapshot whose links cannot be packed as they are (a date that is no day,
    /// a person of another snapshot: possible only by hand), with `links` -1: read from the link table, and not
    /// tried again by `orgmap snapshots pack` until its links change (a trigger then deletes the row).
    package static let unpackable = 0
    /// Bytes an entry: first person, second person, month, links, weight (see the migration).
    static let entryBytes = 24
    /// The month of an undated link.
    static let undated: Int32 = -1
    /// Links a run sums at most: 44 MB of links and 24 MB of entries while packing.
    package static var runEntries: Int { 1 << 20 }

    /// Whether the snapshot's runs hold all its links in this format.
    package static func isCurrent(_ db: Database, snapshotID: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM link_pack_state WHERE snapshot_id = ? AND format = ?)", arguments: [snapshotID, format]) ?? false
    }

    /// Whether the snapshot's pack can be read: current, and every trigger that would have marked it stale still
    /// there (triggers dropped by hand would let changes to links go unnoticed).
    package static func isTrusted(_ db: Database, snapshotID: Int64) throws -> Bool {
        try isCurrent(db, snapshotID: snapshotID) && (Bool.fetchOne(db, sql: "SELECT \(AppDatabase.linkPackIsGuarded)") ?? false)
    }

    /// Whether a pack answers this date range: none, or whole months (the first of a month to the last of one).
    package static func reads(since: CalendarDate?, until: CalendarDate?) -> Bool {
        if let since, since.day != 1 { return false }
        if let until, until.day != CalendarDate.daysIn(month: until.month, year: until.year) { return false }
        return true
    }

    /// Whether links appended to the snapshot can be packed on their own: its pack is current, or it has no links.
    package static func canExtend(_ db: Database, snapshotID: Int64) throws -> Bool {
        if try isCurrent(db, snapshotID: snapshotID) { return true }
        return try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM link WHERE snapshot_id = ?)", arguments: [snapshotID]) ?? true)
    }

    /// Runs `body` with the triggers that mark packs stale dropped, and puts them back as they were: orgmap's own
    /// writes to `link` and `link_pack` keep the packs up to date themselves, and a trigger a row would cost a
    /// second a million links. Only inside a transaction that rolls back when `body` throws (the triggers come
    /// back with it).
    package static func withoutStaleTriggers<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        precondition(db.isInsideTransaction, "the triggers are dropped only inside a transaction")
        let names = AppDatabase.linkPackTriggers.map { "'\($0)'" }.joined(separator: ", ")
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (\(names))")
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER \((trigger["name"] as String).quotedDatabaseIdentifier)") }
        let result = try body()
        for trigger in triggers { try db.execute(sql: trigger["sql"]) }
        return result
    }

    /// Packs all of the snapshot's links again, in place of any runs it had.
    package static func rebuild(_ db: Database, snapshotID: Int64, chunk: Int = runEntries) throws {
        try withoutStaleTriggers(db) { try repack(db, snapshotID: snapshotID, chunk: chunk) }
    }

    private static func repack(_ db: Database, snapshotID: Int64, chunk: Int) throws {
        try forget(db, snapshotID: snapshotID)
        let packer = try LinkPacker(db, snapshotID: snapshotID, chunk: chunk)
        let statement = try db.makeStatement(sql: "SELECT source_id, target_id, weight, date FROM link WHERE snapshot_id = ?")
        try statement.setArguments([snapshotID])
        let s = statement.sqliteStatement
        while packer.isPacking {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw Statement.error(code, s) }
            try packer.add(source: sqlite3_column_int64(s, 0), target: sqlite3_column_int64(s, 1), weight: sqlite3_column_double(s, 2), month: month(s, column: 3))
        }
        try packer.finish()
    }

    /// Removes the snapshot's runs and state: it is read from the link table until packed again.
    package static func forget(_ db: Database, snapshotID: Int64) throws {
        try db.execute(sql: "DELETE FROM link_pack_state WHERE snapshot_id = ?", arguments: [snapshotID])
        try db.execute(sql: "DELETE FROM link_pack WHERE snapshot_id = ?", arguments: [snapshotID])
    }

    /// A link's month, ``undated`` for NULL; nil for anything but NULL or a valid `YYYY-MM-DD`: the link table's
    /// readers compare dates as text, which agrees with months only for valid dates.
    private static func month(_ s: OpaquePointer, column: Int32) -> Int32? {
        switch sqlite3_column_type(s, column) {
        case SQLITE_NULL: return undated
        case SQLITE_TEXT:
            guard sqlite3_column_bytes(s, column) == 10, let text = sqlite3_column_text(s, column) else { return nil }
            return month(utf8: UnsafeBufferPointer(start: text, count: 10))
        default: return nil
        }
    }

    /// The month of a `YYYY-MM-DD` date given as text, ``undated`` for no text; nil when not a valid date.
    static func month(utf8 date: UnsafeBufferPointer<UInt8>) -> Int32? {
        if date.isEmpty { return undated }
        return CalendarDate(utf8: date).map(month(of:))
    }

    /// `date`'s month as an entry holds it.
    static func month(of date: CalendarDate) -> Int32 { Int32(date.year * 12 + date.month - 1) }
}

/// Packs links as they are stored, a chunk at a time: each chunk sorted by pair and month, summed, and written as
/// one run of the snapshot. ``finish()`` records the snapshot's pack as current, or removes its runs when a link
/// could not be packed. 28 bytes a link of the chunk, whatever the number of links.
package final class LinkPacker {
    private let db: Database
    private let snapshotID: Int64
    /// Entries hold person ids less this: the snapshot's smallest person id.
    private let base: Int64
    /// Sort rows: the pair (as offsets from `base`) and, in the weight's bits, the link's place in the chunk.
    private let rows: UnsafeMutableBufferPointer<PairSort.Row>
    private let months: UnsafeMutableBufferPointer<Int32>
    private let weights: UnsafeMutableBufferPointer<Double>
    /// Links in the chunk.
    private var count = 0
    private var links = 0
    /// False once a link could not be packed: the rest are not looked at.
    package private(set) var isPacking = true

    /// A packer adding to the snapshot's current pack, or starting one when it has none (removing runs left by
    /// links deleted by hand).
    package init(_ db: Database, snapshotID: Int64, chunk capacity: Int = LinkPack.runEntries) throws {
        self.db = db
        self.snapshotID = snapshotID
        if try !LinkPack.isCurrent(db, snapshotID: snapshotID) { try LinkPack.forget(db, snapshotID: snapshotID) }
        base = try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM person WHERE snapshot_id = ?", arguments: [snapshotID]) ?? 0
        let capacity = max(capacity, 1)
        rows = .allocate(capacity: capacity)
        months = .allocate(capacity: capacity)
        weights = .allocate(capacity: capacity)
    }

    deinit {
        rows.deallocate()
        months.deallocate()
        weights.deallocate()
    }

    /// One stored link; `month` nil when its date cannot be packed (the snapshot is then read from the link table).
    package func add(source: Int64, target: Int64, weight: Double, month: Int32?) throws {
        guard isPacking else { return }
        // A person below the snapshot's first id, or 2^32 ids past it, is another snapshot's: only in a database
        // edited by hand.
        let (a, lowOverflow) = min(source, target).subtractingReportingOverflow(base)
        let (b, highOverflow) = max(source, target).subtractingReportingOverflow(base)
        guard let month, !lowOverflow, !highOverflow, a >= 0, b <= Int64(UInt32.max) else { isPacking = false; return }
        guard a != b else { return }
        rows.initializeElement(at: count, to: (UInt64(a) << 32 | UInt64(b), Double(bitPattern: UInt64(count))))
        months.initializeElement(at: count, to: month)
        weights.initializeElement(at: count, to: weight)
        count += 1
        links += 1
        if count == rows.count { try flush() }
    }

    /// Writes the last run and records the pack, or, when a link could not be packed, removes it and records the
    /// snapshot as ``LinkPack/unpackable``.
    package func finish() throws {
        if isPacking, count > 0 { try flush() }
        guard isPacking else {
            try LinkPack.forget(db, snapshotID: snapshotID)
            try db.execute(
                sql: "INSERT INTO link_pack_state (snapshot_id, links, format) VALUES (?, -1, ?)", arguments: [snapshotID, LinkPack.unpackable])
            return
        }
        try db.execute(
            sql: """
                INSERT INTO link_pack_state (snapshot_id, links, format) VALUES (?, ?, ?)
                ON CONFLICT (snapshot_id) DO UPDATE SET links = links + excluded.links
                """,
            arguments: [snapshotID, links, LinkPack.format])
    }

    /// The chunk sorted by pair, then each pair's links by month and place, so that they are summed the same way
    /// every time; written as a run with one entry a pair and month.
    private func flush() throws {
        let rows = UnsafeMutableBufferPointer(rebasing: self.rows[0..<count])
        let months = self.months, weights = self.weights
        count = 0
        PairSort.sort(rows)
        @inline(__always) func place(_ row: PairSort.Row) -> Int { Int(row.weight.bitPattern) }
        @inline(__always) func before(_ x: PairSort.Row, _ y: PairSort.Row) -> Bool {
            let (p, q) = (place(x), place(y))
            return months[p] < months[q] || (months[p] == months[q] && p < q)
        }
        var entries = 0
        var i = 0
        while i < rows.count {
            let pair = rows[i].pair
            var j = i + 1
            while j < rows.count, rows[j].pair == pair { j += 1 }
            if j - i > 24 {
                // A pair that meets every week: many links.
                var group = UnsafeMutableBufferPointer(rebasing: rows[i..<j])
                group.sort(by: before)
            } else if j - i > 1 {
                for k in (i + 1)..<j {
                    let row = rows[k]
                    var at = k
                    while at > i, before(row, rows[at - 1]) { rows[at] = rows[at - 1]; at -= 1 }
                    rows[at] = row
                }
            }
            entries += 1
            for k in (i + 1)..<j where months[place(rows[k])] != months[place(rows[k - 1])] { entries += 1 }
            i = j
        }
        // The run's row with room for its entries, filled a piece at a time through SQLite's blob I/O.
        try db.execute(
            sql: "INSERT INTO link_pack (snapshot_id, base, entries, data) VALUES (?, ?, ?, zeroblob(?))",
            arguments: [snapshotID, base, entries, entries * LinkPack.entryBytes])
        var blob: OpaquePointer?
        let opened = sqlite3_blob_open(db.sqliteConnection, "main", "link_pack", "data", db.lastInsertedRowID, 1, &blob)
        defer { sqlite3_blob_close(blob) }
        guard opened == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: opened), message: "writing a link pack") }
        let pieceEntries = 1 << 14
        try withUnsafeTemporaryAllocation(byteCount: pieceEntries * LinkPack.entryBytes, alignment: 8) { out in
            var inPiece = 0, written = 0
            func write() throws {
                let code = sqlite3_blob_write(blob, out.baseAddress, Int32(inPiece * LinkPack.entryBytes), Int32(written * LinkPack.entryBytes))
                guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "writing a link pack") }
                written += inPiece
                inPiece = 0
            }
            var k = 0
            while k < rows.count {
                let pair = rows[k].pair, month = months[place(rows[k])]
                var weight = 0.0
                var count: UInt32 = 0
                while k < rows.count, rows[k].pair == pair, months[place(rows[k])] == month {
                    weight += weights[place(rows[k])]
                    count &+= 1
                    k += 1
                }
                let at = inPiece * LinkPack.entryBytes
                out.storeBytes(of: UInt32(truncatingIfNeeded: pair >> 32).littleEndian, toByteOffset: at, as: UInt32.self)
                out.storeBytes(of: UInt32(truncatingIfNeeded: pair).littleEndian, toByteOffset: at + 4, as: UInt32.self)
                out.storeBytes(of: month.littleEndian, toByteOffset: at + 8, as: Int32.self)
                out.storeBytes(of: count.littleEndian, toByteOffset: at + 12, as: UInt32.self)
                out.storeBytes(of: weight.bitPattern.littleEndian, toByteOffset: at + 16, as: UInt64.self)
                inPiece += 1
                if inPiece == pieceEntries { try write() }
            }
            if inPiece > 0 { try write() }
        }
    }
}
