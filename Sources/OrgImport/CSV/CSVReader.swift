import OrgModel

/// How the bytes of a CSV file are turned into text.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8 while the file is valid UTF-8; from the first line that is not, Windows-1252 (what Excel and older
    /// Windows tools write), with a warning naming that line. The default.
    case automatic = "auto"
    /// UTF-8 only: a line that is not valid UTF-8 is an error.
    case utf8 = "utf-8"
    /// ISO-8859-1: every byte is the code point of the same number. SAS, older Unix tools.
    case latin1 = "latin1"
    /// Windows-1252: Latin-1 with curly quotes, dashes, € and a few letters (Œ, Š, Ž) in 0x80–0x9F.
    case windows1252 = "windows-1252"

    /// Accepts the common spellings: `auto`, `utf8`, `UTF-8`, `latin1`, `iso-8859-1`, `cp1252`, `windows-1252`.
    public init?(name: String) {
        switch name.lowercased().filter({ $0.isLetter || $0.isNumber }) {
        case "auto", "automatic": self = .automatic
        case "utf8": self = .utf8
        case "latin1", "iso88591", "l1": self = .latin1
        case "cp1252", "windows1252", "win1252", "ansi": self = .windows1252
        default: return nil
        }
    }
}

/// Options of the CSV reader.
public struct CSVOptions: Sendable {
    /// nil detects among `,`, `;` and tab from the header line (or a `sep=X` first line, as Excel writes).
    /// ``CSVOptions/whitespace`` splits fields at runs of spaces and tabs.
    public var delimiter: UInt8?
    /// Detection may also choose ``CSVOptions/whitespace`` when the first line has no comma, semicolon or tab
    /// but has spaces (edge lists written by network tools: `1 2 1.0`). Off for org charts, whose headers have
    /// spaces in their names.
    public var detectsWhitespace = false
    public var encoding: TextEncoding = .automatic
    /// A field longer than this is an error, so a broken file never makes orgmap hold gigabytes.
    public var maxFieldBytes = 1 << 20
    /// A record with more fields than this is an error.
    public var maxFields = 10_000

    public init(delimiter: UInt8? = nil, encoding: TextEncoding = .automatic) {
        self.delimiter = delimiter
        self.encoding = encoding
    }

    /// The delimiter value that means "one or more spaces or tabs", leading ones ignored.
    public static let whitespace = UInt8(ascii: " ")
}

/// One record of a CSV file: its fields and the line it starts on.
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    /// The physical line (1-based) where the record starts; a quoted field may span several lines.
    public var line: Int
}

/// The fields of one record as bytes, lent by ``CSVReader/withRecord(_:)``: never keep it past the call.
public struct CSVFields {
    let bytes: UnsafeBufferPointer<UInt8>
    let ends: UnsafeBufferPointer<Int>

    public var count: Int { ends.count }

    /// Field `i` (0-based), without leading and trailing spaces, tabs and line breaks (as ``String/trimmed``).
    public subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        var start = i == 0 ? 0 : ends[i - 1]
        var end = ends[i]
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }
}

/// A streaming RFC 4180 reader working on bytes: quoted fields with delimiters, doubled quotes and line breaks;
/// LF, CRLF and CR line ends; a UTF-8 byte order mark; Excel's `sep=;` first line; `#` comment lines before the
/// header (draw.io, SNAP); blank lines skipped; fields split at runs of whitespace when the delimiter is
/// ``CSVOptions/whitespace``. Memory is one read buffer plus the current record, whatever the file's size.
public final class CSVReader {
    public let input: ByteInput
    /// The delimiter in use, given or detected; ``CSVOptions/whitespace`` for runs of spaces and tabs.
    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    public let options: CSVOptions
    /// With ``TextEncoding/automatic``: the line from which the file was read as Windows-1252, its first line
    /// that is not valid UTF-8; nil while the file is UTF-8.
    public private(set) var windows1252From: Int?
    /// True when the file's first line was Excel's `sep=X`, which set the delimiter.
    public private(set) var hadSeparatorLine = false
    /// How the bytes read from now on are decoded: ``TextEncoding/automatic`` turns into Windows-1252 for good
    /// at the first line that is not UTF-8.
    private var decoding: TextEncoding
    /// Runs of spaces and tabs separate fields.
    private var splitsAtWhitespace = false

