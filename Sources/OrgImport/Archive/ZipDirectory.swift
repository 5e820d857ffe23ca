import Foundation

/// A zip's central directory, read with bounded effort: everything `ZipArchive` needs to list the
/// entries and to find, size-check and verify each one.
///
/// The end-of-directory record is looked for only in the last 64 KiB, where the format puts it, and a
/// file without one is told apart as a non-zip or a truncated zip.
struct ZipDirectory {
    /// One central-directory record.
    struct Entry {
        var name: String
        /// False for folders and symbolic links, which are not listed.
        var isFile: Bool
        var method: UInt16
        var checksum: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
    }

    /// The records in directory order, duplicates included.
    let entries: [Entry]

    private static let endRecordSignature: UInt64 = 0x0605_4B50
    private static let endRecordSize = 22
    private static let maxCommentLength = 0xFFFF
    private static let zip64LocatorSignature: UInt64 = 0x0706_4B50
    private static let zip64LocatorSize = 20
    private static let zip64EndRecordSignature: UInt64 = 0x0606_4B50
    private static let zip64EndRecordSize = 56
    private static let centralRecordSignature: UInt64 = 0x0201_4B50
    private static let centralRecordSize = 46
    static let localHeaderSignature: UInt64 = 0x0403_4B50
    static let localHeaderSize = 30

    /// Where the central directory lies and how many records it holds.
    private struct Bounds {
        var entryCount: UInt64
        var size: UInt64
        var offset: UInt64
        /// Where the structures after the directory begin; the directory must end before this.
        var end: UInt64
    }

    /// - Parameter maxSize: the largest central directory that will be loaded into memory.
    init(file: ZipFile, maxSize: UInt64) throws {
        let bounds = try Self.locate(in: file)
        guard bounds.offset <= bounds.end, bounds.size <= bounds.end - bounds.offset else {
            throw Self.corrupt(file, "its central directory lies outside the file")
        }
        guard bounds.size <= maxSize else {
            throw Self.corrupt(file, "its central directory is \(bounds.size) bytes, more than the \(maxSize)-byte limit")
        }
        guard bounds.entryCount <= bounds.size / UInt64(Self.centralRecordSize) else {
            throw Self.corrupt(file, "its directory claims \(bounds.entryCount) entries, too many for its \(bounds.size) bytes")
        }
        let records = try file.read(at: bounds.offset, count: Int(bounds.size))
        entries = try Self.walk(records, count: Int(bounds.entryCount), headersEnd: bounds.offset, file: file)
    }

    private static func corrupt(_ file: ZipFile, _ detail: String) -> ArchiveError {
        ArchiveError(archive: file.url, problem: .corruptZip(detail))
    }

    /// Finds the end-of-directory record in the file's last 64 KiB, following it to the ZIP64 record
    /// when there is one.
    private static func locate(in file: ZipFile) throws -> Bounds {
        let tailLength = min(file.size, UInt64(endRecordSize + maxCommentLength))
        let tailStart = file.size - tailLength
        let tail = try file.read(at: tailStart, count: Int(tailLength))
        var position = tail.count - endRecordSize
        while position >= 0, tail.littleEndian(at: position, width: 4) != endRecordSignature {
            position -= 1
        }
        guard position >= 0,
              let count = tail.littleEndian(at: position + 10, width: 2),
              let size = tail.littleEndian(at: position + 12, width: 4),
              let offset = tail.littleEndian(at: position + 16, width: 4)
        else {
            throw try missingEnd(file)
        }
        let endOffset = tailStart + UInt64(position)
        let plain = Bounds(entryCount: count, size: size, offset: offset, end: endOffset)
        guard count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF,
              endOffset >= UInt64(zip64LocatorSize)
        else {
            return plain
        }
        let locator = try file.read(at: endOffset - UInt64(zip64LocatorSize), count: zip64LocatorSize)
        guard locator.littleEndian(at: 0, width: 4) == zip64LocatorSignature,
              let zip64Offset = locator.littleEndian(at: 8, width: 8)
        else {
            // Exactly 65535 entries without ZIP64 is legal; the plain record then holds the truth.
            return plain
        }
        guard zip64Offset <= endOffset, UInt64(zip64EndRecordSize) <= endOffset - zip64Offset else {
            throw corrupt(file, "its ZIP64 end record lies outside the file")
        }
        let record = try file.read(at: zip64Offset, count: zip64EndRecordSize)
        guard record.littleEndian(at: 0, width: 4) == zip64EndRecordSignature,
              let count64 = record.littleEndian(at: 32, width: 8),
              let size64 = record.littleEndian(at: 40, width: 8),
              let offset64 = record.littleEndian(at: 48, width: 8)
        else {
            throw corrupt(file, "its ZIP64 end record is damaged")
        }
        return Bounds(entryCount: count64, size: size64, offset: offset64, end: zip64Offset)
    }

