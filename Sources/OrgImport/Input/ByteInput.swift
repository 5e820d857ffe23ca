#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import OrgModel

/// A file (or standard input, named `-`) read in chunks, hashed with SHA-256 as it goes.
public final class ByteInput {
    /// The name used in messages: the path as given, or `<stdin>`.
    public let displayName: String
    /// The file's size when known (not for pipes), for progress.
    public let size: Int?
    public private(set) var bytesRead = 0
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// Bytes held in memory instead of a file (the embedded sample, tests); read from `memoryOffset`.
    private let memory: [UInt8]?
    private var memoryOffset = 0
    private var hasher = Crypto.SHA256()

    /// Reads `bytes` as if they were a file named `name`.
    public init(bytes: [UInt8], name: String) {
        descriptor = -1
        ownsDescriptor = false
        memory = bytes
        displayName = name
        size = bytes.count
    }

    /// Opens `path`; `-` is standard input.
    public init(path: String) throws {
        memory = nil
        if path == "-" {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
            displayName = "<stdin>"
            size = nil
            return
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw OrgMapError.unreadableFile(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw OrgMapError.unreadableFile(path: path, reason: "it is a folder, not a file")
        }
        descriptor = fd
        ownsDescriptor = true
        displayName = path
        size = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    /// Fills the front of `buffer`; returns the count read, 0 at the end of the file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if let memory {
            let n = min(buffer.count, memory.count - memoryOffset)
            memory.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + memoryOffset, byteCount: n) }
            memoryOffset += n
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            bytesRead += n
            return n
        }
        while true {
            let n = readFile(descriptor, buffer.baseAddress, buffer.count)
            if n >= 0 {
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                bytesRead += n
                return n
            }
            if errno == EINTR { continue }
            throw OrgMapError.unreadableFile(path: displayName, reason: String(cString: strerror(errno)))
        }
    }

    /// The SHA-256 of every byte read so far, lowercase hex; call once, after the last read.
    public func finishDigest() -> String {
        hasher.finalize().map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }
}

/// `read(2)`, named apart from ``ByteInput/read(into:)``, which would hide it inside the class.
private func readFile(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