    private var buffer: UnsafeMutableRawBufferPointer
    private var position = 0
    private var end = 0
    private var atEnd = false
    private var line = 1
    /// The current record's bytes, fields one after another (quotes removed), and where each field ends.
    /// Unchecked: the reader is used by one thread at a time and never lends these while changing them, and
    /// the run-time exclusivity checks cost a tenth of reading (docs/benchmarks.md).
    @exclusivity(unchecked) private var record: [UInt8] = []
    @exclusivity(unchecked) private var fieldEnds: [Int] = []
    private var fieldStart = 0
    /// The line the current record starts on.
    public private(set) var recordLine = 0
    private var started = false

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")
    private static let tab = UInt8(ascii: "\t")
    private static let bufferSize = 1 << 18

    public init(input: ByteInput, options: CSVOptions = CSVOptions()) {
        self.input = input
        self.options = options
        decoding = options.encoding
        buffer = .allocate(byteCount: CSVReader.bufferSize, alignment: 16)
        record.reserveCapacity(1024)
    }

    deinit { buffer.deallocate() }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    public func next() throws -> CSVRecord? {
        guard try advance() else { return nil }
        var fields: [String] = []
        fields.reserveCapacity(fieldEnds.count)
        for i in fieldEnds.indices { fields.append(try string(i)) }
        return CSVRecord(fields: fields, line: recordLine)
    }

    /// Moves to the next record without making strings: read it with ``fieldCount``, ``withField(_:_:)``
    /// and ``string(_:)``, valid until the next call. False at the end of the file. Blank lines are skipped.
    /// The bytes are UTF-8 (Latin-1 files are converted) but, for UTF-8 files, not validated: ``string(_:)`` does.
    public func advance() throws -> Bool {
        if !started { try start() }
        while true {
            guard try peek() != nil else { return false }
            try readRecord()
            if fieldEnds.count == 1, fieldEnds[0] == 0 { continue }
            return true
        }
    }

    /// How many fields the current record has.
    public var fieldCount: Int { fieldEnds.count }

    /// Every field of the current record at once, as bytes valid only inside `body`.
    public func withRecord<R>(_ body: (CSVFields) throws -> R) rethrows -> R {
        try record.withUnsafeBufferPointer { bytes in
            try fieldEnds.withUnsafeBufferPointer { ends in try body(CSVFields(bytes: bytes, ends: ends)) }
        }
    }

