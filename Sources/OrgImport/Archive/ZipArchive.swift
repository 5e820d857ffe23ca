import Foundation

/// A zip archive read in place: nothing is unpacked to disk, and an entry's bytes are loaded only when
/// asked for.
///
/// Not tied to Slack: any zip of files (a Google Takeout calendar export, say) is listed and read the
/// same way. `ZipDirectory` lists the entries; an entry's bytes are stored or inflated by the system's
/// zlib (`Inflate`), fed in 64 KiB reads that never run past the entry, so memory holds the output and
/// one chunk, and a stream that does not end within its bytes is an error rather than a hang.
///
/// A damaged archive is an error, never a crash or a hang: declared sizes are checked against
/// `maxEntrySize` before any byte is read, the inflated output may not outgrow the declared size
/// (a zip bomb that lies about its size stops there), and the CRC-32 is verified.
public struct ZipArchive: EntryArchive, Sendable {
    public let url: URL
    public let entryPaths: [String]
    /// The largest entry `read(_:)` will load, and the largest central directory `init` will load.
    public let maxEntrySize: UInt64
    private let entries: [String: ZipDirectory.Entry]

    private static let chunkSize = 64 * 1024

    /// Reads the zip's directory; entries are read later, one at a time.
    ///
    /// Folders and symbolic links are not listed; when a name occurs twice, the first record wins.
    ///
    /// - Throws: `ArchiveError` with `.notAZipArchive`, `.truncatedZip` or `.corruptZip` when the
    ///   directory cannot be trusted, `.unreadable` when the file cannot be opened.
    public init(url: URL, maxEntrySize: UInt64 = ArchiveLimits.defaultMaxEntrySize) throws {
        let file = try ZipFile(url: url)
        defer { file.close() }
        let directory = try ZipDirectory(file: file, maxSize: maxEntrySize)
        var entries: [String: ZipDirectory.Entry] = [:]
        for entry in directory.entries where entry.isFile && entries[entry.name] == nil {
            entries[entry.name] = entry
        }
        self.url = url
        self.maxEntrySize = maxEntrySize
        self.entries = entries
        self.entryPaths = entries.keys.sorted()
    }

    public func contains(_ path: String) -> Bool {
        entries[path] != nil
    }

    public func read(_ path: String) throws -> Data {
        guard let entry = entries[path] else {
            throw ArchiveError(archive: url, entry: path, problem: .entryNotFound)
        }
        guard entry.uncompressedSize <= maxEntrySize else {
            throw error(path, .entryTooLarge(size: entry.uncompressedSize, limit: maxEntrySize))
        }
        let file = try ZipFile(url: url)
        defer { file.close() }
        guard entry.localHeaderOffset <= file.size,
              UInt64(ZipDirectory.localHeaderSize) <= file.size - entry.localHeaderOffset
        else {
            throw error(path, .corruptEntry("its local header lies outside the file"))
        }
        let header = try file.read(
            at: entry.localHeaderOffset, count: ZipDirectory.localHeaderSize, entry: path)
        guard header.littleEndian(at: 0, width: 4) == ZipDirectory.localHeaderSignature,
              let nameLength = header.littleEndian(at: 26, width: 2),
              let extraLength = header.littleEndian(at: 28, width: 2)
        else {
            throw error(path, .corruptEntry("its local header is damaged"))
        }
        let dataOffset = entry.localHeaderOffset + UInt64(ZipDirectory.localHeaderSize) + nameLength + extraLength
        guard dataOffset <= file.size, entry.compressedSize <= file.size - dataOffset else {
            throw error(path, .corruptEntry("its data runs past the end of the file"))
        }
        let data: Data
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw error(path, .corruptEntry("it is stored uncompressed, yet its two declared sizes differ"))
            }
            data = try file.read(at: dataOffset, count: Int(entry.compressedSize), entry: path)
        case 8:
            data = try inflate(path, from: file, at: dataOffset, entry: entry)
        default:
            throw error(path, .corruptEntry("it uses compression method \(entry.method); only 0 (stored) and 8 (deflate) are supported"))
        }
        guard UInt64(data.count) == entry.uncompressedSize else {
            throw error(path, .corruptEntry("it holds \(data.count) bytes but declares \(entry.uncompressedSize)"))
        }
        guard Inflate.crc32(of: data) == entry.checksum else {
            throw error(path, .corruptEntry("its CRC-32 checksum does not match its data"))
        }
        return data
    }

    private func error(_ path: String, _ problem: ArchiveError.Problem) -> ArchiveError {
        ArchiveError(archive: url, entry: path, problem: problem)
    }

    /// Inflates the entry's deflate stream, handing zlib its compressed bytes in 64 KiB reads.
    private func inflate(_ path: String, from file: ZipFile, at dataOffset: UInt64, entry: ZipDirectory.Entry) throws -> Data {
        var position = dataOffset
        let end = dataOffset + entry.compressedSize
        do {
            return try Inflate.rawDeflate(limit: Int(clamping: entry.uncompressedSize)) {
                guard position < end else { return nil }
                let count = Int(min(end - position, UInt64(Self.chunkSize)))
                let chunk = try file.read(at: position, count: count, entry: path)
                position += UInt64(count)
                return chunk
            }
        } catch Inflate.Failure.exceedsLimit {
            throw error(path, .corruptEntry("it inflates to more than the \(entry.uncompressedSize) bytes it declares"))
        } catch Inflate.Failure.unterminated {
            throw error(path, .corruptEntry("its deflate stream does not end within its \(entry.compressedSize) compressed bytes"))
        } catch Inflate.Failure.damaged(let reason) {
            throw error(path, .corruptEntry("its deflate data is damaged (\(reason))"))
        } catch Inflate.Failure.outOfMemory {
            throw error(path, .unreadable("zlib ran out of memory"))
        } catch Inflate.Failure.zlibFailure(let status) {
            throw error(path, .unreadable("zlib failed with status \(status)"))
        }
    }
}
