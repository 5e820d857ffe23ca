import CZlib
import Foundation

/// One entry for `RawZip.build`, with every field settable so tests can forge what no zip writer
/// produces: lying sizes, streams that never end, wrong checksums, odd names, ZIP64 fields.
struct RawZipEntry {
    /// The name exactly as written.
    var nameBytes: [UInt8]
    /// General-purpose flags; bit 11 marks the name as UTF-8.
    var flags: UInt16 = 0x0800
    /// 0 stored, 8 deflate, anything else unsupported.
    var method: UInt16
    /// The bytes exactly as they appear in the file after the local header.
    var payload: Data
    var crc: UInt32
    var uncompressedSize: UInt32
    /// Unix file mode in the high 16 bits ("version made by" says Unix): a regular file by default.
    var externalAttributes: UInt32 = 0o100644 << 16
    /// The directory fields saturated to 0xFFFFFFFF, their values moved to a ZIP64 extra field.
    var zip64: Zip64Fields = []

    var name: String { String(decoding: nameBytes, as: UTF8.self) }

    init(name: String, method: UInt16, payload: Data, crc: UInt32, uncompressedSize: UInt32) {
        self.nameBytes = Array(name.utf8)
        self.method = method
        self.payload = payload
        self.crc = crc
        self.uncompressedSize = uncompressedSize
    }

    /// A correct stored entry holding `content`.
    static func stored(_ name: String, _ content: Data) -> RawZipEntry {
        RawZipEntry(
            name: name, method: 0, payload: content, crc: RawZip.checksum(content),
            uncompressedSize: UInt32(content.count))
    }

    /// A correct deflated entry holding `content`.
    static func deflated(_ name: String, _ content: Data) -> RawZipEntry {
        RawZipEntry(
            name: name, method: 8, payload: RawZip.deflate(content), crc: RawZip.checksum(content),
            uncompressedSize: UInt32(content.count))
    }
}

struct Zip64Fields: OptionSet {
    let rawValue: Int
    static let uncompressedSize = Zip64Fields(rawValue: 1)
    static let compressedSize = Zip64Fields(rawValue: 2)
    static let localHeaderOffset = Zip64Fields(rawValue: 4)
}

