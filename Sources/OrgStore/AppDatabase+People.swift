import Foundation
import GRDB
import OrgModel

/// What an import did, for the import log.
public struct ImportRecord: Sendable {
    public var kind: String
    public var fileName: String
    public var sha256: String
    public var rowsRead: Int
    public var rowsStored: Int
    public var rowsSkipped: Int
    public var warnings: Int
    public var duration: TimeInterval

    public init(kind: String, fileName: String, sha256: String, rowsRead: Int, rowsStored: Int, rowsSkipped: Int, warnings: Int, duration: TimeInterval) {
        self.kind = kind
        self.fileName = fileName
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.rowsStored = rowsStored
        self.rowsSkipped = rowsSkipped
        self.warnings = warnings
        self.duration = duration
    }
}

extension AppDatabase {
    /// Stores an org chart as a new snapshot dated `asOf`, in one transaction: on any error nothing is written.
    /// `people` must be validated (unique keys, managers and dotted lines naming keys in the list).
    /// `managerRows` gives each person's manager as an index in `people` (-1 for a root), as the importer
    /// resolved it; when nil it is worked out from the managers' keys.
    @discardableResult
    public func importSnapshot(people: [Person], lines: [Int], managerRows: [Int32]? = nil, asOf: String, log: ImportRecord) throws -> Snapshot {
        precondition(people.count == lines.count && (managerRows?.count ?? people.count) == people.count)
        let importedAt = ISO8601DateFormatter().string(from: Date())
        return try withoutForeignKeyChecks { db in
            try db.execute(
                sql: "INSERT INTO snapshot (as_of, imported_at, source_file, source_sha256, person_count) VALUES (?, ?, ?, ?, ?)",
                arguments: [asOf, importedAt, log.fileName, log.sha256, people.count])
            let snapshotID = db.lastInsertedRowID
            let places = try insertPlaces(db, snapshotID: snapshotID, people: people)

            let firstID = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM person") ?? 0) + 1
            // Keys are hashed only when the caller gave no manager rows, or for dotted lines (rare).
            var rowByKey: [String: Int]?
            func row(ofKey key: String) -> Int? {
                if rowByKey == nil {
                    rowByKey = Dictionary(people.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
                }
                return rowByKey![key]
            }
            let insertPerson = try db.makeStatement(sql: """
                INSERT INTO person (id, snapshot_id, person_key, name, email, title, department_id, team_id, manager_id, level, location, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertDotted = try db.makeStatement(sql: "INSERT INTO dotted_line (person_id, manager_id) VALUES (?, ?)")
            insertPerson.bind(2, snapshotID)
            for i in people.indices {
                let id = firstID + Int64(i)
                let manager: Int? = if let managerRows { managerRows[i] < 0 ? nil : Int(managerRows[i]) } else { people[i].managerKey.flatMap(row(ofKey:)) }
                insertPerson.bind(1, id)
                insertPerson.bind(3, people[i].key)
                insertPerson.bind(4, people[i].name)
                insertPerson.bind(5, people[i].email)
                insertPerson.bind(6, people[i].title)
                insertPerson.bind(7, places.department[i])
                insertPerson.bind(8, places.team[i])
                insertPerson.bind(9, manager.map { firstID + Int64($0) })
                insertPerson.bind(10, people[i].level)
                insertPerson.bind(11, people[i].location)
                insertPerson.bind(12, lines[i])
                try insertPerson.stepDone()
                for key in people[i].dottedLineManagerKeys {
                    guard let manager = row(ofKey: key) else { continue }
                    insertDotted.bind(1, id)
                    insertDotted.bind(2, firstID + Int64(manager))
                    try insertDotted.stepDone()
                }
            }
            try appendLog(db, log, snapshotID: snapshotID, importedAt: importedAt)
            return Snapshot(id: snapshotID, asOf: asOf, importedAt: importedAt, sourceFile: log.fileName, sourceSHA256: log.sha256, personCount: people.count)
        }
    }

    /// Inserts the snapshot's departments and teams; returns each person's department id and team id.
    private func insertPlaces(_ db: Database, snapshotID: Int64, people: [Person]) throws -> (department: [Int64], team: [Int64?]) {
        var departmentIDs: [String: Int64] = [:]
        var teamIDs: [String: [String: Int64]] = [:]
        var department = [Int64](repeating: 0, count: people.count)
        var team = [Int64?](repeating: nil, count: people.count)
        let insertDepartment = try db.cachedStatement(sql: "INSERT INTO department (snapshot_id, name) VALUES (?, ?)")
        let insertTeam = try db.cachedStatement(sql: "INSERT INTO team (department_id, name) VALUES (?, ?)")
        for (i, p) in people.enumerated() {
            let departmentID: Int64
            if let known = departmentIDs[p.department] {
                departmentID = known
            } else {
                try insertDepartment.execute(arguments: [snapshotID, p.department])
                departmentID = db.lastInsertedRowID
                departmentIDs[p.department] = departmentID
            }
            department[i] = departmentID
            guard let name = p.team else { continue }
            if let known = teamIDs[p.department]?[name] {
                team[i] = known
            } else {
                try insertTeam.execute(arguments: [departmentID, name])
                team[i] = db.lastInsertedRowID
                teamIDs[p.department, default: [:]][name] = db.lastInsertedRowID
            }
        }
        return (department, team)
    }

    func appendLog(_ db: Database, _ log: ImportRecord, snapshotID: Int64?, importedAt: String) throws {
        try db.execute(sql: """
            INSERT INTO import_log (kind, snapshot_id, file_name, sha256, rows_read, rows_stored, rows_skipped, warnings, duration_ms, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [log.kind, snapshotID, log.fileName, log.sha256, log.rowsRead, log.rowsStored, log.rowsSkipped, log.warnings, Int((log.duration * 1000).rounded()), importedAt])
    }

    /// Every snapshot, oldest first.
    public func snapshots() throws -> [Snapshot] {
        try reader.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM snapshot ORDER BY as_of, id").map(Self.snapshot)
        }
    }

    /// The snapshot with `id`, or the latest (by date, then import order) when `id` is nil.
    public func snapshot(id: Int64? = nil) throws -> Snapshot {
        let row = try reader.read { db in
            if let id { return try Row.fetchOne(db, sql: "SELECT * FROM snapshot WHERE id = ?", arguments: [id]) }
            return try Row.fetchOne(db, sql: "SELECT * FROM snapshot ORDER BY as_of DESC, id DESC LIMIT 1")
        }
        guard let row else {
            if let id { throw OrgMapError.snapshotNotFound(id: id, path: path) }
            throw OrgMapError.noSnapshot(path: path)
        }
        return Self.snapshot(row)
    }

    /// The people of a snapshot, in the order of the file they came from.
    public func organization(snapshotID: Int64) throws -> Organization {
        try reader.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT p.person_key, p.name, p.email, p.title, d.name AS department, t.name AS team, m.person_key AS manager_key,
                       (SELECT group_concat(dm.person_key, char(31)) FROM dotted_line dl JOIN person dm ON dm.id = dl.manager_id
                        WHERE dl.person_id = p.id) AS dotted,
                       p.level, p.location
                FROM person p
                JOIN department d ON d.id = p.department_id
                LEFT JOIN team t ON t.id = p.team_id
                LEFT JOIN person m ON m.id = p.manager_id
                WHERE p.snapshot_id = ?
                ORDER BY p.id
                """, arguments: [snapshotID])
            var people: [Person] = []
            while let row = try rows.next() {
                let dotted: String? = row["dotted"]
                people.append(Person(
                    key: row["person_key"], name: row["name"], email: row["email"], title: row["title"],
                    department: row["department"], team: row["team"], managerKey: row["manager_key"],
                    dottedLineManagerKeys: dotted.map { $0.split(separator: "\u{1F}").map(String.init) } ?? [],
                    level: row["level"], location: row["location"]))
            }
            return Organization(people: people)
        }
    }

    private static func snapshot(_ row: Row) -> Snapshot {
        Snapshot(id: row["id"], asOf: row["as_of"], importedAt: row["imported_at"], sourceFile: row["source_file"], sourceSHA256: row["source_sha256"], personCount: row["person_count"])
    }
}
