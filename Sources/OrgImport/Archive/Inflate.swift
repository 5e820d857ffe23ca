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

    /// A raw deflate stream (no zlib or gzip wrapper), as zip compression method 8 stores it, inflated a
    /// buffer at a time: memory is zlib's state (its 32 KiB window) and one compressed chunk, whatever the
    /// size of the output.
    ///
    /// Bytes after the end of the stream are ignored, as other zip readers do; the caller counts the
    /// output and checks its size and CRC-32.
    final class Stream {
        /// zlib's state points back at its z_stream and rejects a moved one, so the z_stream gets a fixed
        /// heap address: `&variable` does not promise the same address from one call to the next.
        private let stream: UnsafeMutablePointer<z_stream>
        private let nextChunk: () throws -> Data?
        /// The compressed chunk being inflated, and how much of it zlib has consumed.
        private var input = Data()
        private var consumed = 0
        private var finished = false

        /// - Parameter nextChunk: the compressed bytes a chunk at a time, then nil. zlib sees nothing else,
        ///   so it cannot read past the input.
        init(from nextChunk: @escaping () throws -> Data?) throws {
            self.nextChunk = nextChunk
            stream = .allocate(capacity: 1)
            stream.initialize(to: z_stream())
            // `inflateInit2` is a C macro; -15 selects a raw stream with the largest (32 KiB) window.
            let status = inflateInit2_(stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else {
                let failure = Inflate.failure(status, stream)
                stream.deinitialize(count: 1)
                stream.deallocate()
                throw failure
            }
        }

        deinit {
            inflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }

        /// Inflates into the front of `output`; returns how many bytes were written, 0 only once the
        /// stream has ended (or when `output` is empty).
        ///
        /// - Throws: `Failure.unterminated` when the compressed bytes run out before the final block ends,
        ///   `.damaged` and the others as zlib reports them, or whatever `nextChunk` throws.
        func read(into output: UnsafeMutableRawBufferPointer) throws -> Int {
            guard !finished, output.count > 0, let target = output.baseAddress else { return 0 }
            while true {
                if consumed == input.count {
                    guard let chunk = try nextChunk() else { throw Failure.unterminated }
                    input = chunk
                    consumed = 0
                    if chunk.isEmpty { continue }
                }
                let room = min(output.count, maxPass)
                let (status, produced) = input.withUnsafeBytes { source in
                    // The input pointer is valid only inside this closure, so it is given to zlib, used by
                    // this one `inflate` call, and cleared before the closure returns; the output buffer is
                    // the caller's and outlives the call. Between calls zlib keeps only its own window.
                    // Data's bytes are plain UInt8 (`Bytef`) memory, and zlib never writes through
                    // `next_in`: its C type merely lacks `const`.
                    let inputCount = min(source.count - consumed, maxPass)
                    stream.pointee.next_in = source.baseAddress.map {
                        UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self) + consumed)
                    }
                    stream.pointee.avail_in = uInt(inputCount)
                    stream.pointee.next_out = target.assumingMemoryBound(to: Bytef.self)
                    stream.pointee.avail_out = uInt(room)
                    let status = inflate(stream, Z_NO_FLUSH)
                    consumed += inputCount - Int(stream.pointee.avail_in)
                    let produced = room - Int(stream.pointee.avail_out)
                    stream.pointee.next_in = nil
                    stream.pointee.next_out = nil
                    return (status, produced)
                }
                switch status {
                case Z_STREAM_END:
                    finished = true
                    return produced
                case Z_OK, Z_BUF_ERROR:
                    // Z_BUF_ERROR only says no progress was possible: the input is used up, so the next
                    // pass fetches more. Z_OK always means progress, so this loop ends.
                    if produced > 0 { return produced }
                    if status == Z_BUF_ERROR && consumed < input.count { throw Failure.zlibFailure(status) }
                default:
                    throw Inflate.failure(status, stream)
                }
            }
        }
    }

    fileprivate static func failure(_ status: Int32, _ stream: UnsafeMutablePointer<z_stream>) -> Failure {
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

    /// The CRC-32 that zip records for each entry's uncompressed bytes, continued over `bytes` from
    /// `previous` (0 to start).
    static func crc32(_ previous: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        // The pointer is used only by the zlib calls inside this function.
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return previous }
        var checksum = uLong(previous)
        var offset = 0
        while offset < bytes.count {
            let count = min(bytes.count - offset, maxPass)
            checksum = CZlib.crc32(checksum, base + offset, uInt(count))
            offset += count
        }
        return UInt32(checksum)
    }
}
