import Foundation

/// A zip archive read in place: nothing is unpacked to disk, and an entry's bytes are loaded only when
/// asked for.
///
/// Not tied to Slack: any zip of files (a Google Takeout calendar export, say) is listed and read the
/// same way. `ZipDirectory` lists the entries; an entry's bytes are stored or inflated by the system's
/// zlib (`Inflate`), fed in 64 KiB reads that never run past the entry, and a stream that does not end
/// within its bytes is an error rather than a hang. `read(_:)` returns a whole entry; `stream(_:chunk:)`
/// and `openEntry(_:)` hand it over a buffer at a time, so memory does not grow with the entry (a
/// workbook's sheet).
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
        var data = Data()
        try stream(path) { data.append(contentsOf: $0) }
        return data
    }

    /// Hands the entry's bytes to `chunk` a buffer (at most 64 KiB) at a time, stored or inflated, so
    /// memory does not grow with the entry. The CRC-32 and the declared size are checked at the end: a
    /// damaged entry throws after some chunks were handed over.
    ///
    /// - Throws: `ArchiveError` as `read(_:)` does, or whatever `chunk` throws.
    public func stream(_ path: String, chunk: (UnsafeRawBufferPointer) throws -> Void) throws {
        let reader = try openEntry(path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try reader.read(into: buffer)
            if count == 0 { return }
            try chunk(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// A reader of the entry's bytes, pulled a buffer at a time (see ``ZipEntryReader``).
    ///
    /// - Throws: `ArchiveError` when the entry is missing, declares more than `maxEntrySize`, or its
    ///   local header is damaged; later problems are thrown by the reader.
    public func openEntry(_ path: String) throws -> ZipEntryReader {
        guard let entry = entries[path] else {
            throw ArchiveError(archive: url, entry: path, problem: .entryNotFound)
        }
        guard entry.uncompressedSize <= maxEntrySize else {
            throw error(path, .entryTooLarge(size: entry.uncompressedSize, limit: maxEntrySize))
        }
        let file = try ZipFile(url: url)
        guard entry.localHeaderOffset <= file.size,
              UInt64(ZipDirectory.localHeaderSize) <= file.size - entry.localHeaderOffset
        else {
            file.close()
            throw error(path, .corruptEntry("its local header lies outside the file"))
        }
        let header: Data
        do {
            header = try file.read(at: entry.localHeaderOffset, count: ZipDirectory.localHeaderSize, entry: path)
        } catch {
            file.close()
            throw error
        }
        guard header.littleEndian(at: 0, width: 4) == ZipDirectory.localHeaderSignature,
              let nameLength = header.littleEndian(at: 26, width: 2),
              let extraLength = header.littleEndian(at: 28, width: 2)
        else {
            file.close()
            throw error(path, .corruptEntry("its local header is damaged"))
        }
        let dataOffset = entry.localHeaderOffset + UInt64(ZipDirectory.localHeaderSize) + nameLength + extraLength
        guard dataOffset <= file.size, entry.compressedSize <= file.size - dataOffset else {
            file.close()
            throw error(path, .corruptEntry("its data runs past the end of the file"))
        }
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                file.close()
                throw error(path, .corruptEntry("it is stored uncompressed, yet its two declared sizes differ"))
            }
        case 8:
            break
        default:
            file.close()
            throw error(path, .corruptEntry("it uses compression method \(entry.method); only 0 (stored) and 8 (deflate) are supported"))
        }
        return try ZipEntryReader(archive: url, path: path, file: file, dataOffset: dataOffset, entry: entry, chunkSize: Self.chunkSize)
    }

    private func error(_ path: String, _ problem: ArchiveError.Problem) -> ArchiveError {
        ArchiveError(archive: url, entry: path, problem: problem)
    }
}

/// One zip entry's bytes, pulled a buffer at a time: stored bytes are read from the file, deflated ones
/// inflated by zlib (`Inflate.Stream`) from 64 KiB reads that never run past the entry.
///
/// Memory is one compressed chunk and zlib's state, whatever the entry's size. The output may not outgrow
/// the declared size (a zip bomb that lies about its size stops one buffer past it), and at the end its
/// size and CRC-32 are checked against the directory's.
public final class ZipEntryReader {
    private let archive: URL
    private let path: String
    private let file: ZipFile
    private let entry: ZipDirectory.Entry
    private let inflater: Inflate.Stream?
    /// Where the stored or compressed bytes not yet read begin, and where they end.
    private var position: UInt64
    private let end: UInt64
    private var produced: UInt64 = 0
    private var checksum: UInt32 = 0
    private var finished = false

    init(archive: URL, path: String, file: ZipFile, dataOffset: UInt64, entry: ZipDirectory.Entry, chunkSize: Int) throws {
        self.archive = archive
        self.path = path
        self.file = file
        self.entry = entry
        position = dataOffset
        end = dataOffset + entry.compressedSize
        if entry.method == 8 {
            var cursor = dataOffset
            let end = self.end
            do {
                inflater = try Inflate.Stream {
                    guard cursor < end else { return nil }
                    let count = Int(min(end - cursor, UInt64(chunkSize)))
                    let chunk = try file.read(at: cursor, count: count, entry: path)
                    cursor += UInt64(count)
                    return chunk
                }
            } catch {
                file.close()
                throw ArchiveError(archive: archive, entry: path, problem: .unreadable("zlib could not start: \(error)"))
            }
        } else {
            inflater = nil
        }
    }

    deinit { file.close() }

    /// The entry's name inside the archive.
    public var entryPath: String { path }

    /// Fills the front of `buffer` with the entry's next bytes; returns how many, 0 at the end (once the
    /// size and checksum have been checked).
    ///
    /// - Throws: `ArchiveError` when the entry is damaged, inflates past or short of its declared size,
    ///   or fails its CRC-32.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, buffer.count > 0 else { return 0 }
        var count: Int
        if let inflater {
            do {
                count = try inflater.read(into: buffer)
            } catch let failure as Inflate.Failure {
                throw error(for: failure)
            }
        } else {
            count = Int(min(end - position, UInt64(buffer.count)))
            if count > 0 {
                let data = try file.read(at: position, count: count, entry: path)
                UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]).copyBytes(from: data)
                position += UInt64(count)
            }
        }
        produced += UInt64(count)
        guard produced <= entry.uncompressedSize else {
            throw error(for: .exceedsLimit)
        }
        if count > 0 {
            checksum = Inflate.crc32(checksum, UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            return count
        }
        finished = true
        guard produced == entry.uncompressedSize else {
            throw problem(.corruptEntry("it holds \(produced) bytes but declares \(entry.uncompressedSize)"))
        }
        guard checksum == entry.checksum else {
            throw problem(.corruptEntry("its CRC-32 checksum does not match its data"))
        }
        return 0
    }

    private func problem(_ problem: ArchiveError.Problem) -> ArchiveError {
        ArchiveError(archive: archive, entry: path, problem: problem)
    }

    private func error(for failure: Inflate.Failure) -> ArchiveError {
        switch failure {
        case .exceedsLimit:
            return problem(.corruptEntry("it inflates to more than the \(entry.uncompressedSize) bytes it declares"))
        case .unterminated:
            return problem(.corruptEntry("its deflate stream does not end within its \(entry.compressedSize) compressed bytes"))
        case .damaged(let reason):
            return problem(.corruptEntry("its deflate data is damaged (\(reason))"))
        case .outOfMemory:
            return problem(.unreadable("zlib ran out of memory"))
        case .zlibFailure(let status):
            return problem(.unreadable("zlib failed with status \(status)"))
        }
    }
}
