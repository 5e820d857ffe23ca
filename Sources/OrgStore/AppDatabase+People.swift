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

/// People on their way from the thread that reads the org chart to the one that inserts them, ready to bind:
/// text in one arena, departments and teams as numbers (see ``PersonBatcher``).
public struct PersonBatch: Sendable {
    fileprivate var text: [UInt8] = []
    /// Per person, ``PersonBatch/columns`` (start, count) pairs into `text`; a count of -1 is NULL.
    fileprivate var spans: [Int32] = []
    fileprivate var rows: [Int32] = []
    fileprivate var lines: [Int] = []
    fileprivate var managerRows: [Int32] = []
    fileprivate var departments: [Int32] = []
    /// -1 for no team.
    fileprivate var teams: [Int32] = []
    /// Departments and teams first seen in this batch, numbered on from those of earlier batches.
    fileprivate var newDepartments: [String] = []
    fileprivate var newTeams: [(department: Int32, name: String)] = []

    /// key, name, email, title, level, location.
    fileprivate static let columns = 6

    public var count: Int { rows.count }

    fileprivate mutating func append(_ value: String?) {
        guard var value else {
            spans.append(0)
            spans.append(-1)
            return
        }
        spans.append(Int32(text.count))
        value.withUTF8 { text.append(contentsOf: $0) }
        spans.append(Int32(value.utf8.count))
    }
}

/// Builds ``PersonBatch``es on the reading thread, numbering departments and teams as they first appear.
public struct PersonBatcher: Sendable {
    private struct TeamKey: Hashable {
        var department: Int32
        var name: String
    }

    private var departments = TextKeyTable()
    private var teams: [TeamKey: Int32] = [:]
    public private(set) var batch = PersonBatch()

    public init() {}

    /// `row` is the person's index in the whole import (it fixes their id); `managerRow` the manager's when
    /// known while reading, -1 otherwise (``PeopleWriter/finish(people:managerRows:)`` sets it then).
    public mutating func append(_ person: Person, row: Int, line: Int, managerRow: Int32) {
        let department: Int32
        if let known = departments.insert(person.department, id: Int64(departments.count)) {
            department = Int32(known)
        } else {
            department = Int32(departments.count - 1)
            batch.newDepartments.append(person.department)
        }
        var team: Int32 = -1
        if let name = person.team {
            let key = TeamKey(department: department, name: name)
            if let known = teams[key] {
                team = known
            } else {
                team = Int32(teams.count)
                teams[key] = team
                batch.newTeams.append((department, name))
            }
        }
        batch.append(person.key)
        batch.append(person.name)
        batch.append(person.email)
        batch.append(person.title)
        batch.append(person.level)
        batch.append(person.location)
        batch.rows.append(Int32(row))
        batch.lines.append(line)
        batch.managerRows.append(managerRow)
        batch.departments.append(department)
        batch.teams.append(team)
    }

    /// Time to hand the batch over: 4,096 people, or 8 MiB of text (fields may be long; offsets are 32-bit).
    public var isFull: Bool { batch.count >= 4_096 || batch.text.count >= 8 << 20 }

    /// The batch built so far; the next one starts empty.
    public mutating func take() -> PersonBatch {
        defer { batch = PersonBatch() }
        return batch
    }
}

/// Inserts the people of one org chart snapshot, inside its transaction, while the file is still being read.
/// A person's id is the snapshot's first id plus their row, so a manager's id is known before the manager
/// is inserted; managers not known while reading are set by ``finish(people:managerRows:)``.
public final class PeopleWriter {
    public let snapshotID: Int64
    private let firstID: Int64
    private let db: Database
    private let insertPeople: MultiRowInsert
    private let insertDepartment: Statement
    private let insertTeam: Statement
    /// By the batches' numbering.
    private var departmentIDs: [Int64] = []
    private var teamIDs: [Int64] = []
    /// The manager row each inserted person was stored with, -1 for none; by row.
    private var storedManagers: [Int32] = []
    public private(set) var stored = 0

