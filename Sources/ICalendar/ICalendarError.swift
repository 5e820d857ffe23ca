/// A defect that makes a whole file unreadable.
public struct ICalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Broad classes of file-level failure, for callers that count them.
    public enum Kind: Sendable, Hashable {
        /// No `BEGIN:VCALENDAR` where one was required.
        case notICalendar
        /// A component is never closed, or closed by the wrong `END`.
        case unclosedComponent
        /// Bytes that are not valid UTF-8.
        case invalidUTF8
    }

    public let kind: Kind
    /// The display name given to the reader.
    public let fileName: String
    /// Physical line (1-based) where the offending line or component starts.
    public let line: Int
    /// What was found and what was expected.
    public let message: String

    public var description: String {
        "\(fileName):\(line): \(message)"
    }
}
