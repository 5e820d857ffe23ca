/// A defect confined to one VEVENT: the event (all its occurrences) is left out
/// and the rest of the file is still read.
public struct EventProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// Physical line of the offending property, or of the `BEGIN:VEVENT` when
    /// the problem is something missing.
    public let line: Int
    /// The event's UID when it has one.
    public let uid: String?
    /// What was wrong and what was expected.
    public let message: String

    public var description: String {
        if let uid {
            return "line \(line) (UID \(uid)): \(message)"
        }
        return "line \(line): \(message)"
    }
}
