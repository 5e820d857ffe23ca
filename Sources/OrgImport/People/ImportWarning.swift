import OrgModel

/// Something odd but recoverable in an input file, summarized after the import.
public struct ImportWarning: Sendable, Hashable, CustomStringConvertible {
    /// Warnings of one kind are summarized together.
    public var kind: String
    public var message: String
    public var lines: [Int]

    public init(kind: String, message: String, lines: [Int] = []) {
        self.kind = kind
        self.message = message
        self.lines = lines
    }

    public var description: String {
        guard !lines.isEmpty else { return message }
        let shown = lines.prefix(10).map(String.init).joined(separator: ", ")
        let more = lines.count > 10 ? " and \(lines.count - 10) more" : ""
        return "\(message) (line\(lines.count == 1 ? "" : "s") \(shown)\(more))"
    }
}
