import Foundation
import OrgModel

/// Writes a minimal, valid Excel workbook (`.xlsx`), streaming: for tests, `orgmap generate --xlsx` and
/// benchmarks.
///
/// The parts are those Excel needs and writes itself: `[Content_Types].xml`, `_rels/.rels`,
/// `xl/workbook.xml` and its relationships, `xl/styles.xml` (a `yyyy-mm-dd` date format as style 1),
/// `xl/sharedStrings.xml` and one worksheet a sheet, each deflated by zlib with its CRC-32, as Excel does.
/// Rows go to the file as they come, deflated a 256 KiB buffer at a time; only the shared strings, which
/// are written last, are held (each distinct string once). With ``inlineStrings`` no table is kept at all.
///
/// Usage: ``addSheet(named:)``, then ``appendRow(_:at:column:)`` for each row, another sheet..., then
/// ``close()``. A sheet name should follow Excel's rules (at most 31 characters, none of `[]:*?/\`); the
/// writer does not check them.
public final class XLSXWriter {
    /// One cell's value.
    public enum Cell: Sendable, Equatable {
        /// A string: in the shared string table, or inline with ``XLSXWriter/inlineStrings``.
        case text(String)
        case number(Double)
        case integer(Int)
        /// A date, written as Excel does: a serial number with the date style.
        case date(CalendarDate)
        /// Nothing is written: a gap.
        case empty
    }

    public let path: String
    /// Strings written in the cells (`t="inlineStr"`) rather than in the shared string table.
    public let inlineStrings: Bool

    private let file: FileHandle
    private var offset: UInt64 = 0
    private var entries: [(name: String, offset: UInt64, checksum: UInt32, compressed: UInt64, size: UInt64)] = []
    /// The entry being written: its local header's offset, its deflater, and XML not yet deflated.
    private var open: (name: String, offset: UInt64, deflater: ZipDeflater)?
    private var pending: [UInt8] = []
    private var sheetNames: [String] = []
    private var strings: [String: Int] = [:]
    private var stringList: [String] = []
    private var stringReferences = 0
    private var nextRow = 1
    private var closed = false

