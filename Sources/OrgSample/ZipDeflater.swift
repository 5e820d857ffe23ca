import CZlib
import Foundation

/// zlib's raw deflate stream, writing its output to a file as it goes: the compression side of the zip
/// entries ``XLSXWriter`` writes, like Excel's own. The only unsafe pointers of OrgSample; each is used by one
/// zlib call and cleared before the buffer it points into can move.
final class ZipDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var output = [UInt8](repeating: 0, count: 1 << 16)
    /// The CRC-32 and size of what went in, and the size of what came out.
    private(set) var checksum: UInt32 = 0
    private(set) var inputSize: UInt64 = 0
    private(set) var outputSize: UInt64 = 0

    init() {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // `deflateInit2` is a C macro; -15 makes a raw stream (no zlib header), as zip stores it. Only a
        // failed allocation makes it fail.
        let status = deflateInit2_(stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "zlib's deflateInit2 failed with status \(status)")
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `bytes`, handing compressed output to `write`.
    func compress(_ bytes: [UInt8], write: ([UInt8]) throws -> Void) throws {
        bytes.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { checksum = UInt32(crc32(uLong(checksum), base, uInt(buffer.count))) }
        }
        inputSize += UInt64(bytes.count)
        try run(bytes, flush: Z_NO_FLUSH, write: write)
    }

    /// Ends the stream, handing the last compressed bytes to `write`.
    func finish(write: ([UInt8]) throws -> Void) throws {
        try run([], flush: Z_FINISH, write: write)
    }

    private func run(_ input: [UInt8], flush: Int32, write: ([UInt8]) throws -> Void) throws {
        var consumed = 0
        while true {
            let (status, produced, used) = input.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target in
                    let available = source.count - consumed
                    stream.pointee.next_in = source.baseAddress.map { UnsafeMutablePointer(mutating: $0 + consumed) }
                    stream.pointee.avail_in = uInt(available)
                    stream.pointee.next_out = target.baseAddress
                    stream.pointee.avail_out = uInt(target.count)
                    let status = deflate(stream, flush)
                    let used = available - Int(stream.pointee.avail_in)
                    let produced = target.count - Int(stream.pointee.avail_out)
                    stream.pointee.next_in = nil
                    stream.pointee.next_out = nil
                    return (status, produced, used)
                }
            }
            consumed += used
            if produced > 0 {
                outputSize += UInt64(produced)
                try write(Array(output[0..<produced]))
            }
            if flush == Z_FINISH {
                if status == Z_STREAM_END { return }
                precondition(status == Z_OK || status == Z_BUF_ERROR, "zlib's deflate failed with status \(status)")
            } else {
                precondition(status == Z_OK || status == Z_BUF_ERROR, "zlib's deflate failed with status \(status)")
                // All input taken and room left over: zlib holds nothing more to give now.
                if consumed == input.count && produced < output.count { return }
            }
        }
    }
}
