import Foundation
import OrgModel

/// Buffered file writer: generating millions of rows or thousands of calendars must not be bound by tiny writes.
struct BufferedFileWriter {
    private let file: FileHandle
    private var buffer: [UInt8] = []
    private var failure: (any Error)?
    let path: String

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw OrgMapError.unwritableFile(path: path, reason: "cannot create a file here")
        }
        self.file = file
        self.path = path
        buffer.reserveCapacity(1 << 20)
    }

    /// `text` and a line feed, as CSV rows end.
    mutating func line(_ text: String) {
        write(text)
        buffer.append(10)
    }

    /// `text` as it is: calendar text carries its own CRLF line ends.
    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Keeps the first failure for ``close()`` to report, so writing never throws.
    private mutating func flush() {
        guard failure == nil else { return }
        do { try file.write(contentsOf: buffer) } catch { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        flush()
        try? file.close()
        if let failure { throw OrgMapError.unwritableFile(path: path, reason: failure.localizedDescription) }
    }
}
