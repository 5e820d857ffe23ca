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