    /// The bytes of field `i` (0-based) of the current record.
    public func withField<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = i == 0 ? 0 : fieldEnds[i - 1]
        return try record.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<fieldEnds[i]])) }
    }

    /// Field `i` (0-based) of the current record as text; invalid UTF-8 is an error naming line and column.
    public func string(_ i: Int) throws -> String {
        try withField(i) { try text($0, column: i + 1) }
    }

    /// Bytes of the current record (from ``withRecord(_:)``) as text; invalid UTF-8 is an error naming
    /// the record's line and `column` (1-based).
    public func text(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) throws -> String {
        // ASCII needs no validation; the generic validator costs a metadata lookup per field. Records of the other
        // encodings were checked or converted to UTF-8 as they were read.
        if decoding != .utf8 || bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw problem(line: recordLine, column: column, "invalid UTF-8; if the file is Windows-1252 or Latin-1, import it with --encoding cp1252 (or latin1), or leave --encoding at auto")
    }

    /// Skips the byte order mark and comment lines, refuses UTF-16, and detects the delimiter.
    private func start() throws {
        started = true
        try fill(atLeast: 4)
        let head = Array(UnsafeRawBufferPointer(rebasing: buffer[position..<end]).prefix(4))
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            throw problem(line: 1, "the file is UTF-16; save it as UTF-8 CSV (in Excel: CSV UTF-8) and import it again")
        }
        // A workbook reaches here only as standard input or bytes: a file's path is opened as a workbook instead.
        if head == [0x50, 0x4B, 0x03, 0x04] {
            throw problem(line: nil, "a zip archive, such as an Excel workbook (.xlsx), not a CSV; give a workbook as a file path rather than on standard input")
        }
        if head == [0xD0, 0xCF, 0x11, 0xE0] {
            throw problem(line: nil, "an Excel 97–2003 workbook (.xls) or another Office binary file, not a CSV; save it as .xlsx or CSV UTF-8")
        }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { position += 3 }
        if let separator = try separatorLine() {
            hadSeparatorLine = true
            try skipLine()
            delimiter = options.delimiter ?? separator
        }
        while try peek() == UInt8(ascii: "#") { try skipLine() }
        if hadSeparatorLine {
            if let given = options.delimiter { delimiter = given }
        } else if let given = options.delimiter {
            delimiter = given
        } else {
            delimiter = try detectDelimiter()
        }
        splitsAtWhitespace = delimiter == CSVOptions.whitespace
    }

    /// The delimiter named by a first line `sep=X` (any case), which Excel writes and reads; nil without one.
    private func separatorLine() throws -> UInt8? {
        try fill(atLeast: 7)
        let head = Array(UnsafeRawBufferPointer(rebasing: buffer[position..<end]).prefix(7))
        guard head.count >= 5, head[0...3].map({ $0 | 0x20 }) == Array("sep=".utf8) else { return nil }
        let separator = head[4]
        guard separator != CSVReader.lf, separator != CSVReader.cr, separator != CSVReader.quote,
              head.count == 5 || head[5] == CSVReader.lf || head[5] == CSVReader.cr else { return nil }
        return separator
    }

    /// Counts candidate delimiters outside quotes on the first line; the most frequent wins. With none, spaces
    /// between fields mean ``CSVOptions/whitespace`` when ``CSVOptions/detectsWhitespace`` allows it; else `,`.
    private func detectDelimiter() throws -> UInt8 {
        try fill(atLeast: CSVReader.bufferSize)
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var quoted = false
        var innerSpaces = 0
        var text = false
        for b in UnsafeRawBufferPointer(rebasing: buffer[position..<end]) {
            if b == CSVReader.quote { quoted.toggle(); text = true; continue }
            if quoted { continue }
            if b == CSVReader.lf || b == CSVReader.cr { break }
            if let i = candidates.firstIndex(of: b) { counts[i] += 1 }
            if b == CSVOptions.whitespace { if text { innerSpaces += 1 } } else { text = true }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] }!
        if counts[best] > 0 { return candidates[best] }
        return options.detectsWhitespace && innerSpaces > 0 ? CSVOptions.whitespace : candidates[0]
    }

    private func skipLine() throws {
        while let b = try peek() {
            position += 1
            if b == CSVReader.lf { line += 1; return }
            if b == CSVReader.cr {
                if try peek() == CSVReader.lf { position += 1 }
                line += 1
                return
            }
        }
    }

    private func readRecord() throws {
        record.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        recordLine = line
        if splitsAtWhitespace { try skipBlanks() }
        while true {
            fieldStart = record.count
            let column = fieldEnds.count + 1
            if try peek() == CSVReader.quote {
                position += 1
                try readQuotedField(column: column)
            } else {
                try readPlainField(column: column)
            }
            fieldEnds.append(record.count)
            guard let terminator = try peek() else { break }
            position += 1
            if terminator == delimiter || (splitsAtWhitespace && terminator == CSVReader.tab) {
                if splitsAtWhitespace {
                    // A run of blanks is one delimiter, and blanks at the end of the line are none.
                    try skipBlanks()
                    guard let next = try peek() else { break }
                    if next == CSVReader.lf || next == CSVReader.cr {
                        position += 1
                        if next == CSVReader.cr, try peek() == CSVReader.lf { position += 1 }
                        line += 1
                        break
                    }
                }
                if fieldEnds.count >= options.maxFields {
                    throw problem(line: recordLine, "more than \(options.maxFields) fields in one record; is the delimiter right? (use --delimiter)")
                }
                continue
            }
            if terminator == CSVReader.cr, try peek() == CSVReader.lf { position += 1 }
            line += 1
            break
        }
        guard decoding != .utf8, Self.hasHighBytes(record) else { return }
        switch decoding {
        case .utf8:
            return
        case .automatic:
            if record.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) != nil { return }
            decoding = .windows1252
            windows1252From = recordLine
            transcode(windows1252: true)
        case .latin1:
            transcode(windows1252: false)
        case .windows1252:
            transcode(windows1252: true)
        }
    }

    /// True when some byte is 0x80 or above: one pass the compiler vectorizes.
    private static func hasHighBytes(_ bytes: [UInt8]) -> Bool {
        var all: UInt8 = 0
        for b in bytes { all |= b }
        return all >= 0x80
    }

    /// Bytes at or above 0x80 become the UTF-8 of their Latin-1 or Windows-1252 character, so every reader sees UTF-8.
    private func transcode(windows1252: Bool) {
        var converted: [UInt8] = []
        converted.reserveCapacity(record.count * 2)
        var start = 0
        for (i, end) in fieldEnds.enumerated() {
            for b in record[start..<end] {
                if b < 0x80 {
                    converted.append(b)
                } else {
                    let scalar = windows1252 && b < 0xA0 ? Self.windows1252High[Int(b - 0x80)] : UInt32(b)
                    converted.append(contentsOf: String(Unicode.Scalar(scalar)!).utf8)
                }
            }
            start = end
            fieldEnds[i] = converted.count
        }
        record = converted
    }

    /// Windows-1252's characters for 0x80–0x9F; its five unassigned bytes keep their Latin-1 (control) meaning.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Skips spaces and tabs (whitespace-delimited files only).
    private func skipBlanks() throws {
        while let b = try peek(), b == CSVOptions.whitespace || b == CSVReader.tab { position += 1 }
    }

    private func readPlainField(column: Int) throws {
        while true {
            if position == end { try refill(); if position == end { return } }
            // Scan the buffered run up to the next special byte in one pass, on locals: class properties
            // would pay a dynamic exclusivity check per byte.
            let start = position, stop = end, bytes = buffer, d = delimiter, d2 = splitsAtWhitespace ? CSVReader.tab : delimiter
            var i = start
            while i < stop {
                let b = bytes[i]
                if b == d || b == d2 || b == CSVReader.lf || b == CSVReader.cr || b == 0 { break }
                i += 1
            }
            if i > start {
                record.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
                position = i
                try checkFieldSize(column: column)
            }
            if i < stop {
                if bytes[i] == 0 { throw nulByte(column: column) }
                return
            }
        }
    }

    private func readQuotedField(column: Int) throws {
        let openedOn = line
        while true {
            guard let b = try peek() else {
                throw problem(line: openedOn, column: column, "a quoted field opened here is never closed; expected a closing \" before the end of the file")
            }
            position += 1
            switch b {
            case CSVReader.quote:
                if try peek() == CSVReader.quote {
                    position += 1
                    record.append(CSVReader.quote)
                    // Checked here too: a field of nothing but doubled quotes never reaches the check below.
                    try checkFieldSize(column: column)
                    continue
                }
                let after = try peek()
                if after == nil || after == delimiter || after == CSVReader.lf || after == CSVReader.cr || (splitsAtWhitespace && after == CSVReader.tab) { return }
                throw problem(line: line, column: column, "expected a delimiter or the end of the line after a closing quote, found '\(Character(Unicode.Scalar(after!)))' (a quote inside a quoted field is written \"\")")
            case CSVReader.lf:
                line += 1
                record.append(b)
            case CSVReader.cr:
                if try peek() != CSVReader.lf { line += 1 }
                record.append(b)
            case 0:
                throw nulByte(column: column)
            default:
                record.append(b)
            }
            if record.count - fieldStart > options.maxFieldBytes { try checkFieldSize(column: column) }
        }
    }

    private func checkFieldSize(column: Int) throws {
        if record.count - fieldStart > options.maxFieldBytes {
            throw problem(line: line, column: column, "a field is longer than \(options.maxFieldBytes) bytes; is a quote left open above?")
        }
    }

    private func nulByte(column: Int) -> OrgMapError {
        problem(line: line, column: column, "a NUL byte: this is not a text CSV (a UTF-16 or binary file?); export it as UTF-8 CSV")
    }

    private func problem(line: Int?, column: Int? = nil, _ message: String) -> OrgMapError {
        .invalidInput(file: input.displayName, problems: [InputProblem(line: line, column: column, message: message)], more: 0)
    }

    @inline(__always)
    private func peek() throws -> UInt8? {
        if position == end {
            try refill()
            if position == end { return nil }
        }
        return buffer[position]
    }

    private func refill() throws {
        guard !atEnd else { return }
        position = 0
        end = 0
        try fill(atLeast: 1)
    }

    /// Reads until at least `count` bytes are buffered from `position`, or the file ends.
    private func fill(atLeast count: Int) throws {
        if position > 0, position < end {
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + position, byteCount: end - position)
        }
        end -= position
        position = 0
        while !atEnd, end < min(count, buffer.count) {
            let n = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
            if n == 0 { atEnd = true } else { end += n }
        }
    }
}