    /// 2026-11-01 00:00 in MS-DOS form, so the same rows give the same bytes.
    private static let dosDate: UInt64 = (2026 - 1980) << 9 | 11 << 5 | 1
    private static let spreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// Creates (or replaces) the file at `path`.
    ///
    /// - Throws: `OrgMapError.unwritableFile` when it cannot be created.
    public init(path: String, inlineStrings: Bool = false) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw OrgMapError.unwritableFile(path: path, reason: "cannot create a file here")
        }
        self.path = path
        self.file = file
        self.inlineStrings = inlineStrings
    }

    deinit { if !closed { try? file.close() } }

    /// Starts a new sheet, after the ones written; its rows follow.
    public func addSheet(named name: String) throws {
        try endSheet()
        sheetNames.append(name)
        try beginEntry("xl/worksheets/sheet\(sheetNames.count).xml")
        write(Self.declaration + #"<worksheet xmlns="\#(Self.spreadsheetNamespace)" xmlns:r="\#(Self.relationshipNamespace)"><sheetData>"#)
        nextRow = 1
    }

    /// Appends a row to the current sheet.
    ///
    /// - Parameters:
    ///   - row: the Excel row number, after the previous row's; the next one when nil.
    ///   - column: the column (1 for A) of the first cell.
    public func appendRow(_ cells: [Cell], at row: Int? = nil, column: Int = 1) throws {
        precondition(open != nil && !closed, "addSheet(named:) comes before the rows")
        let number = row ?? nextRow
        precondition(number >= nextRow && number <= 1_048_576 && column >= 1 && column - 1 + cells.count <= 16_384, "rows in order, inside Excel's grid")
        nextRow = number + 1
        var xml = "<row r=\"\(number)\">"
        for (i, cell) in cells.enumerated() {
            let reference = Self.columnName(column + i) + "\(number)"
            switch cell {
            case .empty:
                continue
            case .integer(let value):
                xml += "<c r=\"\(reference)\"><v>\(value)</v></c>"
            case .number(let value):
                xml += "<c r=\"\(reference)\"><v>\(Self.number(value))</v></c>"
            case .date(let date):
                xml += "<c r=\"\(reference)\" s=\"1\"><v>\(date.daysSinceEpoch + 25_569)</v></c>"
            case .text(let text):
                if inlineStrings {
                    xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is>\(Self.textElement(text))</is></c>"
                } else {
                    xml += "<c r=\"\(reference)\" t=\"s\"><v>\(sharedIndex(text))</v></c>"
                }
            }
        }
        write(xml + "</row>")
        if pending.count >= 1 << 18 { try flush() }
    }

    /// Writes the workbook's other parts and the zip's directory, and closes the file.
    ///
    /// - Throws: `OrgMapError.unwritableFile` when writing fails or the file would need ZIP64 (over 4 GiB).
    public func close() throws {
        guard !closed else { return }
        if sheetNames.isEmpty { try addSheet(named: "Sheet1") }
        try endSheet()
        try part("[Content_Types].xml", Self.declaration + contentTypes())
        try part("_rels/.rels", Self.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(Self.relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
        var sheets = ""
        var relationships = ""
        for (i, name) in sheetNames.enumerated() {
            sheets += #"<sheet name="\#(Self.escaped(name, attribute: true))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
            relationships += #"<Relationship Id="rId\#(i + 1)" Type="\#(Self.relationshipNamespace)/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        let styles = sheetNames.count + 1
        relationships += #"<Relationship Id="rId\#(styles)" Type="\#(Self.relationshipNamespace)/styles" Target="styles.xml"/>"#
        if !inlineStrings {
            relationships += #"<Relationship Id="rId\#(styles + 1)" Type="\#(Self.relationshipNamespace)/sharedStrings" Target="sharedStrings.xml"/>"#
        }
        try part("xl/workbook.xml", Self.declaration + #"<workbook xmlns="\#(Self.spreadsheetNamespace)" xmlns:r="\#(Self.relationshipNamespace)"><sheets>\#(sheets)</sheets></workbook>"#)
        try part("xl/_rels/workbook.xml.rels", Self.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relationships)</Relationships>"#)
        try part("xl/styles.xml", Self.declaration + Self.styles)
        if !inlineStrings {
            try beginEntry("xl/sharedStrings.xml")
            write(Self.declaration + #"<sst xmlns="\#(Self.spreadsheetNamespace)" count="\#(stringReferences)" uniqueCount="\#(stringList.count)">"#)
            for text in stringList {
                write("<si>" + Self.textElement(text) + "</si>")
                if pending.count >= 1 << 18 { try flush() }
            }
            write("</sst>")
            try endEntry()
        }
        try writeDirectory()
        closed = true
        do { try file.close() } catch { throw failure(error) }
    }

    // MARK: Parts

    private func contentTypes() -> String {
        var overrides = #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for i in sheetNames.indices {
            overrides += #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        overrides += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        if !inlineStrings {
            overrides += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        }
        return #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\#(overrides)</Types>"#
    }

    /// Style 0 is general, style 1 a `yyyy-mm-dd` date (custom format 164).
    private static let styles = #"<styleSheet xmlns="\#(spreadsheetNamespace)"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#

    private func endSheet() throws {
        guard open != nil else { return }
        write("</sheetData></worksheet>")
        try endEntry()
    }

    private func part(_ name: String, _ xml: String) throws {
        try beginEntry(name)
        write(xml)
        try endEntry()
    }

    private func sharedIndex(_ text: String) -> Int {
        stringReferences += 1
        if let index = strings[text] { return index }
        strings[text] = stringList.count
        stringList.append(text)
        return stringList.count - 1
    }

    // MARK: Text

    /// `<t>` with the text escaped, and `xml:space="preserve"` when white space at either end must stay.
    private static func textElement(_ text: String) -> String {
        let padded = text.first.map { $0.isWhitespace } == true || text.last.map { $0.isWhitespace } == true
        return (padded ? #"<t xml:space="preserve">"# : "<t>") + escaped(text, attribute: false) + "</t>"
    }

    /// XML's escapes, and Office's `_xHHHH_` for characters XML cannot hold (control characters; a carriage
    /// return, which XML would read as a line feed) and for a literal `_x` that would read as one.
    static func escaped(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        let scalars = Array(text.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\t", "\n": out.unicodeScalars.append(c)
            case "_" where i + 6 < scalars.count && scalars[i + 1] == "x" && scalars[i + 6] == "_"
                && scalars[(i + 2)..<(i + 6)].allSatisfy({ $0.properties.isASCIIHexDigit }):
                out += "_x005F_"
            default:
                if c.value < 0x20 || c == "\u{FFFE}" || c == "\u{FFFF}" {
                    let hex = String(c.value, radix: 16, uppercase: true)
                    out += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    /// An integral value as an integer, anything else as Swift prints a `Double` (`1e-05` is valid XML
    /// Schema, and readers must handle it).
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description
    }

    /// `A` for 1, `AA` for 27.
    static func columnName(_ column: Int) -> String {
        var letters: [Character] = []
        var n = column
        while n > 0 {
            letters.append(Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    // MARK: Zip

    private func write(_ xml: String) {
        pending.append(contentsOf: xml.utf8)
    }

    private func failure(_ error: any Error) -> OrgMapError {
        .unwritableFile(path: path, reason: (error as? OrgMapError)?.description ?? error.localizedDescription)
    }

    private func output(_ bytes: [UInt8]) throws {
        do { try file.write(contentsOf: bytes) } catch { throw failure(error) }
        offset += UInt64(bytes.count)
    }

    private func localHeader(name: [UInt8], checksum: UInt32, compressed: UInt64, size: UInt64) -> [UInt8] {
        var header: [UInt8] = []
        header.appendLittleEndian(0x0403_4B50, 4)
        header.appendLittleEndian(20, 2)
        header += Self.sharedFields(name: name, checksum: checksum, compressed: compressed, size: size)
        header.appendLittleEndian(0, 2)
        return header + name
    }

    /// The fields a local header and a directory record share, in this order: flags (UTF-8 names), method
    /// (deflate), time and date, CRC-32, both sizes, the name's length.
    private static func sharedFields(name: [UInt8], checksum: UInt32, compressed: UInt64, size: UInt64) -> [UInt8] {
        var fields: [UInt8] = []
        fields.appendLittleEndian(0x0800, 2)
        fields.appendLittleEndian(8, 2)
        fields.appendLittleEndian(0, 2)
        fields.appendLittleEndian(dosDate, 2)
        fields.appendLittleEndian(UInt64(checksum), 4)
        fields.appendLittleEndian(compressed, 4)
        fields.appendLittleEndian(size, 4)
        fields.appendLittleEndian(UInt64(name.count), 2)
        return fields
    }

    private func beginEntry(_ name: String) throws {
        open = (name, offset, ZipDeflater())
        try output(localHeader(name: Array(name.utf8), checksum: 0, compressed: 0, size: 0))
    }

    private func flush() throws {
        guard let deflater = open?.deflater, !pending.isEmpty else { return }
        try deflater.compress(pending) { try output($0) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Finishes the entry's stream and writes its checksum and sizes into its local header.
    private func endEntry() throws {
        guard let entry = open else { return }
        try flush()
        try entry.deflater.finish { try output($0) }
        open = nil
        let deflater = entry.deflater
        guard offset < 0xFFFF_FFFF, deflater.inputSize < 0xFFFF_FFFF else {
            throw OrgMapError.unwritableFile(path: path, reason: "the workbook would be over 4 GiB, which needs ZIP64")
        }
        let end = offset
        do {
            try file.seek(toOffset: entry.offset)
            try file.write(contentsOf: localHeader(name: Array(entry.name.utf8), checksum: deflater.checksum, compressed: deflater.outputSize, size: deflater.inputSize))
            try file.seek(toOffset: end)
        } catch {
            throw failure(error)
        }
        entries.append((entry.name, entry.offset, deflater.checksum, deflater.outputSize, deflater.inputSize))
    }

    private func writeDirectory() throws {
        let start = offset
        var directory: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            directory.appendLittleEndian(0x0201_4B50, 4)
            directory.appendLittleEndian(0x031E, 2)
            directory.appendLittleEndian(20, 2)
            directory += Self.sharedFields(name: name, checksum: entry.checksum, compressed: entry.compressed, size: entry.size)
            // Extra field and comment lengths, disk number, internal attributes; a regular file, mode 644.
            directory.appendLittleEndian(0, 2)
            directory.appendLittleEndian(0, 2)
            directory.appendLittleEndian(0, 2)
            directory.appendLittleEndian(0, 2)
            directory.appendLittleEndian(0o100644 << 16, 4)
            directory.appendLittleEndian(entry.offset, 4)
            directory += name
        }
        let size = UInt64(directory.count)
        directory.appendLittleEndian(0x0605_4B50, 4)
        directory.appendLittleEndian(0, 2)
        directory.appendLittleEndian(0, 2)
        directory.appendLittleEndian(UInt64(entries.count), 2)
        directory.appendLittleEndian(UInt64(entries.count), 2)
        directory.appendLittleEndian(size, 4)
        directory.appendLittleEndian(start, 4)
        directory.appendLittleEndian(0, 2)
        try output(directory)
    }
}

private extension Array where Element == UInt8 {
    mutating func appendLittleEndian(_ value: UInt64, _ width: Int) {
        for shift in 0..<width { append(UInt8(truncatingIfNeeded: value >> (8 * shift))) }
    }
}
