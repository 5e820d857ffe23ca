import Foundation
import GRDB
import GRDBSQLite
import OrgModel
import OrgStore

/// Reads a snapshot's links and sums them per pair of people, for the analysis: millions of rows, so the rows
/// are stepped through SQLite's C API, a chunk at a time sorted by pair (``PairSort``), summed, and merged into
/// the ties read so far (``TieColumns/merge(_:counts:)``). Memory is the distinct pairs plus one chunk a reader:
/// no array of every link (docs/benchmarks.md). ``fold(_:snapshotID:since:until:tuning:start:add:)`` instead hands
/// the links, unsummed, to a tally of each reader's: what a comparison analysis needs.
///
/// A large snapshot whose links lie together in the table is read by two threads, each over half of its link
/// ids on a connection of its own. They merge their chunks in turn, first reader first, so the weights of a pair
/// are always added in the same order and the same database gives the same report to the last digit.
package enum TieLoader {
    /// How the reading is cut up; tests make the pieces small.
    package struct Tuning: Sendable {
        /// At most this many rows a reader sorts and merges at once: 32 MB of rows and 8 MB of counts.
        package var chunkRows = 1 << 21
        /// Chunks are an eighth of a reader's rows but at least this many (8 MB of rows, sorted in the cache), or
        /// all of a reader's rows when it has fewer; never more than `chunkRows`.
        package var smallChunkRows = 1 << 19
        /// From this many links, two readers (fewer are read in well under a second by one).
        package var twoReadersFrom = 400_000
        /// Links a reader hands to its tally at once in ``fold(_:snapshotID:since:until:tuning:start:add:)``.
        package var foldBatch = 1024

        package init() {}
    }

    /// The snapshot's links summed per pair of people, as indices into its people ordered by id. `since` and
    /// `until` (inclusive) keep dated links in that range; undated links are kept only when no range is given.
    package static func table(
        _ database: AppDatabase, snapshotID: Int64, since: CalendarDate?, until: CalendarDate?, tuning: Tuning = Tuning()
    ) throws -> TieTable {
        let (plan, packed) = try ReadPlan.trying(database, snapshotID: snapshotID, since: since, until: until) { pack, people in
            let readers = database.path == ":memory:" || pack.entries < tuning.twoReadersFrom ? 1 : 2
            let connections = try (0..<readers).map { $0 == 0 ? database : try database.anotherConnection() }
            return TieTable(columns: try pack.table(connections, people: people))
        }
        if let packed { return packed }
        let columns = TieColumns()
        guard let people = plan.people else { return TieTable(columns: columns) }
        // Room for as many pairs as links, taken up front: pages untouched cost nothing, and growing merge by merge
        // had the kernel clear and the allocator move pages again and again (a tenth of the time at 50 million).
        columns.reserve(min(plan.expectedRows, 1 << 27))
        let ranges = plan.ranges(twoReadersFrom: database.path == ":memory:" ? nil : tuning.twoReadersFrom)
        // Smaller chunks sort faster (on the reference workload 2 million rows a chunk took 3% more time than half
        // a million, and 60 MB more memory), but each merge moves every pair read so far: an eighth of a reader's
        // rows keeps the merges to eight a reader, up to the largest chunk.
        let perReader = plan.expectedRows / ranges.count + 1
        let capacity = min(tuning.chunkRows, max(min(perReader, tuning.smallChunkRows), perReader / 8, 1024))
        let connections = try ranges.indices.map { $0 == 0 ? database : try database.anotherConnection() }
        let turns = MergeTurns(readers: ranges.count)
        _ = try Parallel.map(Array(ranges.indices)) { r in
            defer { turns.finish(r) }
            try connections[r].read { db in
                try read(db, plan: plan, range: ranges[r], people: people, chunkRows: capacity, reader: r, turns: turns, into: columns)
            }
        }
        columns.compact(people: people.count)
        return TieTable(columns: columns)
    }

    /// Every kept link of the snapshot handed to a tally of its reader's, without summing per pair: what a
    /// comparison with an earlier snapshot needs, whose figures add up link by link. One tally a reader (two from
    /// `twoReadersFrom` links, each over half of the link ids, or each over every other run of a pack), returned
    /// in reader order with how many links were kept; the same database gives the same tallies. Links to people
    /// outside the snapshot and links from a person to themselves are left out, as
    /// ``table(_:snapshotID:since:until:tuning:)`` leaves them out.
    ///
    /// `add(&tally, pairs, weights, counts)` takes links a batch at a time (`pairs[k]` is `a << 32 | b`, `a < b`, as
    /// indices into the snapshot's people ordered by id), so that it can read what it needs of a batch's people at
    /// once. `counts` is nil when each is one link (read from the link table); from a pack, `counts[k]` links of
    /// one pair and month are summed in `weights[k]`.
    package static func fold<Tally: Sendable>(
        _ database: AppDatabase, snapshotID: Int64, since: CalendarDate?, until: CalendarDate?, tuning: Tuning = Tuning(),
        start: @escaping @Sendable () -> Tally,
        add: @escaping @Sendable (inout Tally, UnsafeBufferPointer<UInt64>, UnsafeBufferPointer<Double>, UnsafeBufferPointer<UInt32>?) -> Void
    ) throws -> (tallies: [Tally], links: Int) {
        let (plan, packed) = try ReadPlan.trying(database, snapshotID: snapshotID, since: since, until: until) { pack, people in
            try foldPack(database, pack: pack, people: people, batch: tuning.foldBatch, start: start, add: add)
        }
        if let packed { return packed }
        guard let people = plan.people else { return ([start()], 0) }
        let ranges = plan.ranges(twoReadersFrom: database.path == ":memory:" ? nil : tuning.twoReadersFrom)
        let connections = try ranges.indices.map { $0 == 0 ? database : try database.anotherConnection() }
        let batch = tuning.foldBatch
        let results = try Parallel.map(Array(ranges.indices)) { r in
            try connections[r].read { db in
                var tally = start()
                var links = 0
                var pairs = [UInt64](repeating: 0, count: batch), weights = [Double](repeating: 0, count: batch)
                var rows = try RowCursor(db, plan: plan, range: ranges[r], people: people)
                while true {
                    var n = 0
                    while n < batch, let (a, b, weight) = try rows.next() {
                        pairs[n] = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
                        weights[n] = weight
                        n += 1
                    }
                    if n == 0 { break }
                    pairs.withUnsafeBufferPointer { p in
                        weights.withUnsafeBufferPointer { w in add(&tally, UnsafeBufferPointer(rebasing: p[0..<n]), UnsafeBufferPointer(rebasing: w[0..<n]), nil) }
                    }
                    links += n
                }
                return FoldResult(tally: tally, links: links)
            }
        }
        return (results.map(\.tally), results.reduce(0) { $0 + $1.links })
    }

    /// ``fold(_:snapshotID:since:until:tuning:start:add:)`` from the snapshot's pack: two readers from two runs,
    /// each over every other run, on a connection of its own.
    private static func foldPack<Tally: Sendable>(
        _ database: AppDatabase, pack: PackPlan, people: PersonIndex, batch: Int, start: @escaping @Sendable () -> Tally,
        add: @escaping @Sendable (inout Tally, UnsafeBufferPointer<UInt64>, UnsafeBufferPointer<Double>, UnsafeBufferPointer<UInt32>?) -> Void
    ) throws -> (tallies: [Tally], links: Int) {
        let readers = pack.runs.count >= 2 && database.path != ":memory:" ? 2 : 1
        let connections = try (0..<readers).map { $0 == 0 ? database : try database.anotherConnection() }
        let results = try Parallel.map(Array(0..<readers)) { r in
            try connections[r].read { db in
                var tally = start()
                let runs = stride(from: r, to: pack.runs.count, by: readers).lazy.map { pack.runs[$0] }
                let links = try pack.fold(db, runs: runs, people: people, batch: batch, tally: &tally, add: add)
                return FoldResult(tally: tally, links: links)
            }
        }
        return (results.map(\.tally), results.reduce(0) { $0 + $1.links })
    }

    /// Steps one reader's rows into chunks and merges each, in its turn.
    private static func read(
        _ db: Database, plan: ReadPlan, range: ClosedRange<Int64>?, people: PersonIndex, chunkRows capacity: Int, reader: Int, turns: MergeTurns,
        into columns: TieColumns
    ) throws {
        var rows: [PairSort.Row] = []
        rows.reserveCapacity(capacity)
        var counts = [UInt32](repeating: 0, count: capacity)
        func mergeChunk() {
            let unique = sumPerPair(&rows, counts: &counts)
            turns.inTurn(reader) {
                rows.withUnsafeBufferPointer { run in
                    counts.withUnsafeBufferPointer { runCounts in
                        columns.merge(UnsafeBufferPointer(rebasing: run[0..<unique]), counts: UnsafeBufferPointer(rebasing: runCounts[0..<unique]))
                    }
                }
            }
            rows.removeAll(keepingCapacity: true)
        }
        var cursor = try RowCursor(db, plan: plan, range: range, people: people)
        while let (a, b, weight) = try cursor.next() {
            rows.append((UInt64(min(a, b)) << 32 | UInt64(max(a, b)), weight))
            if rows.count == capacity { mergeChunk() }
        }
        if !rows.isEmpty { mergeChunk() }
    }

    /// Sorts the rows by pair and sums each pair's weights into its first row, the pairs at the front in order,
    /// how many rows each summed in `counts`; returns how many pairs.
    private static func sumPerPair(_ rows: inout [PairSort.Row], counts: inout [UInt32]) -> Int {
        PairSort.sort(&rows)
        var out = 0
        var i = 0
        while i < rows.count {
            let pair = rows[i].pair
            var weight = 0.0
            var j = i
            while j < rows.count, rows[j].pair == pair {
                weight += rows[j].weight
                j += 1
            }
            rows[out] = (pair, weight)
            counts[out] = UInt32(j - i)
            out += 1
            i = j
        }
        return out
    }
}

