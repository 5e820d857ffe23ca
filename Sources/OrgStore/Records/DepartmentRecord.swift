import GRDB

/// A row of `department`: one department of one snapshot.
public struct DepartmentRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "department"

    public var id: Int64?
    public var snapshotID: Int64
    public var name: String

    enum CodingKeys: String, CodingKey { case id, snapshotID = "snapshot_id", name }

    public init(snapshotID: Int64, name: String) {
        self.snapshotID = snapshotID
        self.name = name
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `team`: one team of one department.
public struct TeamRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "team"

    public var id: Int64?
    public var departmentID: Int64
    public var name: String

    enum CodingKeys: String, CodingKey { case id, departmentID = "department_id", name }

    public init(departmentID: Int64, name: String) {
        self.departmentID = departmentID
        self.name = name
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `dotted_line`: a person's dotted-line (secondary, matrix) manager.
public struct DottedLineRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "dotted_line"

    public var personID: Int64
    public var managerID: Int64

    enum CodingKeys: String, CodingKey { case personID = "person_id", managerID = "manager_id" }

    public init(personID: Int64, managerID: Int64) {
        self.personID = personID
        self.managerID = managerID
    }
}
