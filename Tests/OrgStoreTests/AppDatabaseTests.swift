import Foundation
import GRDB
import Testing
import OrgFastPath
@testable import OrgStore
import OrgModel

func temporaryPath(_ name: String = "orgmap.sqlite") -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orgmap-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
}

let samplePeople = [
    Person(key: "E1", name: "Maya Castillo", email: "maya@nw.io", title: "CEO", department: "Executive"),
    Person(key: "E3", name: "Priya Raman", title: "VP Engineering", department: "Engineering", team: "Leadership", managerKey: "E2"),
    Person(key: "E2", name: "Daniel Okafor", title: "CTO", department: "Engineering", managerKey: "E1"),
    Person(key: "E4", name: "Marcus Reid", title: "CRO", department: "Sales", managerKey: "E1", dottedLineManagerKeys: ["E2"], level: "E2", location: "New York"),
]

/// A day for tests, written as text.
func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

func record(_ count: Int) -> ImportLogRecord {
    ImportLogRecord(kind: .people, fileName: "people.csv", sha256: String(repeating: "a", count: 64), rowsRead: count, rowsStored: count, rowsSkipped: 0, warnings: 0, duration: 0.5)
}

struct AppDatabaseTests {
    @Test func snapshotRoundTrip() throws {
        let db = try AppDatabase.inMemory()
        let snapshot = try db.storeSnapshot(people: samplePeople, lines: [2, 3, 4, 5], asOf: day("2026-11-01"), log: record(4))
        #expect(snapshot.personCount == 4)
        let org = try db.organization(snapshotID: snapshot.id)
        #expect(Array(org.people) == samplePeople)
        #expect(org.roots == [0])
        #expect(org.depths() == [0, 2, 1, 1])
    }

