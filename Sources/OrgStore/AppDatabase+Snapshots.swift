import Foundation
import GRDB
import GRDBSQLite
import OrgModel

extension AppDatabase {
    /// Every snapshot, oldest first (by as-of date, then import order).
    public func snapshots() throws -> [Snapshot] {
        try reader.read { db in
            try SnapshotRecord.order(SnapshotRecord.historyOrder).fetchAll(db).map { try $0.snapshot(in: path) }
        }
    }

    /// The snapshot with `id`, or the latest (by date, then import order) when `id` is nil.
    public func snapshot(id: Int64? = nil) throws -> Snapshot {
        let record = try reader.read { db in
            if let id { return try SnapshotRecord.fetchOne(db, key: id) }
            return try SnapshotRecord.order(SnapshotRecord.historyOrder.map { $0.desc }).fetchOne(db)
        }
        guard let record else {
            if let id { throw OrgMapError.snapshotNotFound(id: id, path: path) }
            throw OrgMapError.noSnapshot(path: path)
        }
        return try record.snapshot(in: path)
    }

    /// The snapshot just before `snapshot` in history order; nil for the first.
    public func snapshot(before snapshot: Snapshot) throws -> Snapshot? {
        let history = try snapshots()
        guard let i = history.firstIndex(where: { $0.id == snapshot.id }), i > 0 else { return nil }
        return history[i - 1]
    }

