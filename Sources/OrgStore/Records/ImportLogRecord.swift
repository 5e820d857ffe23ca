import Foundation
import GRDB

/// What an import brought in: the `kind` column of `import_log`.
public enum ImportKind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// An org chart: a new snapshot.
    case people
    /// Collaboration links, attached to a snapshot.
    case links
}

/// A row of `import_log`: every import that wrote something, with the file's fingerprint and counts.
public struct ImportLogRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "import_log"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let kind = Column(CodingKeys.kind)
        public static let snapshotID = Column(CodingKeys.snapshotID)
        public static let sha256 = Column(CodingKeys.sha256)
    }

    /// nil until inserted.
    public var id: Int64?
    public var kind: ImportKind
    /// nil once the snapshot is gone (`ON DELETE SET NULL`).
    public var snapshotID: Int64?
    public var fileName: String
    /// SHA-256 of the bytes read, lowercase hex.
    public var sha256: String
    public var rowsRead: Int
    public var rowsStored: Int
    public var rowsSkipped: Int
    public var warnings: Int
    public var durationMs: Int
    /// ISO 8601 in UTC.
    public var importedAt: String

    enum CodingKeys: String, CodingKey {
        case id, kind, snapshotID = "snapshot_id", fileName = "file_name", sha256, rowsRead = "rows_read"
        case rowsStored = "rows_stored", rowsSkipped = "rows_skipped", warnings, durationMs = "duration_ms"
        case importedAt = "imported_at"
    }

    /// What an importer knows when it is done; the store sets the snapshot and the time when it records it.
    public init(
        kind: ImportKind, fileName: String, sha256: String, rowsRead: Int, rowsStored: Int, rowsSkipped: Int,
        warnings: Int, duration: TimeInterval
    ) {
        self.kind = kind
        self.fileName = fileName
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.rowsStored = rowsStored
        self.rowsSkipped = rowsSkipped
        self.warnings = warnings
        durationMs = Int((duration * 1000).rounded())
        importedAt = ""
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
