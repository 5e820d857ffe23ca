import OrgModel

/// How the bytes of a CSV file are turned into text.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    /// ISO-8859-1: every byte is the code point of the same number. Older Windows and Excel exports.
    case latin1 = "latin1"

    /// Accepts the common spellings: `utf8`, `UTF-8`, `latin1`, `iso-8859-1`, `cp1252`-style names are not guessed.
    public init?(name: String) {
        switch name.lowercased().filter({ $0.isLetter || $0.isNumber }) {
        case "utf8": self = .utf8
        case "latin1", "iso88591", "l1": self = .latin1
        default: return nil
        }
    }
}

/// Options of the CSV reader.
public struct CSVOptions: Sendable {
    /// nil detects among `,`, `;` and tab from the header line.
    public var delimiter: UInt8?
    public var encoding: TextEncoding = .utf8
    /// A field longer than this is an error, so a broken file never makes orgmap hold gigabytes.
    public var maxFieldBytes = 1 << 20
    /// A record with more fields than this is an error.
    public var maxFields = 10_000

    public init(delimiter: UInt8? = nil, encoding: TextEncoding = .utf8) {
        self.delimiter = delimiter
        self.encoding = encoding
    }
}

/// One record of a CSV file: its fields and the line it starts on.
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    /// The physical line (1-based) where the record starts; a quoted field may span several lines.
    public var line: Int
}

/// A streaming RFC 4180 reader working on bytes: quoted fields with delimiters, doubled quotes and line breaks;
/// LF, CRLF and CR line ends; a UTF-8 byte order mark; `#` comment lines before the header (draw.io);
/// blank lines skipped. Memory is one read buffer plus the current record, whatever the file's size.
public final class CSVReader {
    public let input: ByteInput
    /// The delimiter in use, given or detected.
    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    public let options: CSVOptions

    private var buffer: UnsafeMutableRawBufferPointer
    private var position = 0
    private var end = 0
    private var atEnd = false
    private var line = 1
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var started = false

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")
    private static let bufferSize = 1 << 18

    public init(input: ByteInput, options: CSVOptions = CSVOptions()) {
        self.input = input
        self.options = options
        buffer = .allocate(byteCount: CSVReader.bufferSize, alignment: 16)
        field.reserveCapacity(256)
    }

    deinit { buffer.deallocate() }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    public func next() throws -> CSVRecord? {
        if !started { try start() }
        while true {
            guard try peek() != nil else { return nil }
            let record = try readRecord()
            if record.fields.count == 1, record.fields[0].isEmpty { continue }
            return record
        }
    }

    /// Skips the byte order mark and comment lines, refuses UTF-16, and detects the delimiter.
    private func start() throws {
        started = true
        try fill(atLeast: 4)
        let head = Array(UnsafeRawBufferPointer(rebasing: buffer[position..<end]).prefix(4))
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            throw problem(line: 1, "the file is UTF-16; save it as UTF-8 CSV (in Excel: CSV UTF-8) and import it again")
        }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { position += 3 }
        while try peek() == UInt8(ascii: "#") { try skipLine() }
        if let given = options.delimiter { delimiter = given } else { delimiter = try detectDelimiter() }
    }

    /// Counts candidate delimiters outside quotes on the first line; the most frequent wins, `,` when none appears.
    private func detectDelimiter() throws -> UInt8 {
        try fill(atLeast: CSVReader.bufferSize)
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var quoted = false
        for b in UnsafeRawBufferPointer(rebasing: buffer[position..<end]) {
            if b == CSVReader.quote { quoted.toggle(); continue }
            if quoted { continue }
            if b == CSVReader.lf || b == CSVReader.cr { break }
            if let i = candidates.firstIndex(of: b) { counts[i] += 1 }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] }!
        return counts[best] > 0 ? candidates[best] : candidates[0]
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

    private func readRecord() throws -> CSVRecord {
        fields.removeAll(keepingCapacity: true)
        let startLine = line
        while true {
            field.removeAll(keepingCapacity: true)
            let column = fields.count + 1
            if try peek() == CSVReader.quote {
                position += 1
                try readQuotedField(column: column)
            } else {
                try readPlainField(column: column)
            }
            fields.append(try decode(line: startLine, column: column))
            guard let terminator = try peek() else { break }
            position += 1
            if terminator == delimiter {
                if fields.count >= options.maxFields {
                    throw problem(line: startLine, "more than \(options.maxFields) fields in one record; is the delimiter right? (use --delimiter)")
                }
                continue
            }
            if terminator == CSVReader.cr, try peek() == CSVReader.lf { position += 1 }
            line += 1
            break
        }
        return CSVRecord(fields: fields, line: startLine)
    }

    private func readPlainField(column: Int) throws {
        while true {
            if position == end { try refill(); if position == end { return } }
            // Scan the buffered run up to the next special byte in one pass, on locals: class properties
            // would pay a dynamic exclusivity check per byte.
            let start = position, stop = end, bytes = buffer, d = delimiter
            var i = start
            while i < stop {
                let b = bytes[i]
                if b == d || b == CSVReader.lf || b == CSVReader.cr || b == 0 { break }
                i += 1
            }
            if i > start {
                field.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
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
                    field.append(CSVReader.quote)
                    continue
                }
                let after = try peek()
                if after == nil || after == delimiter || after == CSVReader.lf || after == CSVReader.cr { return }
                throw problem(line: line, column: column, "expected a delimiter or the end of the line after a closing quote, found '\(Character(Unicode.Scalar(after!)))' (a quote inside a quoted field is written \"\")")
            case CSVReader.lf:
                line += 1
                field.append(b)
            case CSVReader.cr:
                if try peek() != CSVReader.lf { line += 1 }
                field.append(b)
            case 0:
                throw nulByte(column: column)
            default:
                field.append(b)
            }
            if field.count > options.maxFieldBytes { try checkFieldSize(column: column) }
        }
    }

    private func checkFieldSize(column: Int) throws {
        if field.count > options.maxFieldBytes {
            throw problem(line: line, column: column, "a field is longer than \(options.maxFieldBytes) bytes; is a quote left open above?")
        }
    }

    private func nulByte(column: Int) -> OrgMapError {
        problem(line: line, column: column, "a NUL byte: this is not a text CSV (a UTF-16 or binary file?); export it as UTF-8 CSV")
    }

    private func decode(line: Int, column: Int) throws -> String {
        switch options.encoding {
        case .utf8:
            // ASCII needs no validation; the generic validator costs a metadata lookup per field.
            if field.allSatisfy({ $0 < 0x80 }) { return String(decoding: field, as: UTF8.self) }
            if let text = String(validating: field, as: UTF8.self) { return text }
            throw problem(line: line, column: column, "invalid UTF-8; if the file is Latin-1 (ISO-8859-1), import it with --encoding latin1")
        case .latin1:
            var text = ""
            text.unicodeScalars.append(contentsOf: field.map { Unicode.Scalar($0) })
            return text
        }
    }

    private func problem(line: Int, column: Int? = nil, _ message: String) -> OrgMapError {
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
