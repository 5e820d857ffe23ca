/// Splits a file's bytes into unfolded logical content lines.
///
/// Works on bytes rather than `String` so a 300 KB export is read in one pass
/// with one reusable buffer. Unfolding happens before UTF-8 validation because
/// RFC 5545 (3.1) allows sloppy writers to fold inside a multi-byte character.
/// Line ends may be CRLF, bare LF or bare CR; a line end followed by one SPACE
/// or TAB continues the previous line and that one character is dropped.
struct ContentLineScanner {
    /// A logical line that is not valid UTF-8, with the physical line of the bad byte.
    struct InvalidUTF8: Error {
        let line: Int
    }

    private let bytes: [UInt8]
    private var position: Int
    private var nextPhysicalLine = 1
    /// Offsets in `line` where each folded physical line's content begins.
    private var segmentStarts: [Int] = []

    /// The current logical line, unfolded, without its line end.
    private(set) var line: [UInt8] = []
    /// Physical line (1-based) where the current logical line starts.
    private(set) var lineNumber = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasByteOrderMark ? 3 : 0
        line.reserveCapacity(256)
    }

    /// Physical line number the scanner would assign to the next line (used
    /// to report "end of file" positions).
    var endLineNumber: Int { nextPhysicalLine }

    /// Moves to the next logical line; returns false at the end of the input.
    mutating func advance() throws(InvalidUTF8) -> Bool {
        guard position < bytes.count else { return false }
        line.removeAll(keepingCapacity: true)
        segmentStarts.removeAll(keepingCapacity: true)
        lineNumber = nextPhysicalLine
        appendPhysicalLine(contentStart: position)
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 {
            appendPhysicalLine(contentStart: position + 1)
        }
        if let badOffset = UTF8Validation.firstInvalidOffset(in: line) {
            var segment = 0
            while segment + 1 < segmentStarts.count, segmentStarts[segment + 1] <= badOffset {
                segment += 1
            }
            throw InvalidUTF8(line: lineNumber + segment)
        }
        return true
    }

    /// Appends the physical line at `position` (from `contentStart`) and moves past its line end.
    private mutating func appendPhysicalLine(contentStart: Int) {
        var index = contentStart
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D {
            index += 1
        }
        segmentStarts.append(line.count)
        line.append(contentsOf: bytes[contentStart..<index])
        if index < bytes.count {
            let isCarriageReturn = bytes[index] == 0x0D
            index += 1
            if isCarriageReturn, index < bytes.count, bytes[index] == 0x0A {
                index += 1
            }
        }
        position = index
        nextPhysicalLine += 1
    }
}