/// A snapshot's people as row numbers: person ids to indices into its people ordered by id.
struct PersonIndex: Sendable {
    let first: Int64
    let count: Int
    /// Only for a database edited by hand: a snapshot's people get consecutive ids at import.
    let scattered: [Int64: Int]?
    /// The id of the person at index `count / 2`, where two readers split the pairs by their first person.
    let middle: Int64

    init?(ids: [Int64]) {
        guard let first = ids.first, let last = ids.last else { return nil }
        self.first = first
        count = ids.count
        middle = ids[ids.count / 2]
        scattered = last - first + 1 == Int64(ids.count) ? nil : Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    }

    @inline(__always)
    func index(_ id: Int64) -> Int? {
        if let scattered { return scattered[id] }
        let i = id &- first
        return i >= 0 && i < Int64(count) ? Int(i) : nil
    }
}

/// One reader's rows, stepped through SQLite's C API: each link between two different people of the snapshot, as
/// indices into its people, with its weight.
private struct RowCursor {
    private let statement: Statement
    private let people: PersonIndex
    /// Set at the last row: SQLite would start the statement over if stepped again.
    private var done = false

    init(_ db: Database, plan: ReadPlan, range: ClosedRange<Int64>?, people: PersonIndex) throws {
        var sql = "SELECT source_id, target_id, weight FROM link"
        var arguments: StatementArguments
        if let range {
            // The snapshot's links lie together in the table (imports append them): read that stretch of the
            // table in rowid order, a filter dropping any other snapshot's rows within it, rather than look
            // up each row through the snapshot index (a lookup a row: 40% more time on 5 million links).
            // When no other snapshot's link lies in the span, no row needs its snapshot tested (8% of SQLite's
            // time on these rows).
            sql += " NOT INDEXED WHERE id BETWEEN ? AND ?"
            arguments = [range.lowerBound, range.upperBound]
            if !plan.spanIsExclusive {
                sql += " AND snapshot_id = ?"
                arguments += [plan.snapshotID]
            }
        } else {
            sql += " WHERE snapshot_id = ?"
            arguments = [plan.snapshotID]
        }
        if let since = plan.since { sql += " AND date >= ?"; arguments += [since.description] }
        if let until = plan.until { sql += " AND date <= ?"; arguments += [until.description] }
        statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        self.people = people
    }

