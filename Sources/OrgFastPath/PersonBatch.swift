import GRDB
import OrgModel

/// People on their way from the thread that reads the org chart to the one that inserts them, ready to bind:
/// text in one arena, departments and teams as numbers (see ``PersonBatcher``).
package struct PersonBatch: Sendable {
    var text: [UInt8] = []
    /// Per person, ``PersonBatch/columns`` (start, count) pairs into `text`; a count of -1 is NULL.
    var spans: [Int32] = []
    var rows: [Int32] = []
    var lines: [Int] = []
    var managerRows: [Int32] = []
    var departments: [Int32] = []
    /// -1 for no team.
    var teams: [Int32] = []
    /// Departments and teams first seen in this batch, numbered on from those of earlier batches.
    var newDepartments: [String] = []
    var newTeams: [(department: Int32, name: String)] = []

    /// key, name, email, title, level, location.
    static let columns = 6

    package var count: Int { rows.count }

    mutating func append(_ value: String?) {
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
package struct PersonBatcher: Sendable {
    private struct TeamKey: Hashable {
        var department: Int32
        var name: String
    }

    private var departments = TextKeyTable()
    private var teams: [TeamKey: Int32] = [:]
    package private(set) var batch = PersonBatch()

    package init() {}

    /// `row` is the person's index in the whole import (it fixes their id); `managerRow` the manager's when
    /// known while reading, -1 otherwise (``PeopleWriter/finish(people:managerRows:)`` sets it then).
    package mutating func append(_ person: Person, row: Int, line: Int, managerRow: Int32) {
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
    package var isFull: Bool { batch.count >= 4_096 || batch.text.count >= 8 << 20 }

    /// The batch built so far; the next one starts empty.
    package mutating func take() -> PersonBatch {
        defer { batch = PersonBatch() }
        return batch
    }
}

