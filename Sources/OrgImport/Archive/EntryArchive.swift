import Foundation

/// A read-only set of named files: a zip archive or an unpacked folder.
///
/// Export readers (Slack here, Google Takeout calendars later) only need to list paths and read one
/// entry at a time, so they are written against this protocol and never care how the export arrived.
/// Both kinds are plain values holding no open file, so they are `Sendable`.
public protocol EntryArchive: Sendable {
    /// The zip file or folder, named in every error so the user knows which input is at fault.
    var url: URL { get }
    /// Every regular file, as a relative `/`-separated path, sorted; folders themselves are not listed.
    var entryPaths: [String] { get }
    /// Whether `path` is one of `entryPaths`; cheaper than searching the list.
    func contains(_ path: String) -> Bool
    /// The bytes of one entry, read into memory only now.
    ///
    /// - Throws: `ArchiveError` when the entry is missing, larger than the archive's cap, or damaged.
    func read(_ path: String) throws -> Data
}

/// Limits shared by both archive kinds.
public enum ArchiveLimits {
    /// The default cap on one entry's size: far above any Slack day file or users.json seen in practice,
    /// yet low enough that a forged or malicious entry cannot exhaust memory.
    public static let defaultMaxEntrySize: UInt64 = 256 * 1024 * 1024
}

/// Opens `url` as a folder when it is a directory and as a zip archive otherwise.
///
/// - Parameter maxEntrySize: the largest entry `read(_:)` will load; bigger ones are an error.
/// - Throws: `ArchiveError` when nothing exists at `url` or the zip cannot be opened.
public func openArchive(
    at url: URL,
    maxEntrySize: UInt64 = ArchiveLimits.defaultMaxEntrySize
) throws -> any EntryArchive {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
        throw ArchiveError(archive: url, problem: .unreadable("no such file or folder"))
    }
    if isDirectory.boolValue {
        return try FolderArchive(url: url, maxEntrySize: maxEntrySize)
    }
    return try ZipArchive(url: url, maxEntrySize: maxEntrySize)
}