    /// The people of a snapshot, in the order of the file they came from.
    public func organization(snapshotID: Int64) throws -> Organization {
        try reader.read { db in
            // One pass over the snapshot's people, the few departments and teams and the dotted lines read
            // beforehand and managers' keys matched afterwards: joining each person to their manager and their
            // dotted lines row by row was half the time of reading a million people.
            let departments = try Self.names(db, "SELECT id, name FROM department")
            let teams = try Self.names(db, "SELECT id, name FROM team")
            var dotted: [Int64: [String]] = [:]
            let dottedRows = try Row.fetchCursor(db, sql: """
                SELECT dl.person_id, dm.person_key FROM dotted_line dl CROSS JOIN person p ON p.id = dl.person_id
                JOIN person dm ON dm.id = dl.manager_id WHERE p.snapshot_id = ? ORDER BY dl.person_id, dl.manager_id
                """, arguments: [snapshotID])
            while let row = try dottedRows.next() { dotted[row[0], default: []].append(row[1]) }
            let statement = try db.makeStatement(sql: """
                SELECT p.id, p.person_key, p.name, p.email, p.title, p.department_id, p.team_id, p.manager_id, p.level, p.location
                FROM person p JOIN department d ON d.id = p.department_id
                WHERE p.snapshot_id = ?
                ORDER BY p.id
                """)
            try statement.setArguments([snapshotID])
            let s = statement.sqliteStatement
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person WHERE snapshot_id = ?", arguments: [snapshotID]) ?? 0
            var people = People.Builder(capacity: count)
            var ids: [Int64] = [], managerIDs: [Int64?] = []
            ids.reserveCapacity(count)
            managerIDs.reserveCapacity(count)
            // Keys, names and emails go into the people's columns as bytes; titles, departments, teams, levels and
            // locations repeat from person to person and are kept once each (``People/Builder``).
            func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
                guard let bytes = sqlite3_column_text(s, column) else { return nil }
                return UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(s, column)))
            }
            func text(_ column: Int32) -> String? { bytes(column).map { String(decoding: $0, as: UTF8.self) } }
            let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            while true {
                let code = sqlite3_step(s)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection))) }
                let id = sqlite3_column_int64(s, 0)
                ids.append(id)
                managerIDs.append(sqlite3_column_type(s, 7) == SQLITE_NULL ? nil : sqlite3_column_int64(s, 7))
                // Each column's text stays where SQLite put it until the next step.
                let title = text(4), level = text(8), location = text(9)
                let team = sqlite3_column_type(s, 6) == SQLITE_NULL ? nil : teams[sqlite3_column_int64(s, 6)]
                people.appendBytes(
                    key: bytes(1) ?? none, name: bytes(2) ?? none, email: bytes(3), title: title,
                    department: departments[sqlite3_column_int64(s, 5)] ?? Department.unassigned, team: team,
                    level: level, location: location, dottedLineManagerKeys: dotted[id] ?? [])
            }
            // A manager is someone of the same snapshot: found by id among the people just read (ids are
            // consecutive, unless the file was edited by hand); anyone else is looked up by key.
            let consecutive = ids.last.map { $0 - ids[0] + 1 == Int64(ids.count) } ?? true
            let indexByID = consecutive ? [:] : Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            for (i, manager) in managerIDs.enumerated() {
                guard let manager else { continue }
                if let local = consecutive ? (manager >= ids[0] && manager <= ids[ids.count - 1] ? Int(manager - ids[0]) : nil) : indexByID[manager] {
                    people.setManager(of: i, index: local)
                } else if let key = try String.fetchOne(db, sql: "SELECT person_key FROM person WHERE id = ?", arguments: [manager]) {
                    people.setManager(of: i, key: key)
                }
            }
            return Organization(people: people.finish())
        }
    }

    /// `id → name` of every row of a small table of names (departments, teams), names shared by every person
    /// who has them.
    private static func names(_ db: Database, _ sql: String) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        let rows = try Row.fetchCursor(db, sql: sql)
        while let row = try rows.next() { names[row[0]] = row[1] }
        return names
    }

    /// How many links each snapshot has; snapshots without links are absent. A snapshot whose packed links are
    /// current (`link_pack_state`, docs/schema.md) has them counted there; others are counted through the link
    /// index (5 seconds for 100 million links).
    public func linkCounts() throws -> [Int64: Int] {
        try reader.read { db in
            var counts: [Int64: Int] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, COALESCE((SELECT links FROM link_pack_state WHERE snapshot_id = snapshot.id
                                     AND typeof(links) = 'integer' AND links >= 0 AND \(Self.linkPackIsGuarded)),
                                    (SELECT COUNT(*) FROM link WHERE snapshot_id = snapshot.id)) FROM snapshot
                """)
            for row in rows where (row[1] as Int) > 0 { counts[row[0]] = row[1] }
            return counts
        }
    }

    /// Every import, oldest first.
    public func imports() throws -> [ImportLogRecord] {
        try reader.read { db in try ImportLogRecord.order(ImportLogRecord.Columns.id).fetchAll(db) }
    }

    /// What SQLite's `integrity_check` and `foreign_key_check` find wrong; empty for a sound database.
    public func integrityProblems() throws -> [String] {
        try reader.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "\(row[0] as String? ?? "?") row \(row[1] as Int64? ?? -1) refers to a missing row of \(row[2] as String? ?? "?")"
            }
            return integrity + foreignKeys
        }
    }
}

extension AppDatabase {
    /// Calls `body` with each pair of people who have links in the snapshot, heaviest first, then by id: one
    /// row at a time, so a snapshot of millions of links is listed in bounded memory.
    public func forEachPair(snapshotID: Int64, _ body: (PairLinks) throws -> Void) throws {
        try reader.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT pa.person_key, pa.email, pa.name, pb.person_key, pb.email, pb.name,
                       t.weight, t.links, t.first_date, t.last_date, t.kinds
                FROM (SELECT MIN(source_id, target_id) AS a, MAX(source_id, target_id) AS b, TOTAL(weight) AS weight,
                             COUNT(*) AS links, MIN(date) AS first_date, MAX(date) AS last_date,
                             group_concat(DISTINCT replace(kind, ',', ';')) AS kinds
                      FROM link WHERE snapshot_id = ? GROUP BY a, b) t
                JOIN person pa ON pa.id = t.a
                JOIN person pb ON pb.id = t.b
                ORDER BY t.weight DESC, pa.person_key, pb.person_key
                """, arguments: [snapshotID])
            while let row = try rows.next() {
                var a = PairLinks.End(key: row[0], email: row[1], name: row[2])
                var b = PairLinks.End(key: row[3], email: row[4], name: row[5])
                if b.key < a.key { swap(&a, &b) }
                let kinds: String? = row[10]
                try body(PairLinks(
                    a: a, b: b, weight: row[6], links: row[7],
                    firstDate: (row[8] as String?).flatMap(CalendarDate.init), lastDate: (row[9] as String?).flatMap(CalendarDate.init),
                    kinds: kinds.map { $0.split(separator: ",").map(String.init).sorted() } ?? []))
            }
        }
    }
}

extension AppDatabase {
    /// Files of `kind` imports into `snapshotID` whose content is one of `digests` (SHA-256, lowercase hex).
    public func importedFiles(kind: ImportKind, snapshotID: Int64, digests: some Collection<String>) throws -> [ImportedFile] {
        try reader.read { db in try ImportedFile.fetch(db, kind: kind, snapshotID: snapshotID, digests: digests) }
    }
}

extension ImportedFile {
    /// As ``AppDatabase/importedFiles(kind:snapshotID:digests:)``, inside a transaction already open.
    public static func fetch(_ db: Database, kind: ImportKind, snapshotID: Int64, digests: some Collection<String>) throws -> [ImportedFile] {
        guard !digests.isEmpty else { return [] }
        let list = String(decoding: try JSONEncoder().encode(Array(digests)), as: UTF8.self)
        return try Row.fetchAll(db, sql: """
            SELECT f.name, f.sha256, l.id, l.imported_at FROM import_file f JOIN import_log l ON l.id = f.import_id
            WHERE l.kind = ? AND l.snapshot_id = ? AND f.sha256 IN (SELECT value FROM json_each(?))
            ORDER BY l.id, f.name
            """, arguments: [kind, snapshotID, list])
        .map { ImportedFile(name: $0[0], sha256: $0[1], importID: $0[2], importedAt: $0[3]) }
    }
}
