import GRDB
import GRDBSQLite
import OrgModel

/// Reads a snapshot's links and sums them per pair of people, for the analysis: millions of rows, so the rows
/// are stepped through SQLite's C API, then sorted by pair and summed (a dictionary of millions of pairs cost
/// three times as much, docs/benchmarks.md).
package enum TieLoader {
    /// The snapshot's links summed per pair of people, as indices into its people ordered by id. `since` and
    /// `until` (inclusive) keep dated links in that range; undated links are kept only when no range is given.
    package static func ties(_ db: Database, snapshotID: Int64, since: CalendarDate?, until: CalendarDate?) throws -> [Tie] {
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM person WHERE snapshot_id = ? ORDER BY id", arguments: [snapshotID])
        guard let first = ids.first, let last = ids.last else { return [] }
        // A snapshot's people get consecutive ids at import; the dictionary is only for a database edited by hand.
        let consecutive = last - first + 1 == Int64(ids.count)
        let index = consecutive ? [:] : Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let layout = try linkLayout(db, snapshotID: snapshotID)
        var sql: String
        var arguments: StatementArguments
        if let ids = layout.ids {
            // The snapshot's links lie together in the table (imports append them): read that stretch of the
            // table in rowid order, the filter dropping any other snapshot's rows within it, rather than look
            // up each row through the snapshot index (a lookup a row: 40% more time on 5 million links).
            sql = "SELECT source_id, target_id, weight FROM link NOT INDEXED WHERE id BETWEEN ? AND ? AND snapshot_id = ?"
            arguments = [ids.lowerBound, ids.upperBound, snapshotID]
        } else {
            sql = "SELECT source_id, target_id, weight FROM link WHERE snapshot_id = ?"
            arguments = [snapshotID]
        }
        if let since { sql += " AND date >= ?"; arguments += [since.description] }
        if let until { sql += " AND date <= ?"; arguments += [until.description] }
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        var rows: [(pair: UInt64, weight: Double)] = []
        rows.reserveCapacity(layout.expectedRows)
        let s = statement.sqliteStatement
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw Statement.error(code, s) }
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
        return sumPerPair(&rows)
    }

    /// How many rows to reserve, and the span of link ids to read in rowid order when the snapshot's links lie
    /// together. Rows are reserved up front rather than grown by doubling (docs/benchmarks.md): the import log
    /// counts the rows stored, and the span of the snapshot's link ids (one index lookup each) bounds them. Both
    /// come from a file anyone can edit, so the figures are checked and the reservation capped; past it, the
    /// array grows. The span is read directly when it holds at most twice the logged rows (links of other
    /// snapshots imported in between would make it longer); a wrong figure costs time, never a row, since the
    /// snapshot filter still applies.
    private static func linkLayout(_ db: Database, snapshotID: Int64) throws -> (expectedRows: Int, ids: ClosedRange<Int64>?) {
        func integer(_ sql: String) throws -> Int? {
            try DatabaseValue.fetchOne(db, sql: sql, arguments: [snapshotID]).flatMap(Int.fromDatabaseValue)
        }
        guard let logged = try integer("SELECT TOTAL(rows_stored) FROM import_log WHERE kind = 'links' AND snapshot_id = ?"), logged > 0,
              let last = try integer("SELECT MAX(id) FROM link WHERE snapshot_id = ?"),
              let first = try integer("SELECT MIN(id) FROM link WHERE snapshot_id = ?") else { return (0, nil) }
        let (span, overflow) = last.subtractingReportingOverflow(first)
        guard !overflow, span >= 0 else { return (0, nil) }
        let together = span / 2 < logged
        return (min(min(span, logged - 1) + 1, 1 << 24), together ? Int64(first)...Int64(last) : nil)
    }

    /// Sorts the rows by pair (``PairSort``) and sums each pair's weights into one tie.
    private static func sumPerPair(_ rows: inout [(pair: UInt64, weight: Double)]) -> [Tie] {
        PairSort.sort(&rows)
        var pairs = rows.isEmpty ? 0 : 1
        for k in rows.indices.dropFirst() where rows[k].pair != rows[k - 1].pair { pairs += 1 }
        var ties: [Tie] = []
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
