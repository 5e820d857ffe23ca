import Foundation
import GRDB
import GRDBSQLite
import OrgModel
import OrgStore

/// A snapshot's current pack, for a date range it can answer: no range, or whole months (the first of a month to
/// the last of one). Its runs are read a piece at a time through SQLite's incremental blob I/O, so memory is one
/// small buffer a run.
struct PackPlan: Sendable {
    struct Run: Sendable {
        let rowID: Int64
        let base: Int64
        let entries: Int
    }

    let snapshotID: Int64
    let runs: [Run]
    /// Months kept, inclusive; with no range, every month and undated links too.
    let months: ClosedRange<Int32>
    /// An empty range (`since` after `until`) keeps nothing.
    let keepsNothing: Bool

    /// Nil when the snapshot has no pack it can trust (``LinkPack/isTrusted(_:snapshotID:)``, every run's row as
    /// orgmap writes them), or the range is not whole months.
    init?(_ db: Database, snapshotID: Int64, since: CalendarDate?, until: CalendarDate?) throws {
        guard LinkPack.reads(since: since, until: until) else { return nil }
        guard try LinkPack.isTrusted(db, snapshotID: snapshotID), let runs = try Self.runs(db, snapshotID: snapshotID) else { return nil }
        self.snapshotID = snapshotID
        self.runs = runs
        if since == nil && until == nil {
            months = Int32.min...Int32.max
            keepsNothing = false
        } else {
            // Year 1 is month 12: an undated link (-1) is below any range.
            let lower = since.map(LinkPack.month(of:)) ?? 0, upper = until.map(LinkPack.month(of:)) ?? Int32.max
            months = lower...max(lower, upper)
            keepsNothing = lower > upper
        }
    }

