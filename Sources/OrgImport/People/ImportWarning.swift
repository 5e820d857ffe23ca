import OrgModel

/// Something odd but recoverable in an input file, summarized after the import.
public struct ImportWarning: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// People with no department, placed in `Unassigned`.
        case unassigned
        /// Names written "Last, First", turned around.
        case turnedNames = "turned-names"
        /// More than one person without a manager.
        case severalRoots = "several-roots"
        /// Managers nobody in the file is, imported as roots (`--allow-unknown-managers`).
        case unknownManager = "unknown-manager"
        /// Dotted-line managers nobody (or several people) in the file is, ignored.
        case unknownDottedLine = "unknown-dotted-line"
        /// No manager column (a directory export): everyone is a root, tiers come from titles.
        case noManagerColumn = "no-manager-column"
        /// Text that is not UTF-8, read as Windows-1252 from the first such line.
        case windows1252 = "windows-1252"
        /// Empty header cells at the end of the header, and rows one or more fields shorter for them.
        case emptyTrailingHeader = "empty-trailing-header"
        /// Cells of a sheet right of the table, after a column whose header is empty, left out.
        case strayCells = "stray-cells"
    }

    /// Warnings of one kind are summarized together.
    public var kind: Kind
    public var message: String
    public var lines: [Int]

    public init(kind: Kind, message: String, lines: [Int] = []) {
        self.kind = kind
        self.message = message
        self.lines = lines
    }

    /// Cells of a sheet right of the table left out: the one wording of both imports.
    public static func strayCells(_ count: Int) -> ImportWarning? {
        guard count > 0 else { return nil }
        return ImportWarning(kind: .strayCells, message: "\(plural(count, "cell")) right of the table (after an empty column) left out, as notes beside it")
    }

    public var description: String {
        guard !lines.isEmpty else { return message }
        let shown = lines.prefix(10).map(String.init).joined(separator: ", ")
        let more = lines.count > 10 ? " and \(lines.count - 10) more" : ""
        return "\(message) (line\(lines.count == 1 ? "" : "s") \(shown)\(more))"
    }
}