    /// The next link; nil after the last, and from then on.
    @inline(__always)
    mutating func next() throws -> (Int, Int, Double)? {
        let s = statement.sqliteStatement
        while !done {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { done = true; return nil }
            guard code == SQLITE_ROW else { throw Statement.error(code, s) }
            guard let a = people.index(sqlite3_column_int64(s, 0)), let b = people.index(sqlite3_column_int64(s, 1)), a != b else { continue }
            return (a, b, sqlite3_column_double(s, 2))
        }
        return nil
    }
}

/// One reader's tally and how many links it was given, as it comes back from its thread.
private struct FoldResult<Tally: Sendable>: Sendable {
    var tally: Tally
    var links: Int
}

/// What the readers of one snapshot's links share: the people, the date range, where the links lie.
struct ReadPlan: Sendable {
    let snapshotID: Int64
    let since: CalendarDate?
    let until: CalendarDate?
    let people: PersonIndex?
    /// How many rows to expect, from the import log (checked, capped).
    let expectedRows: Int
    /// The span of the snapshot's link ids, when they lie together.
    let span: ClosedRange<Int64>?
    /// No link of another snapshot (or of none: a row whose snapshot was removed with foreign keys off) has an id
    /// within `span`.
    let spanIsExclusive: Bool
    /// The snapshot's pack, read instead of the link table when current and the range is whole months.
    let pack: PackPlan?

