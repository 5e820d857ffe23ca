import Foundation

/// Why an archive could not be read as a Slack export.
///
/// These are export-level problems: the export's directory or one whole file cannot be trusted, so
/// going on would silently lose data. Problems confined to one message are skipped and counted
/// instead (see `SlackSkip`); problems of the archive itself are `ArchiveError`s.
public struct SlackExportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        /// Neither the root nor a single top-level folder holds users.json and a conversation list.
        /// `found` holds the first few entry paths, `total` how many there are.
        case notASlackExport(found: [String], total: Int)
        /// The entry is not valid JSON; `detail` is the parser's message, with the position when it
        /// gives one.
        case invalidJSON(expected: String, detail: String)
        /// The entry is valid JSON but not shaped as expected.
        case unexpectedStructure(expected: String)
    }

    /// The zip file or folder.
    public let archive: URL
    /// The entry's full path inside the archive, when the problem concerns one entry.
    public let entry: String?
    public let problem: Problem

    public init(archive: URL, entry: String? = nil, problem: Problem) {
        self.archive = archive
        self.entry = entry
        self.problem = problem
    }

    /// The archive, and the entry when there is one.
    var location: String { [archive.path, entry].compactMap { $0 }.joined(separator: ": ") }

    public var description: String { "\(location): \(explanation)" }

    /// What is wrong, without where.
    var explanation: String {
        switch problem {
        case .notASlackExport(let found, let total):
            let more = total > found.count ? " and \(total - found.count) more" : ""
            let listing = found.isEmpty ? "nothing" : found.joined(separator: ", ") + more
            return "not a Slack export: expected \(SlackExportLayout.userList) and one of "
                + SlackExportLayout.conversationLists.joined(separator: ", ")
                + " at the top level or in a single top-level folder; found: \(listing)"
        case .invalidJSON(let expected, let detail):
            return "invalid JSON (expected \(expected)): \(detail)"
        case .unexpectedStructure(let expected):
            return "expected \(expected)"
        }
    }
}
