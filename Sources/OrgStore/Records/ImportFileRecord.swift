import GRDB

/// A row of `import_file`: one file an import read, by its SHA-256.
public struct ImportFileRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "import_file"

    public var importID: Int64
    /// As the import named it: the path given, or a folder's or a zip's path followed by the entry's.
    public var name: String
    public var sha256: String

    enum CodingKeys: String, CodingKey { case importID = "import_id", name, sha256 }

    public init(importID: Int64, name: String, sha256: String) {
        self.importID = importID
        self.name = name
        self.sha256 = sha256
    }
}

/// A file already imported: which import read it, when, and into which snapshot.
public struct ImportedFile: Sendable, Hashable {
    public var name: String
    public var sha256: String
    public var importID: Int64
    public var importedAt: String
}