    init(db: Database, snapshotID: Int64) throws {
        self.db = db
        self.snapshotID = snapshotID
        firstID = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM person") ?? 0) + 1
        insertPeople = try MultiRowInsert(
            db, head: "INSERT INTO person (id, snapshot_id, person_key, name, email, title, level, location, department_id, team_id, manager_id, source_line) VALUES",
            row: "(?, \(snapshotID), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rowsPerStatement: 32)
        insertDepartment = try db.makeStatement(sql: "INSERT INTO department (snapshot_id, name) VALUES (?, ?)")
        insertTeam = try db.makeStatement(sql: "INSERT INTO team (department_id, name) VALUES (?, ?)")
    }

    public func insert(_ batch: PersonBatch) throws {
        for name in batch.newDepartments {
            try insertDepartment.execute(arguments: [snapshotID, name])
            departmentIDs.append(db.lastInsertedRowID)
        }
        for team in batch.newTeams {
            try insertTeam.execute(arguments: [departmentIDs[Int(team.department)], team.name])
            teamIDs.append(db.lastInsertedRowID)
        }
        let columns = PersonBatch.columns
        try batch.text.withUnsafeBufferPointer { text in
            // The text stays put until the statement is stepped: bound without a copy. (The pointers stay
            // bound after this batch is gone; every row rebinds all of them before a step.)
            try insertPeople.run(count: batch.count) { i, statement, first in
                let manager = batch.managerRows[i]
                statement.bind(first + 1, firstID + Int64(batch.rows[i]))
                for c in 0..<columns {
                    let count = Int(batch.spans[(i * columns + c) * 2 + 1])
                    let start = Int(batch.spans[(i * columns + c) * 2])
                    statement.bindStatic(first + 2 + Int32(c), count < 0 ? nil : UnsafeBufferPointer(rebasing: text[start..<start + count]))
                }
                statement.bind(first + 8, departmentIDs[Int(batch.departments[i])])
                statement.bind(first + 9, batch.teams[i] < 0 ? nil : teamIDs[Int(batch.teams[i])])
                statement.bind(first + 10, manager < 0 ? nil : firstID + Int64(manager))
                statement.bind(first + 11, batch.lines[i])
            }
        }
        for (row, manager) in zip(batch.rows, batch.managerRows) {
            if Int(row) >= storedManagers.count {
                storedManagers.append(contentsOf: repeatElement(-1, count: Int(row) + 1 - storedManagers.count))
            }
            storedManagers[Int(row)] = manager
        }
        stored += batch.count
    }

    /// Once every person is inserted, with the whole chart validated: sets each manager that differs from the
    /// one stored while reading (a manager further down the file, or matched by email or name), and stores
    /// dotted lines. `managerRows` is parallel to `people`, -1 for a root; nil works managers out from their keys.
    public func finish(people: [Person], managerRows: [Int32]?) throws {
        precondition(stored == people.count && (managerRows?.count ?? people.count) == people.count)
        // Keys are hashed only when the caller gave no manager rows, or for dotted lines (rare).
        var rowByKey: [String: Int]?
        func row(ofKey key: String) -> Int? {
            if rowByKey == nil {
                rowByKey = Dictionary(people.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
            }
            return rowByKey![key]
        }
        let setManager = try db.makeStatement(sql: "UPDATE person SET manager_id = ? WHERE id = ?")
        let insertDotted = try db.makeStatement(sql: "INSERT INTO dotted_line (person_id, manager_id) VALUES (?, ?)")
        for i in people.indices {
            let id = firstID + Int64(i)
            let manager: Int32 = if let managerRows { managerRows[i] } else { people[i].managerKey.flatMap(row(ofKey:)).map(Int32.init) ?? -1 }
            if manager != storedManagers[i] {
                setManager.bind(1, manager < 0 ? nil : firstID + Int64(manager))
                setManager.bind(2, id)
                try setManager.stepDone()
            }
            for key in people[i].dottedLineManagerKeys {
                guard let dotted = row(ofKey: key) else { continue }
                insertDotted.bind(1, id)
                insertDotted.bind(2, firstID + Int64(dotted))
                try insertDotted.stepDone()
            }
        }
    }
}

extension AppDatabase {
    /// Stores an org chart as a new snapshot dated `asOf`, in one transaction: `body` inserts the people
    /// through the writer and returns the import's record (file fingerprint, counts). Any error thrown rolls
    /// everything back.
    @discardableResult
    public func importSnapshot(asOf: String, fileName: String, _ body: (PeopleWriter) throws -> ImportRecord) throws -> Snapshot {
        let importedAt = ISO8601DateFormatter().string(from: Date())
        return try withoutForeignKeyChecks { db in
            try db.execute(
                sql: "INSERT INTO snapshot (as_of, imported_at, source_file, source_sha256, person_count) VALUES (?, ?, ?, '', 0)",
                arguments: [asOf, importedAt, fileName])
            let snapshotID = db.lastInsertedRowID
            let writer = try PeopleWriter(db: db, snapshotID: snapshotID)
            let log = try body(writer)
            try db.execute(sql: "UPDATE snapshot SET source_sha256 = ?, person_count = ? WHERE id = ?", arguments: [log.sha256, writer.stored, snapshotID])
            try appendLog(db, log, snapshotID: snapshotID, importedAt: importedAt)
            return Snapshot(id: snapshotID, asOf: asOf, importedAt: importedAt, sourceFile: fileName, sourceSHA256: log.sha256, personCount: writer.stored)
        }
    }

    /// Stores validated people (unique keys, managers and dotted lines naming keys in the list) as a new
    /// snapshot, in one transaction. `managerRows` gives each person's manager as an index in `people`
    /// (-1 for a root); when nil it is worked out from the managers' keys.
    @discardableResult
    public func importSnapshot(people: [Person], lines: [Int], managerRows: [Int32]? = nil, asOf: String, log: ImportRecord) throws -> Snapshot {
        precondition(people.count == lines.count && (managerRows?.count ?? people.count) == people.count)
        return try importSnapshot(asOf: asOf, fileName: log.fileName) { writer in
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