    /// The plan for the snapshot's links, and `fromPack`'s result when it has a pack to read: nil when it has none,
    /// or when the pack turns out damaged while read (the plan is then the link table's).
    static func trying<T>(
        _ database: AppDatabase, snapshotID: Int64, since: CalendarDate?, until: CalendarDate?, fromPack: (PackPlan, PersonIndex) throws -> T
    ) throws -> (plan: ReadPlan, fromPack: T?) {
        let plan = try database.read { db in try ReadPlan(db, snapshotID: snapshotID, since: since, until: until) }
        guard let pack = plan.pack, let people = plan.people else { return (plan, nil) }
        do {
            return (plan, try fromPack(pack, people))
        } catch is PackDamage {
            return (try database.read { db in try ReadPlan(db, snapshotID: snapshotID, since: since, until: until, usingPack: false) }, nil)
        }
    }

    init(_ db: Database, snapshotID: Int64, since: CalendarDate?, until: CalendarDate?, usingPack: Bool = true) throws {
        self.snapshotID = snapshotID
        self.since = since
        self.until = until
        people = PersonIndex(ids: try Int64.fetchAll(db, sql: "SELECT id FROM person WHERE snapshot_id = ? ORDER BY id", arguments: [snapshotID]))
        pack = usingPack ? try PackPlan(db, snapshotID: snapshotID, since: since, until: until) : nil
        if pack != nil {
            (expectedRows, span, spanIsExclusive) = (0, nil, false)
            return
        }
        (expectedRows, span) = try Self.linkLayout(db, snapshotID: snapshotID)
        spanIsExclusive = try span.map { try !Self.othersLinks(db, within: $0, snapshotID: snapshotID) } ?? false
    }

