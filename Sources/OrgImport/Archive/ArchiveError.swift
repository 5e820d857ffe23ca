import Foundation

/// Why an archive or one of its entries could not be read.
///
/// The message always names the archive file, and the entry when one is involved, because the user
/// has to find the bad input among many exports.
public struct ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, without the location.
    public enum Problem: Sendable, Equatable {
        /// The file or folder cannot be opened or listed; the text is the system's reason.
        case unreadable(String)
        /// The file does not start like a zip archive and has no zip directory at its end.
        case notAZipArchive
        /// The file starts like a zip archive but its end, which holds the directory, is gone.
        case truncatedZip
        /// The zip's directory is inconsistent; the text says how.
        case corruptZip(String)
        /// No entry has this path.
        case entryNotFound
        /// The entry declares (or turns out to have) more bytes than the cap allows.
        case entryTooLarge(size: UInt64, limit: UInt64)
        /// The entry's data is damaged or does not match its declared size or checksum; the text says how.
        case corruptEntry(String)
    }

    /// The zip file or folder.
    public let archive: URL
    /// The entry's path inside the archive, when the problem concerns one entry.
    public let entry: String?
    public let problem: Problem

    public init(archive: URL, entry: String? = nil, problem: Problem) {
        self.archive = archive
        self.entry = entry
        self.problem = problem
    }

    /// The archive, and the entry when there is one.
    var location: String { [archive.path, entry].compactMap { $0 }.joined(separator: ": ") }

    public var description: String { "\(location): \(problem.explanation)" }
}

extension ArchiveError.Problem {
    var explanation: String {
        switch self {
        case .unreadable(let reason):
            return "cannot be read: \(reason)"
        case .notAZipArchive:
            return "not a zip archive (expected a file starting with the zip signature \"PK\")"
        case .truncatedZip:
            return "the zip archive is truncated: its central directory is missing"
        case .corruptZip(let detail):
            return "the zip archive is corrupt: \(detail)"
        case .entryNotFound:
            return "no such entry in the archive"
        case .entryTooLarge(let size, let limit):
            return "the entry holds \(size) bytes, more than the \(limit)-byte limit"
        case .corruptEntry(let detail):
            return "the entry is corrupt: \(detail)"
        }
    }
}
