import Foundation

/// An export that was already unpacked into a folder.
///
/// The tree is listed once, when the archive is opened; only listed paths can be read, so a path like
/// `../secret` coming from elsewhere can never escape the folder.
public struct FolderArchive: EntryArchive, Sendable {
    public let url: URL
    public let entryPaths: [String]
    /// The largest file `read(_:)` will load.
    public let maxEntrySize: UInt64
    private let pathSet: Set<String>

    /// Lists every regular file under `url`; symbolic links and special files are left out.
    ///
    /// - Throws: `ArchiveError.Problem.unreadable` when `url` is not a readable folder.
    public init(url: URL, maxEntrySize: UInt64 = ArchiveLimits.defaultMaxEntrySize) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
              isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(atPath: url.path)
        else {
            throw ArchiveError(archive: url, problem: .unreadable("not a folder"))
        }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
                paths.append(path)
            }
        }
        paths.sort()
        self.url = url
        self.entryPaths = paths
        self.pathSet = Set(paths)
        self.maxEntrySize = maxEntrySize
    }

    public func contains(_ path: String) -> Bool {
        pathSet.contains(path)
    }

    public func read(_ path: String) throws -> Data {
        guard pathSet.contains(path) else {
            throw ArchiveError(archive: url, entry: path, problem: .entryNotFound)
        }
        let fileURL = url.appendingPathComponent(path)
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: fileURL.path)
            let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
            guard size <= maxEntrySize else {
                throw ArchiveError(archive: url, entry: path, problem: .entryTooLarge(size: size, limit: maxEntrySize))
            }
            let data = try Data(contentsOf: fileURL)
            // The file may have grown since it was measured.
            guard data.count <= maxEntrySize else {
                throw ArchiveError(
                    archive: url, entry: path,
                    problem: .entryTooLarge(size: UInt64(data.count), limit: maxEntrySize))
            }
            return data
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw ArchiveError(archive: url, entry: path, problem: .unreadable(error.localizedDescription))
        }
    }
}