enum RawZip {
    /// A zip holding `entries` in order, made by "Unix".
    ///
    /// - Parameters:
    ///   - zip64EndRecord: whether to end with a ZIP64 end record and locator, leaving the plain end
    ///     record's fields saturated.
    ///   - declaredCount: the entry count written into the end record(s), when it should lie.
    static func build(_ entries: [RawZipEntry], zip64EndRecord: Bool = false, declaredCount: Int? = nil) -> Data {
        var body = Data()
        var directory = Data()
        for entry in entries {
            let offset = UInt64(body.count)
            body.appendLE(0x0403_4B50, 4)
            body.appendLE(20, 2)
            body.appendLE(UInt64(entry.flags), 2)
            body.appendLE(UInt64(entry.method), 2)
            body.appendLE(0, 4)
            body.appendLE(UInt64(entry.crc), 4)
            body.appendLE(UInt64(entry.payload.count), 4)
            body.appendLE(UInt64(entry.uncompressedSize), 4)
            body.appendLE(UInt64(entry.nameBytes.count), 2)
            body.appendLE(0, 2)
            body.append(contentsOf: entry.nameBytes)
            body.append(entry.payload)

            // The ZIP64 extra field holds the saturated values in this fixed order.
            let wideValues: [(Zip64Fields, UInt64)] = [
                (.uncompressedSize, UInt64(entry.uncompressedSize)),
                (.compressedSize, UInt64(entry.payload.count)),
                (.localHeaderOffset, offset),
            ]
            var zip64Values = Data()
            for (field, value) in wideValues where entry.zip64.contains(field) {
                zip64Values.appendLE(value, 8)
            }
            var extra = Data()
            if !zip64Values.isEmpty {
                extra.appendLE(1, 2)
                extra.appendLE(UInt64(zip64Values.count), 2)
                extra.append(zip64Values)
            }
            func saturated(_ value: UInt64, _ field: Zip64Fields) -> UInt64 {
                entry.zip64.contains(field) ? 0xFFFF_FFFF : value
            }
            directory.appendLE(0x0201_4B50, 4)
            directory.appendLE(0x031E, 2)
            directory.appendLE(20, 2)
            directory.appendLE(UInt64(entry.flags), 2)
            directory.appendLE(UInt64(entry.method), 2)
            directory.appendLE(0, 4)
            directory.appendLE(UInt64(entry.crc), 4)
            directory.appendLE(saturated(UInt64(entry.payload.count), .compressedSize), 4)
            directory.appendLE(saturated(UInt64(entry.uncompressedSize), .uncompressedSize), 4)
            directory.appendLE(UInt64(entry.nameBytes.count), 2)
            directory.appendLE(UInt64(extra.count), 2)
            directory.appendLE(0, 2)
            directory.appendLE(0, 2)
            directory.appendLE(0, 2)
            directory.appendLE(UInt64(entry.externalAttributes), 4)
            directory.appendLE(saturated(offset, .localHeaderOffset), 4)
            directory.append(contentsOf: entry.nameBytes)
            directory.append(extra)
        }
        let count = UInt64(declaredCount ?? entries.count)
        var end = Data()
        if zip64EndRecord {
            let recordOffset = UInt64(body.count + directory.count)
            end.appendLE(0x0606_4B50, 4)
            end.appendLE(44, 8)
            end.appendLE(0x031E, 2)
            end.appendLE(45, 2)
            end.appendLE(0, 4)
            end.appendLE(0, 4)
            end.appendLE(count, 8)
            end.appendLE(count, 8)
            end.appendLE(UInt64(directory.count), 8)
            end.appendLE(UInt64(body.count), 8)
            end.appendLE(0x0706_4B50, 4)
            end.appendLE(0, 4)
            end.appendLE(recordOffset, 8)
            end.appendLE(1, 4)
        }
        end.appendLE(0x0605_4B50, 4)
        end.appendLE(0, 2)
        end.appendLE(0, 2)
        end.appendLE(zip64EndRecord ? 0xFFFF : count, 2)
        end.appendLE(zip64EndRecord ? 0xFFFF : count, 2)
        end.appendLE(zip64EndRecord ? 0xFFFF_FFFF : UInt64(directory.count), 4)
        end.appendLE(zip64EndRecord ? 0xFFFF_FFFF : UInt64(body.count), 4)
        end.appendLE(0, 2)
        return body + directory + end
    }

    /// The CRC-32 zip records, from zlib.
    static func checksum(_ content: Data) -> UInt32 {
        let bytes = [UInt8](content)
        return UInt32(crc32(0, bytes, uInt(bytes.count)))
    }

    /// Raw deflate bytes for `content`: zlib's `compress2` output without its 2-byte header and
    /// 4-byte Adler-32 trailer.
    static func deflate(_ content: Data) -> Data {
        let source = [UInt8](content)
        var length = compressBound(uLong(source.count))
        var buffer = [UInt8](repeating: 0, count: Int(length))
        let status = compress2(&buffer, &length, source, uLong(source.count), Z_BEST_COMPRESSION)
        precondition(status == Z_OK, "compress2 failed with status \(status)")
        return Data(buffer[2..<Int(length) - 4])
    }

    /// A hand-made deflate stream of `259 + 2064 × 2^doublings` zero bytes, at deflate's best ratio of
    /// about 1000:1: one fixed-Huffman block holding a literal 0 and then copies of 258 bytes from
    /// distance 1 (13 bits each).
    ///
    /// The first 3 bytes are the block header, the literal and one copy (24 bits); then come
    /// 13-byte units of 8 copies each (104 bits), so the units stay byte-aligned and can be repeated.
    /// When `terminated`, an end-of-block code and an empty final block close the stream; otherwise
    /// it never ends.
    static func zeroStream(doublings: Int, terminated: Bool) -> Data {
        var units = Data([0xA3, 0x60, 0x14, 0x8C, 0x82, 0x51, 0x30, 0x0A, 0x46, 0xC1, 0x28, 0x18, 0x05])
        for _ in 0..<doublings {
            units.append(units)
        }
        return Data([0x62, 0x18, 0x05]) + units + (terminated ? Data([0x80, 0x01, 0x00]) : Data())
    }
}

private extension Data {
    mutating func appendLE(_ value: UInt64, _ width: Int) {
        for shift in 0..<width {
            append(UInt8(truncatingIfNeeded: value >> (8 * shift)))
        }
    }
}