    /// A file that starts like a zip but has no end record was cut short; anything else is no zip.
    private static func missingEnd(_ file: ZipFile) throws -> ArchiveError {
        var startsLikeZip = false
        if file.size >= 4 {
            startsLikeZip = try file.read(at: 0, count: 4).littleEndian(at: 0, width: 4) == localHeaderSignature
        }
        return ArchiveError(archive: file.url, problem: startsLikeZip ? .truncatedZip : .notAZipArchive)
    }

    /// Reads `count` records, the number the end record declares, and checks that no further record
    /// follows, so a directory whose count disagrees with its records is an error rather than a
    /// silently shortened listing.
    ///
    /// - Parameter headersEnd: where the directory starts; every local header must lie before it.
    private static func walk(_ records: Data, count: Int, headersEnd: UInt64, file: ZipFile) throws -> [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var position = 0
        for index in 0..<count {
            func unreadable() -> ArchiveError {
                corrupt(file, "its central directory lists \(count) entries but only \(index) can be read")
            }
            guard records.littleEndian(at: position, width: 4) == centralRecordSignature,
                  let madeBy = records.littleEndian(at: position + 4, width: 2),
                  let method = records.littleEndian(at: position + 10, width: 2),
                  let checksum = records.littleEndian(at: position + 16, width: 4),
                  let compressedSize = records.littleEndian(at: position + 20, width: 4),
                  let uncompressedSize = records.littleEndian(at: position + 24, width: 4),
                  let nameLength = records.littleEndian(at: position + 28, width: 2),
                  let extraLength = records.littleEndian(at: position + 30, width: 2),
                  let commentLength = records.littleEndian(at: position + 32, width: 2),
                  let attributes = records.littleEndian(at: position + 38, width: 4),
                  let offset = records.littleEndian(at: position + 42, width: 4)
            else {
                throw unreadable()
            }
            let nameStart = position + centralRecordSize
            let extraStart = nameStart + Int(nameLength)
            let next = extraStart + Int(extraLength) + Int(commentLength)
            guard next <= records.count else { throw unreadable() }
            // ZIP64 extra field (id 1): the 64-bit values of the saturated 32-bit fields, in this order.
            var wide = [uncompressedSize, compressedSize, offset]
            if wide.contains(0xFFFF_FFFF) {
                func missing() -> ArchiveError {
                    corrupt(file, "central directory record \(index + 1) of \(count) lacks its ZIP64 sizes or offset")
                }
                guard let zip64 = zip64Field(in: records, from: extraStart, length: Int(extraLength)) else { throw missing() }
                var cursor = zip64.start
                for slot in wide.indices where wide[slot] == 0xFFFF_FFFF {
                    guard cursor + 8 <= zip64.start + zip64.count,
                          let value = records.littleEndian(at: cursor, width: 8)
                    else { throw missing() }
                    wide[slot] = value
                    cursor += 8
                }
            }
            guard wide[2] <= headersEnd, UInt64(localHeaderSize) <= headersEnd - wide[2] else { throw unreadable() }
            let nameBytes = records[records.startIndex + nameStart..<records.startIndex + extraStart]
            let name = ZipEntryName.decode(nameBytes)
            entries.append(Entry(
                name: name, isFile: isFile(name: name, madeBy: madeBy, attributes: attributes),
                method: UInt16(method), checksum: UInt32(checksum), compressedSize: wide[1], uncompressedSize: wide[0],
                localHeaderOffset: wide[2]))
            position = next
        }
        if records.littleEndian(at: position, width: 4) == centralRecordSignature {
            throw corrupt(file, "its central directory holds more records than the \(count) its end record lists")
        }
        return entries
    }

    /// Folders end in `/`. On Unix (host 3 in the high byte of "version made by") the high 16 bits of
    /// the external attributes hold the file mode, whose type also marks folders and symbolic links.
    /// Other types still hold plain bytes and are kept: Info-ZIP's `zip` writes an entry read from a
    /// pipe with the pipe's FIFO mode.
    private static func isFile(name: String, madeBy: UInt64, attributes: UInt64) -> Bool {
        if name.hasSuffix("/") {
            return false
        }
        guard madeBy >> 8 == 3 else { return true }
        let fileType = (attributes >> 16) & 0o170000
        return fileType != 0o040000 && fileType != 0o120000
    }

    /// Where the ZIP64 extra field's data lies within a record's extra area, if present.
    private static func zip64Field(in records: Data, from start: Int, length: Int) -> (start: Int, count: Int)? {
        var position = start
        while position + 4 <= start + length {
            guard let id = records.littleEndian(at: position, width: 2),
                  let size = records.littleEndian(at: position + 2, width: 2)
            else { return nil }
            if id == 1 {
                return position + 4 + Int(size) <= start + length ? (position + 4, Int(size)) : nil
            }
            position += 4 + Int(size)
        }
        return nil
    }
}