    /// The snapshot's runs, nil when one is not as orgmap writes them (a value of another type, a size that does
    /// not match, a base whose offsets could overflow): checked before anything is read or reserved.
    static func runs(_ db: Database, snapshotID: Int64) throws -> [Run]? {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, base, entries,
                   typeof(base) = 'integer' AND typeof(entries) = 'integer' AND typeof(data) = 'blob'
                   AND entries BETWEEN 0 AND \(Int32.max / Int32(LinkPack.entryBytes)) AND length(data) = entries * \(LinkPack.entryBytes)
                   AND base BETWEEN -\(Int64(1) << 62) AND \(Int64(1) << 62) AS sound
            FROM link_pack WHERE snapshot_id = ? ORDER BY id
            """, arguments: [snapshotID])
        guard rows.allSatisfy({ $0["sound"] as Bool? == true }) else { return nil }
        return rows.map { Run(rowID: $0["id"], base: $0["base"], entries: $0["entries"]) }
    }

    /// Throws ``PackDamage`` unless the pack is still the one planned: each reader reads in a transaction of its own,
    /// and an import or a removal may have committed in between.
    func verify(_ db: Database) throws {
        guard try LinkPack.isTrusted(db, snapshotID: snapshotID), let now = try Self.runs(db, snapshotID: snapshotID),
              now.map(\.rowID) == runs.map(\.rowID), now.map(\.entries) == runs.map(\.entries), now.map(\.base) == runs.map(\.base)
        else { throw PackDamage() }
    }

    /// Entries that will be read: room to reserve for ties.
    var entries: Int { keepsNothing ? 0 : runs.reduce(0) { $0 + $1.entries } }

    /// The runs merged into ties, each pair's entries summed in run order. With two connections, two readers
    /// each merge the pairs of half the people (by the first person), into their own stretch of the columns.
    func table(_ connections: [AppDatabase], people: PersonIndex) throws -> TieColumns {
        guard !keepsNothing else { return TieColumns(compactedCapacity: 0, people: people.count) }
        // Where each reader's entries start in each run, then how many ties each can write at most.
        let split = connections.count == 2
        let bounds: [[Int]] = try connections[0].read { db in
            try verify(db)
            var bounds: [[Int]] = []
            for run in runs {
                let middle = split ? [try Self.firstEntry(db, run: run, from: people.middle)] : []
                bounds.append([0] + middle + [run.entries])
            }
            return bounds
        }
        let room = (0..<connections.count).map { r in bounds.reduce(0) { $0 + $1[r + 1] - $1[r] } }
        let starts = room.indices.map { r in room[..<r].reduce(0, +) }
        let columns = TieColumns(compactedCapacity: room.reduce(0, +), people: people.count)
        let written = try Parallel.map(Array(connections.indices)) { r in
            try connections[r].read { db in
                try verify(db)
                return try merge(db, runs: runs.indices.map { (runs[$0], bounds[$0][r]..<bounds[$0][r + 1]) }, people: people, into: columns, at: starts[r])
            }
        }
        columns.joinCompacted(written.indices.map { (starts[$0], written[$0]) })
        return columns
    }

    /// The first entry of `run` whose first person's id is `id` or more, found by bisection.
    private static func firstEntry(_ db: Database, run: Run, from id: Int64) throws -> Int {
        let (target, overflow) = id.subtractingReportingOverflow(run.base)
        if overflow { return id < 0 ? 0 : run.entries }
        if target <= 0 { return 0 }
        if target > Int64(UInt32.max) { return run.entries }
        var blob: OpaquePointer?
        let code = sqlite3_blob_open(db.sqliteConnection, "main", "link_pack", "data", run.rowID, 0, &blob)
        defer { sqlite3_blob_close(blob) }
        guard code == SQLITE_OK else { throw PackDamage() }
        guard Int(sqlite3_blob_bytes(blob)) == run.entries * LinkPack.entryBytes else { throw PackDamage() }
        var lo = 0, hi = run.entries
        while lo < hi {
            let mid = (lo + hi) / 2
            var first: UInt32 = 0
            guard sqlite3_blob_read(blob, &first, 4, Int32(mid * LinkPack.entryBytes)) == SQLITE_OK else { throw PackDamage() }
            if Int64(UInt32(littleEndian: first)) < target { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Merges `runs`' entries in the given ranges into the columns from tie `out` on; returns how many ties.
    /// A binary heap of the runs' current pairs, ties between equal pairs broken by run, so that a pair's
    /// entries are added in run order.
    private func merge(_ db: Database, runs: [(Run, Range<Int>)], people: PersonIndex, into columns: TieColumns, at out: Int) throws -> Int {
        let k = runs.count
        let cursors = UnsafeMutablePointer<RunCursor>.allocate(capacity: max(k, 1))
        var opened = 0
        defer {
            for i in 0..<opened { cursors[i].close() }
            cursors.deinitialize(count: opened)
            cursors.deallocate()
        }
        for (run, range) in runs {
            (cursors + opened).initialize(to: try RunCursor(db, run: run, entries: range, plan: self, people: people))
            opened += 1
        }
        let heapKeys = UnsafeMutablePointer<UInt64>.allocate(capacity: max(k, 1)), heapRuns = UnsafeMutablePointer<Int>.allocate(capacity: max(k, 1))
        defer { heapKeys.deallocate(); heapRuns.deallocate() }
        var size = 0
        for i in 0..<k where try cursors[i].advance() {
            heapKeys[size] = cursors[i].key
            heapRuns[size] = i
            size += 1
        }
        for i in stride(from: size / 2 - 1, through: 0, by: -1) { Self.siftDown(i, keys: heapKeys, runs: heapRuns, size: size) }
        guard let others = columns.others.map({ $0 + out }), let rowStart = columns.rowStart else { preconditionFailure("columns made compacted") }
        let weights = columns.weights + out, counts = columns.counts + out
        var n = -1
        var current = UInt64.max
        while size > 0 {
            let r = heapRuns[0], key = heapKeys[0]
            if key != current {
                n += 1
                others[n] = UInt32(truncatingIfNeeded: key)
                rowStart[Int(key >> 32) + 1] += 1
                weights[n] = 0
                counts[n] = 0
                current = key
            }
            weights[n] += cursors[r].weight
            counts[n] = counts[n] &+ UInt32(truncatingIfNeeded: cursors[r].links)
            if try cursors[r].advance() {
                heapKeys[0] = cursors[r].key
            } else {
                size -= 1
                heapKeys[0] = heapKeys[size]
                heapRuns[0] = heapRuns[size]
            }
            Self.siftDown(0, keys: heapKeys, runs: heapRuns, size: size)
        }
        return n + 1
    }

    @inline(__always)
    private static func siftDown(_ start: Int, keys: UnsafeMutablePointer<UInt64>, runs: UnsafeMutablePointer<Int>, size: Int) {
        var i = start
        let key = keys[i], run = runs[i]
        while true {
            var child = 2 * i + 1
            guard child < size else { break }
            if child + 1 < size, keys[child + 1] < keys[child] || (keys[child + 1] == keys[child] && runs[child + 1] < runs[child]) { child += 1 }
            guard keys[child] < key || (keys[child] == key && runs[child] < run) else { break }
            keys[i] = keys[child]
            runs[i] = runs[child]
            i = child
        }
        keys[i] = key
        runs[i] = run
    }

    /// Every kept entry handed to `add` a batch at a time, the runs in order; returns the links they sum.
    func fold<Tally>(
        _ db: Database, runs: some Sequence<Run>, people: PersonIndex, batch: Int, tally: inout Tally,
        add: (inout Tally, UnsafeBufferPointer<UInt64>, UnsafeBufferPointer<Double>, UnsafeBufferPointer<UInt32>?) -> Void
    ) throws -> Int {
        guard !keepsNothing else { return 0 }
        try verify(db)
        var pairs = [UInt64](repeating: 0, count: batch), weights = [Double](repeating: 0, count: batch), counts = [UInt32](repeating: 0, count: batch)
        var n = 0, links = 0
        func flush() {
            pairs.withUnsafeBufferPointer { p in
                weights.withUnsafeBufferPointer { w in
                    counts.withUnsafeBufferPointer { c in
                        add(&tally, UnsafeBufferPointer(rebasing: p[0..<n]), UnsafeBufferPointer(rebasing: w[0..<n]), UnsafeBufferPointer(rebasing: c[0..<n]))
                    }
                }
            }
            n = 0
        }
        for run in runs {
            var cursor = try RunCursor(db, run: run, entries: 0..<run.entries, plan: self, people: people)
            defer { cursor.close() }
            while try cursor.advance() {
                pairs[n] = cursor.key
                weights[n] = cursor.weight
                counts[n] = UInt32(truncatingIfNeeded: cursor.links)
                links += cursor.links
                n += 1
                if n == batch { flush() }
            }
        }
        if n > 0 { flush() }
        return links
    }
}

/// A run that does not read back as written (a database edited by hand): the link table is read instead.
struct PackDamage: Error {}

/// One run's kept entries in order, as pairs of indices into the snapshot's people.
private struct RunCursor {
    private var blob: OpaquePointer?
    private let base: Int64
    /// Where to stop reading.
    private let entries: Int
    private let people: PersonIndex
    private let months: ClosedRange<Int32>
    /// The next entry to read from the blob.
    private var read: Int
    private let buffer: UnsafeMutableRawPointer
    private var inBuffer = 0, position = 0
    /// Entries read from the blob at once: 96 KB, or the range when shorter.
    private static let mostBufferEntries = 4096
    private let bufferEntries: Int

    /// The current entry, after ``advance()`` returned true.
    private(set) var key: UInt64 = 0
    private(set) var weight = 0.0
    private(set) var links = 0
    /// The last pair in the run's own order, kept or not: runs are sorted, or damaged.
    private var lastIDs: UInt64 = 0

    /// Reads the run's entries in `range` (of its entry numbers).
    init(_ db: Database, run: PackPlan.Run, entries range: Range<Int>, plan: PackPlan, people: PersonIndex) throws {
        base = run.base
        entries = range.upperBound
        read = range.lowerBound
        self.people = people
        months = plan.months
        bufferEntries = max(1, min(Self.mostBufferEntries, range.count))
        buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferEntries * LinkPack.entryBytes, alignment: 8)
        var handle: OpaquePointer?
        let code = sqlite3_blob_open(db.sqliteConnection, "main", "link_pack", "data", run.rowID, 0, &handle)
        guard code == SQLITE_OK, let handle else {
            sqlite3_blob_close(handle)
            buffer.deallocate()
            if code == SQLITE_ERROR { throw PackDamage() }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        blob = handle
        guard Int(sqlite3_blob_bytes(handle)) == run.entries * LinkPack.entryBytes, range.upperBound <= run.entries else { close(); throw PackDamage() }
    }

    mutating func close() {
        guard blob != nil else { return }
        sqlite3_blob_close(blob)
        blob = nil
        buffer.deallocate()
    }

    /// Moves to the next kept entry (both people in the snapshot, the month in range); false after the last.
    mutating func advance() throws -> Bool {
        while true {
            if position == inBuffer {
                guard read < entries else { return false }
                let n = min(bufferEntries, entries - read)
                let code = sqlite3_blob_read(blob, buffer, Int32(n * LinkPack.entryBytes), Int32(read * LinkPack.entryBytes))
                guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "reading a link pack") }
                read += n
                inBuffer = n
                position = 0
            }
            let at = position * LinkPack.entryBytes
            position += 1
            let first = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt32.self))
            let second = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self))
            let ids = UInt64(first) << 32 | UInt64(second)
            guard ids >= lastIDs, first < second else { throw PackDamage() }
            lastIDs = ids
            let month = Int32(littleEndian: buffer.loadUnaligned(fromByteOffset: at + 8, as: Int32.self))
            guard months.contains(month), let a = people.index(base + Int64(first)), let b = people.index(base + Int64(second)) else { continue }
            key = UInt64(a) << 32 | UInt64(b)
            links = Int(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: at + 12, as: UInt32.self)))
            weight = Double(bitPattern: UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self)))
            return true
        }
    }
}
