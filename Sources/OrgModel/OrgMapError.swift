/// One problem found in an input file, located by line and, where it applies, column.
public struct InputProblem: Sendable, Hashable, CustomStringConvertible {
    public var line: Int?
    /// 1-based field number within the record.
    public var column: Int?
    /// The header of that column, when known.
    public var columnName: String?
    public var message: String

    public init(line: Int?, column: Int? = nil, columnName: String? = nil, message: String) {
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
    }

    /// `line 12, column 3 (Manager): message`
    public var description: String {
        var place: [String] = []
        if let line { place.append("line \(line)") }
        if let column {
            place.append(columnName.map { "column \(column) (\($0))" } ?? "column \(column)")
        }
        return place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
    }
}

/// Every error orgmap reports to its user. Each message says what was wrong, where, and what was expected.
public enum OrgMapError: Error, Sendable, CustomStringConvertible {
    /// An input file broke a rule: malformed CSV, a missing column, a duplicate id, a cycle... Nothing was written.
    case invalidInput(file: String, problems: [InputProblem], more: Int)
    /// A policy file is not valid YAML or has a key of the wrong type or an unknown key. Nothing was run.
    case invalidPolicy(file: String, problems: [InputProblem])
    /// A file could not be opened or read.
    case unreadableFile(path: String, reason: String)
    /// A file could not be created or written (a report, the database, a sample); what was there is unchanged.
    case unwritableFile(path: String, reason: String)
    /// The database was written by a newer orgmap: its schema has migrations this binary does not know.
    case databaseTooNew(path: String, unknownMigrations: [String])
    /// The file given as database is not an orgmap SQLite database.
    case notAnOrgmapDatabase(path: String, reason: String)
    /// The database does not exist or holds no snapshot yet.
    case noSnapshot(path: String)
    /// A snapshot named on the command line does not exist.
    case snapshotNotFound(id: Int64, path: String)
    /// A command-line value is malformed (a date, a column mapping...).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .invalidInput(file, problems, more):
            var lines = problems.map { "\(file): \($0)" }
            if more > 0 { lines.append("\(file): … and \(more) more problem\(more == 1 ? "" : "s")") }
            if problems.count > 1 { lines.insert("\(problems.count + more) problems in \(file); nothing was imported:", at: 0) }
            else { lines.append("nothing was imported.") }
            return lines.joined(separator: "\n")
        case let .invalidPolicy(file, problems):
            let lines = problems.map { "\(file): \($0)" }
            return (lines + ["The policy was not used; `orgmap policy init` writes a valid one to start from."]).joined(separator: "\n")
        case let .unreadableFile(path, reason):
            return "cannot read \(path): \(reason)"
        case let .unwritableFile(path, reason):
            return "cannot write \(path): \(reason)"
        case let .databaseTooNew(path, unknown):
            return "\(path) was written by a newer version of orgmap (schema migrations \(unknown.joined(separator: ", ")) are unknown to this one); upgrade orgmap or use another --db. The file was not changed."
        case let .notAnOrgmapDatabase(path, reason):
            return "\(path) is not an orgmap database (\(reason)); use another --db. The file was not changed."
        case let .noSnapshot(path):
            return "\(path) holds no org chart yet; import one first: orgmap import people FILE --db \(path)"
        case let .snapshotNotFound(id, path):
            return "\(path) has no snapshot \(id); list them with: orgmap snapshots --db \(path)"
        case let .invalidArgument(message):
            return message
        }
    }
}
