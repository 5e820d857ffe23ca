/// One imported org chart: a dated picture of the organization.
public struct Snapshot: Sendable, Hashable, Codable {
    public var id: Int64
    /// The date the org chart describes.
    public var asOf: CalendarDate
    /// When it was imported, ISO 8601 in UTC.
    public var importedAt: String
    public var sourceFile: String
    public var sourceSHA256: String
    public var personCount: Int

    public init(id: Int64, asOf: CalendarDate, importedAt: String, sourceFile: String, sourceSHA256: String, personCount: Int) {
        self.id = id
        self.asOf = asOf
        self.importedAt = importedAt
        self.sourceFile = sourceFile
        self.sourceSHA256 = sourceSHA256
        self.personCount = personCount
    }
}

/// How reports read a snapshot's links (docs/schema.md): from the pack every links import writes, or row by row.
public enum LinkPacking: Sendable, Equatable {
    /// From its pack.
    case packed
    /// Row by row, until `orgmap snapshots pack` (or its next links import) packs them: stored before schema
    /// version 4, changed by hand, or a pack that cannot be trusted (a trigger dropped, a run changed by hand).
    case unpacked
    /// Row by row: packing found a link it cannot pack (a date that is no day, a person of another snapshot:
    /// only by hand), and it is not tried again until the snapshot's links change.
    case unpackable
}
