import CZlib
import Foundation

/// zlib's raw-deflate inflater and its CRC-32, behind an interface that takes and returns plain values.
///
/// This is the only file of the module that handles unsafe pointers, so every assumption about their
/// lifetime is stated and checked here.
enum Inflate {
    /// Why a deflate stream could not be inflated.
    enum Failure: Error, Equatable {
        /// The stream yields more bytes than the limit: a zip bomb, or a header that lies.
        case exceedsLimit
        /// The compressed bytes run out before the stream's final block ends.
        case unterminated
        /// zlib rejects the data; the text is zlib's reason.
        case damaged(String)
        /// zlib cannot allocate its state.
        case outOfMemory
        /// zlib fails in a way no input should cause (a stream or version error); the value is its status.
        case zlibFailure(Int32)
    }

    /// zlib counts bytes in 32-bit `uInt`s, so larger buffers are handed over in passes of this size.
    private static let maxPass = Int(uInt.max)
    /// The first output buffer; it doubles as needed, so a header declaring a huge size costs nothing
    /// until the stream really produces that much.
    private static let initialCapacity = 64 * 1024

    /// Inflates a raw deflate stream (no zlib or gzip wrapper), as zip compression method 8 stores it.
    ///
    /// Bytes after the end of the stream are ignored, as other zip readers do; the caller's size and
    /// CRC-32 checks still apply to the output.
    ///
    /// - Parameters:
    ///   - limit: the most bytes the stream may yield. Output never grows past one byte more, which is
    ///     how an overlong stream is told from one that ends exactly at the limit.
    ///   - nextChunk: the compressed bytes a chunk at a time, then nil. zlib sees nothing else, so it
    ///     cannot read past the input.
    /// - Throws: `Failure`, or whatever `nextChunk` throws.
    static func rawDeflate(limit: Int, from nextChunk: () throws -> Data?) throws -> Data {
        // zlib's state points back at its z_stream and rejects a moved one, so the z_stream gets a fixed
        // heap address: `&variable` does not promise the same address from one call to the next.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        // `inflateInit2` is a C macro; -15 selects a raw stream with the largest (32 KiB) window.
        let initStatus = inflateInit2_(stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { throw failure(initStatus, stream) }
        // Declared after the deallocation above, so it runs first.
        defer { inflateEnd(stream) }

        // Room for one byte past the limit tells an overlong stream from one that ends right at it.
        let ceiling = min(limit, Int.max - 1) + 1
        var output = Data(count: min(ceiling, initialCapacity))
        var produced = 0
        var finished = false
        while !finished, let chunk = try nextChunk() {
            var consumed = 0
            var status: Int32
            repeat {
                if produced == output.count {
                    guard output.count < ceiling else { throw Failure.exceedsLimit }
                    output.count = min(ceiling, output.count * 2)
                }
                status = pass(stream, input: chunk, consumed: &consumed, output: &output, produced: &produced)
                switch status {
                case Z_STREAM_END:
                    finished = true
                case Z_OK, Z_BUF_ERROR:
                    // Z_BUF_ERROR only says no progress was possible: input used up, or output full.
                    break
                default:
                    throw failure(status, stream)
                }
                // Z_OK always means progress, so this loop ends: it stops, grows the bounded output, or
                // consumes input.
            } while !finished && (produced == output.count || (consumed < chunk.count && status == Z_OK))
        }
        guard finished else { throw Failure.unterminated }
        guard produced < ceiling else { throw Failure.exceedsLimit }
        output.count = produced
        return output
    }

    /// One `inflate` call from `input[consumed...]` into `output[produced...]`, advancing both positions.
    private static func pass(
        _ stream: UnsafeMutablePointer<z_stream>,
        input: Data, consumed: inout Int,
        output: inout Data, produced: inout Int
    ) -> Int32 {
        input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                // Both buffer pointers are valid only inside these closures, so they are given to zlib,
                // used by this one `inflate` call, and cleared from the z_stream before the closures
                // return; between calls zlib keeps only its own copy of recent output (its window), not
                // our pointers. Data's bytes are plain UInt8 (`Bytef`) memory, and zlib never writes
                // through `next_in`: its C type merely lacks `const`.
                let inputCount = min(source.count - consumed, maxPass)
                let room = min(target.count - produced, maxPass)
                stream.pointee.next_in = source.baseAddress.map {
                    UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self) + consumed)
                }
                stream.pointee.avail_in = uInt(inputCount)
                stream.pointee.next_out = target.baseAddress.map { $0.assumingMemoryBound(to: Bytef.self) + produced }
                stream.pointee.avail_out = uInt(room)
                let status = inflate(stream, Z_NO_FLUSH)
                consumed += inputCount - Int(stream.pointee.avail_in)
                produced += room - Int(stream.pointee.avail_out)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
                return status
            }
        }
    }

    private static func failure(_ status: Int32, _ stream: UnsafeMutablePointer<z_stream>) -> Failure {
        switch status {
        case Z_MEM_ERROR:
            return .outOfMemory
        case Z_DATA_ERROR:
            // `msg` points at a static string in zlib or is null; it is read before `inflateEnd`.
            return .damaged(stream.pointee.msg.map { String(cString: $0) } ?? "invalid deflate data")
        default:
            return .zlibFailure(status)
        }
    }

    /// The CRC-32 that zip records for each entry's uncompressed bytes.
    static func crc32(of bytes: Data) -> UInt32 {
        bytes.withUnsafeBytes { buffer in
            // The pointer is used only by the zlib calls inside this closure.
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return 0 }
            var checksum: uLong = 0
            var offset = 0
            while offset < buffer.count {
                let count = min(buffer.count - offset, maxPass)
                checksum = CZlib.crc32(checksum, base + offset, uInt(count))
                offset += count
            }
            return UInt32(checksum)
        }
    }
}