    /// A snapshot edited by hand: ids with gaps, a manager from another snapshot, dotted lines inserted out of
    /// order. The org chart reads back in id order, managers by key, dotted-line managers in id order.
    @Test func anOrgChartWithGapsInItsIdsReadsBack() throws {
        let db = try AppDatabase.inMemory()
        let first = try db.storeSnapshot(people: samplePeople, lines: [2, 3, 4, 5], asOf: day("2026-11-01"), log: record(4))
        let outsider = try #require(try db.read { try Int64.fetchOne($0, sql: "SELECT id FROM person WHERE snapshot_id = ? AND person_key = 'E3'", arguments: [first.id]) })
        let second = try db.write { db -> Int64 in
            try db.execute(sql: "INSERT INTO snapshot (as_of, imported_at, source_file, source_sha256, person_count) VALUES ('2026-12-01', '2026-12-01T00:00:00Z', 'edited.csv', 'x', 4)")
            let snapshot = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO department (id, snapshot_id, name) VALUES (900, ?, 'Engineering'), (901, ?, 'Sales')", arguments: [snapshot, snapshot])
            try db.execute(sql: "INSERT INTO team (id, department_id, name) VALUES (950, 900, 'Platform')")
            let people: [(Int64, String, String, Int64, Int64?, Int64?, String?)] = [
                (5000, "K1", "Ana Lind", 900, nil, nil, nil),
                (5003, "K2", "Ben Ito", 900, 950, 5000, "Berlin"),
                (5010, "K3", "Cy Moss", 901, nil, 5003, nil),
                (5011, "K4", "Di Park", 901, nil, outsider, nil),
            ]
            for (id, key, name, department, team, manager, location) in people {
                try db.execute(
                    sql: "INSERT INTO person (id, snapshot_id, person_key, name, department_id, team_id, manager_id, location, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 2)",
                    arguments: [id, snapshot, key, name, department, team, manager, location])
            }
            try db.execute(sql: "INSERT INTO dotted_line (person_id, manager_id) VALUES (5010, 5011), (5010, 5000), (5003, 5010)")
            return snapshot
        }
        let org = try db.organization(snapshotID: second)
        #expect(Array(org.people) == [
            Person(key: "K1", name: "Ana Lind", department: "Engineering"),
            Person(key: "K2", name: "Ben Ito", department: "Engineering", team: "Platform", managerKey: "K1", dottedLineManagerKeys: ["K3"], location: "Berlin"),
            Person(key: "K3", name: "Cy Moss", department: "Sales", managerKey: "K2", dottedLineManagerKeys: ["K1", "K4"]),
            Person(key: "K4", name: "Di Park", department: "Sales", managerKey: "E3"),
        ])
        #expect(try Array(db.organization(snapshotID: first.id).people) == samplePeople)
    }

    @Test func latestSnapshotIsByDateThenImportOrder() throws {
        let db = try AppDatabase.inMemory()
        try db.storeSnapshot(people: samplePeople, lines: [2, 3, 4, 5], asOf: day("2026-11-01"), log: record(4))
        let older = try db.storeSnapshot(people: Array(samplePeople.prefix(1)), lines: [2], asOf: day("2026-10-01"), log: record(1))
        let sameDay = try db.storeSnapshot(people: Array(samplePeople.prefix(1)), lines: [2], asOf: day("2026-11-01"), log: record(1))
        #expect(try db.snapshot().id == sameDay.id)
        #expect(try db.snapshots().map(\.asOf.description) == ["2026-10-01", "2026-11-01", "2026-11-01"])
        #expect(try db.snapshot(id: older.id).asOf.description == "2026-10-01")
        #expect(throws: OrgMapError.self) { try db.snapshot(id: 99) }
        // Keys repeat across snapshots; person ids never do.
        #expect(try db.organization(snapshotID: older.id).people.map(\.key) == ["E1"])
    }

    @Test func importLogRecordsEachImport() throws {
        let path = temporaryPath()
        let db = try AppDatabase.open(path: path, create: true)
        try db.storeSnapshot(people: samplePeople, lines: [2, 3, 4, 5], asOf: day("2026-11-01"), log: record(4))
        let row = try DatabaseQueue(path: path).read { try Row.fetchOne($0, sql: "SELECT * FROM import_log") }
        #expect(row?["kind"] == "people")
        #expect(row?["rows_stored"] == 4)
        #expect(row?["duration_ms"] == 500)
    }

    @Test func newFilesAreReadableByTheirOwnerOnly() throws {
        let path = temporaryPath()
        _ = try AppDatabase.open(path: path, create: true)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func missingDatabaseIsNotCreatedForReading() {
        let path = temporaryPath()
        #expect(throws: OrgMapError.self) { try AppDatabase.open(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func databaseFromANewerOrgmapIsRefusedUnchanged() throws {
        let path = temporaryPath()
        _ = try AppDatabase.open(path: path, create: true)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('9999_from_the_future')") }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try AppDatabase.open(path: path, create: true)
            Issue.record("a newer database was opened")
        } catch let OrgMapError.databaseTooNew(_, unknown) {
            #expect(unknown == ["9999_from_the_future"])
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let path = temporaryPath("people.csv")
        try Data("id,name\n1,A\n".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try AppDatabase.open(path: path, create: true)
            Issue.record("a CSV file was opened as a database")
        } catch let error as OrgMapError {
            #expect(error.description.contains("is not an orgmap database (it is not a SQLite file)"))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "id,name\n1,A\n")
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let path = temporaryPath()
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
        do {
            _ = try AppDatabase.open(path: path, create: true)
            Issue.record("a foreign database was opened")
        } catch let error as OrgMapError {
            #expect(error.description.contains("another program, with tables invoices"))
        }
    }
}

struct ForeignKeyTests {
    /// Imports turn SQLite's checks off for their own resolved rows; every other write still has them.
    @Test func checksAreBackOnAfterAnImport() throws {
        let db = try AppDatabase.inMemory()
        let snapshot = try db.storeSnapshot(people: samplePeople, lines: [2, 3, 4, 5], asOf: day("2026-11-01"), log: record(4))
        #expect(try db.write { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") } == true)
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: "INSERT INTO person (snapshot_id, person_key, name, department_id, source_line) VALUES (?, 'X', 'X', 999, 1)", arguments: [snapshot.id]) }
        }
        let violations = try db.write { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }
        #expect(violations.isEmpty)
    }
}
