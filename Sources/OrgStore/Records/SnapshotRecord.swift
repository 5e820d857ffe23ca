import GRDB
import OrgModel

/// A row of `snapshot`: one imported org chart.
public struct SnapshotRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "snapshot"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let asOf = Column(CodingKeys.asOf)
    }

    /// nil until inserted.
    public var id: Int64?
    /// `YYYY-MM-DD`; text here, checked when read (``snapshot()``), so a hand-edited file cannot crash a decoder.
    public var asOf: String
    public var importedAt: String
    public var sourceFile: String
    public var sourceSHA256: String
    public var personCount: Int

    enum CodingKeys: String, CodingKey {
        case id, asOf = "as_of", importedAt = "imported_at", sourceFile = "source_file"
        case sourceSHA256 = "source_sha256", personCount = "person_count"
    }

    public init(asOf: CalendarDate, importedAt: String, sourceFile: String) {
        self.asOf = asOf.description
        self.importedAt = importedAt
        self.sourceFile = sourceFile
        sourceSHA256 = ""
        personCount = 0
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// History order: by the date the chart describes, then by import.
    static let historyOrder = [Columns.asOf, Columns.id]

    /// The plain value; throws when the row was edited into something orgmap never writes.
    public func snapshot(in path: String) throws -> Snapshot {
        guard let id, let date = CalendarDate(asOf) else {
            throw OrgMapError.notAnOrgmapDatabase(path: path, reason: "snapshot \(id.map(String.init) ?? "?") has the as-of date '\(asOf)', not a day as YYYY-MM-DD")
        }
        return Snapshot(id: id, asOf: date, importedAt: importedAt, sourceFile: sourceFile, sourceSHA256: sourceSHA256, personCount: personCount)
    }
}