    /// Whether the links of any other snapshot id reach into `span`: each snapshot id the links use, found in
    /// the snapshot index one after another, and the first and last of its link ids (two index lookups each).
    private static func othersLinks(_ db: Database, within span: ClosedRange<Int64>, snapshotID: Int64) throws -> Bool {
        var after: Int64?
        func next() throws -> DatabaseValue? {
            try after.map { try DatabaseValue.fetchOne(db, sql: "SELECT snapshot_id FROM link WHERE snapshot_id > ? ORDER BY snapshot_id LIMIT 1", arguments: [$0]) }
                ?? DatabaseValue.fetchOne(db, sql: "SELECT snapshot_id FROM link ORDER BY snapshot_id LIMIT 1")
        }
        while let value = try next() {
            // A snapshot id that is not a number (typed into the file by hand) is never passed over.
            guard case .int64(let other) = value.storage else { return true }
            after = other
            guard other != snapshotID else { continue }
            guard let first = try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM link WHERE snapshot_id = ?", arguments: [other]),
                  let last = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM link WHERE snapshot_id = ?", arguments: [other]) else { continue }
            if first <= span.upperBound && last >= span.lowerBound { return true }
        }
        return false
    }

    /// One id range a reader; nil for a reader that goes through the snapshot index. Two readers from
    /// `twoReadersFrom` rows, when given (an in-memory database has one connection).
    func ranges(twoReadersFrom: Int?) -> [ClosedRange<Int64>?] {
        guard let span else { return [nil] }
        guard let twoReadersFrom, expectedRows >= twoReadersFrom, span.upperBound > span.lowerBound else { return [span] }
        let middle = span.lowerBound + (span.upperBound - span.lowerBound) / 2
        return [span.lowerBound...middle, (middle + 1)...span.upperBound]
    }

    /// How many rows to expect, and the span of link ids to read in rowid order when the snapshot's links lie
    /// together. The import log counts the rows stored, and the span of the snapshot's link ids (one index lookup
    /// each) bounds them. Both come from a file anyone can edit, so the figures are checked; a wrong one costs
    /// time, never a row: the span's rows are tested for their snapshot unless the links themselves show that no
    /// other snapshot's lie there (`othersLinks`). The span is read directly when it holds at most twice the logged
    /// rows (links of other snapshots imported in between would make it longer).
    private static func linkLayout(_ db: Database, snapshotID: Int64) throws -> (expectedRows: Int, span: ClosedRange<Int64>?) {
        func integer(_ sql: String) throws -> Int? {
            try DatabaseValue.fetchOne(db, sql: sql, arguments: [snapshotID]).flatMap(Int.fromDatabaseValue)
        }
        guard let logged = try integer("SELECT TOTAL(rows_stored) FROM import_log WHERE kind = 'links' AND snapshot_id = ?"), logged > 0,
              let last = try integer("SELECT MAX(id) FROM link WHERE snapshot_id = ?"),
              let first = try integer("SELECT MIN(id) FROM link WHERE snapshot_id = ?") else { return (0, nil) }
        let (span, overflow) = last.subtractingReportingOverflow(first)
        guard !overflow, span >= 0 else { return (0, nil) }
        let together = span / 2 < logged
        return (min(span, logged - 1) + 1, together ? Int64(first)...Int64(last) : nil)
    }
}

/// Whose turn it is to merge: readers take turns, one chunk each, first reader first, skipping readers that are
/// done. The order of merges then depends only on how many chunks each reader has, never on timing.
///
/// `@unchecked Sendable`: every stored property is read and written only with `condition` locked.
final class MergeTurns: @unchecked Sendable {
    private let condition = NSCondition()
    private var current = 0
    private var done: [Bool]

    init(readers: Int) { done = Array(repeating: false, count: readers) }

    /// Runs `body` when it is `reader`'s turn, then passes the turn on.
    func inTurn(_ reader: Int, _ body: () -> Void) {
        condition.lock()
        while current != reader { condition.wait() }
        condition.unlock()
        body()
        condition.lock()
        advance(from: reader)
        condition.broadcast()
        condition.unlock()
    }

    /// `reader` has merged its last chunk (or failed): it is skipped from now on.
    func finish(_ reader: Int) {
        condition.lock()
        done[reader] = true
        if current == reader { advance(from: reader) }
        condition.broadcast()
        condition.unlock()
    }

    private func advance(from reader: Int) {
        for step in 1...done.count {
            let next = (reader + step) % done.count
            if !done[next] { current = next; return }
        }
    }
}
