import GRDB
import OrgModel
import OrgStore

/// Inserts the people of one org chart snapshot, inside its transaction, while the file is still being read.
/// A person's id is the snapshot's first id plus their row, so a manager's id is known before the manager
/// is inserted; managers not known while reading are set by ``finish(people:managerRows:)``.
package final class PeopleWriter {
    package let snapshotID: Int64
    private let firstID: Int64
    private let db: Database
    private let insertPeople: MultiRowInsert
    /// By the batches' numbering.
    private var departmentIDs: [Int64] = []
    private var teamIDs: [Int64] = []
    /// The manager row each inserted person was stored with, -1 for none; by row.
    private var storedManagers: [Int32] = []
    package private(set) var stored = 0

    package init(db: Database, snapshotID: Int64) throws {
        self.db = db
        self.snapshotID = snapshotID
        firstID = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM person") ?? 0) + 1
        insertPeople = try MultiRowInsert(
            db, head: "INSERT INTO person (id, snapshot_id, person_key, name, email, title, level, location, department_id, team_id, manager_id, source_line) VALUES",
            row: "(?, \(snapshotID), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rowsPerStatement: 32)
    }

    package func insert(_ batch: PersonBatch) throws {
        // A few dozen departments and teams: plain records.
        for name in batch.newDepartments {
            departmentIDs.append(try DepartmentRecord(snapshotID: snapshotID, name: name).inserted(db).id!)
        }
        for team in batch.newTeams {
            teamIDs.append(try TeamRecord(departmentID: departmentIDs[Int(team.department)], name: team.name).inserted(db).id!)
        }
        let columns = PersonBatch.columns
        try batch.text.withUnsafeBufferPointer { text in
            // Bound without a copy (see `bindStatic`): `batch.text` is alive and unchanged until `run` returns,
            // after the last step; every row rebinds all its parameters before its step.
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
    package func finish(people: [Person], managerRows: [Int32]?) throws {
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
                try DottedLineRecord(personID: id, managerID: firstID + Int64(dotted)).insert(db)
            }
        }
    }
}
