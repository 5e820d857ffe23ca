import Foundation

/// Positioned reads from a zip file on disk.
///
/// `ZipArchive` opens one for each entry it reads, so the archive value stays `Sendable` and holds no
/// descriptor between reads; one `open` per entry is negligible next to parsing the entry.
struct ZipFile {
    let url: URL
    let size: UInt64
    private let handle: FileHandle

    init(url: URL) throws {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw ArchiveError(archive: url, problem: .unreadable(error.localizedDescription))
        }
        self.url = url
    }

    func close() {
        try? handle.close()
    }

    /// Exactly `count` bytes at `offset`; callers check the range against `size` first, so a short
    /// read means the file changed underneath us.
    func read(at offset: UInt64, count: Int, entry: String? = nil) throws -> Data {
        do {
            try handle.seek(toOffset: offset)
            let data = try handle.read(upToCount: count) ?? Data()
            if data.count == count {
                return data
            }
        } catch {
            throw ArchiveError(archive: url, entry: entry, problem: .unreadable(error.localizedDescription))
        }
        throw ArchiveError(
            archive: url, entry: entry,
            problem: .unreadable("the file ended before byte \(offset + UInt64(count)); did it change while being read?"))
    }
}

extension Data {
    /// The little-endian unsigned integer of `width` bytes at `offset`, or nil when that runs past the end.
    func littleEndian(at offset: Int, width: Int) -> UInt64? {
        guard offset >= 0, width <= 8, offset <= count - width else { return nil }
        var value: UInt64 = 0
        for index in stride(from: offset + width - 1, through: offset, by: -1) {
            value = value << 8 | UInt64(self[startIndex + index])
        }
        return value
    }
}
