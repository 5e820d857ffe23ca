import Foundation
import Logging
import OrgModel
import OrgStore

/// The outcome of an org chart import.
public struct PeopleImportResult: Sendable {
    public var file: PeopleFile
    /// nil for a dry run.
    public var snapshot: Snapshot?
    public var duration: TimeInterval
    public let departmentCount: Int

    init(file: PeopleFile, snapshot: Snapshot?, duration: TimeInterval) {
        self.file = file
        self.snapshot = snapshot
        self.duration = duration
        departmentCount = Set(file.people.map(\.department)).count
    }
}

/// `orgmap import people`: read and validate the whole file, then store it as one snapshot in one transaction.
public enum PeopleImport {
    /// Reads `input` to its end. The database is opened only once the file has passed every check,
    /// so a bad file leaves it exactly as it was; `database` is not called for a dry run.
    public static func run(
        input: ByteInput, asOf: String, options: PeopleImportOptions, dryRun: Bool,
        database: () throws -> AppDatabase, logger: Logger
    ) throws -> PeopleImportResult {
        let started = Date()
        let file = try PeopleFile.read(input, options: options)
        logger.info("\(file.fileName): read as \(describe(file.delimiter))-separated, \(file.mapping.summary.joined(separator: ", "))\(file.managerMatchedBy.map { "; managers matched by \($0)" } ?? "")")
        for warning in file.warnings { logger.warning("\(file.fileName): \(warning)") }
        guard !dryRun else {
            return PeopleImportResult(file: file, snapshot: nil, duration: Date().timeIntervalSince(started))
        }
        let db = try database()
        let log = ImportRecord(
            kind: "people", fileName: file.fileName, sha256: file.sha256, rowsRead: file.rowsRead,
            rowsStored: file.people.count, rowsSkipped: file.rowsRead - file.people.count,
            warnings: file.warnings.count, duration: Date().timeIntervalSince(started))
        let snapshot = try db.importSnapshot(people: file.people, lines: file.lines, managerRows: file.managerRows, asOf: asOf, log: log)
        return PeopleImportResult(file: file, snapshot: snapshot, duration: Date().timeIntervalSince(started))
    }

    static func describe(_ delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: ","): "comma"
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "\t"): "tab"
        default: "'\(Character(Unicode.Scalar(delimiter)))'"
        }
    }
}
