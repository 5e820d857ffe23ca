/// One worksheet read a row at a time, with the API of ``CSVReader``: ``advance()``, ``recordLine``,
/// ``fieldCount``, ``withRecord(_:)``, ``string(_:)``.
///
/// The sheet's XML is streamed from the zip through ``XMLScanner``; memory is the scanner's buffer, the
/// shared string table and the current row, however long the sheet.
///
/// Each row is its cells' values as text, as a user sees them in Excel's cells:
/// - cells are placed by their reference (`r="C7"`): a gap becomes empty fields, a cell without `r` follows
///   the one before; empty cells at the end of a row are not fields, and a row without a non-empty cell is
///   skipped, like a blank CSV line;
/// - strings: shared (`t="s"`), inline (`t="inlineStr"`), a formula's string result (`t="str"`: its `<v>`,
///   not its `<f>`), rich text runs concatenated, phonetic runs left out, `_xHHHH_` escapes decoded,
///   white space kept as written;
/// - `TRUE` and `FALSE` for booleans, the error text (`#N/A`) for errors;
/// - numbers as written, in plain decimals: `1001` (never `1001.0`), `1.5`, `1000` for `1E3`; what is not
///   an integer of at most 15 digits is read as a `Double` and written with the shortest digits that read
///   back the same;
/// - a number whose style's format is a date format as `YYYY-MM-DD`, with `THH:MM:SS` when it has a time of
///   day (``ExcelSerialDate``); ISO date cells (`t="d"`) the same way.
public final class SheetReader {
    /// The workbook's path as given, for messages.
    public let file: String
    /// The sheet's name, as its tab shows it.
    public let sheetName: String
    /// The sheet's part inside the workbook (`xl/worksheets/sheet1.xml`).
    public let part: String
    /// A cell whose text is longer than this is an error. Excel's own limit is 32,767 characters.
    public let maxCellBytes: Int
    /// A row whose cells hold more bytes than this in all is an error.
    public let maxRowBytes: Int
    /// Excel's last column, XFD.
    public static let maxColumns = 16_384
    /// Excel's last row.
    public static let maxRows = 1_048_576

    private let scanner: XMLScanner
    private let sharedStrings: SharedStrings
    private let styles: CellStyles
    private let date1904: Bool

    // Unchecked: the reader is used by one thread at a time and never lends its row while changing it; the
    // run-time exclusivity checks on these, a few per cell, were a fifth of reading a sheet.
    @exclusivity(unchecked) var row = SheetRow()
    /// Where the reader stands in the sheet's elements.
    private enum Level {
        case worksheet, sheetData, row, cell, value, inlineString, inlineChild, skipped
    }
    @exclusivity(unchecked) private var levels: [Level] = []
    @exclusivity(unchecked) private var previousRow = 0
    @exclusivity(unchecked) private var rowNumber = 0
    @exclusivity(unchecked) private var previousColumn = 0

    /// What `t` says a cell holds.
    private enum CellType {
        case number, shared, inlineString, formulaString, boolean, error, isoDate
    }
    @exclusivity(unchecked) private var cellColumn = 0
    @exclusivity(unchecked) private var cellType = CellType.number
    @exclusivity(unchecked) private var cellStyle = 0
    @exclusivity(unchecked) private var cellText: [UInt8] = []
    @exclusivity(unchecked) private var inlineText: RichText
    @exclusivity(unchecked) private var sawInlineString = false

    /// True when the current row was read ahead (to find a sheet with data) and is yet to be handed out.
    @exclusivity(unchecked) var replayCurrentRow = false
    @exclusivity(unchecked) private var ended = false
    /// Rows read ahead by ``findHeader()``, handed out before any other.
    private var pending: [SheetRow] = []
    /// Once the header is found, the fields kept in each row.
    private var keptColumns: Int?
    /// Non-empty cells dropped so far for standing right of the table (see ``SheetHeader``).
    public private(set) var droppedCells = 0

    /// Reads `source`, the XML of the sheet named `sheetName`.
    init(
        source: any XMLByteSource, file: String, sheetName: String, part: String,
        sharedStrings: SharedStrings, styles: CellStyles, date1904: Bool,
        maxCellBytes: Int = 1 << 20, maxRowBytes: Int = 16 << 20
    ) {
        scanner = XMLScanner(source: source)
        self.file = file
        self.sheetName = sheetName
        self.part = part
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
        self.maxCellBytes = maxCellBytes
        self.maxRowBytes = maxRowBytes
        inlineText = RichText(maxBytes: maxCellBytes)
        levels.reserveCapacity(16)
        cellText.reserveCapacity(256)
    }

    /// Reads sheet XML held in memory, handed to the scanner `chunkSize` bytes at a time (tests and the
    /// fuzzer).
    public convenience init(
        xml: [UInt8], sharedStrings: SharedStrings = SharedStrings(), styles: CellStyles = CellStyles(),
        date1904: Bool = false, sheetName: String = "Sheet1", file: String = "book.xlsx", chunkSize: Int = 1 << 16,
        maxCellBytes: Int = 1 << 20
    ) {
        self.init(
            source: MemoryByteSource(xml, chunkSize: chunkSize), file: file, sheetName: sheetName,
            part: "xl/worksheets/sheet1.xml", sharedStrings: sharedStrings, styles: styles, date1904: date1904,
            maxCellBytes: maxCellBytes)
    }

    // MARK: The current row

    /// The Excel row number of the current row (from `<row r="N">`, counted when absent).
    public var recordLine: Int { row.line }

    /// How many fields the current row has: up to its last non-empty cell.
    public var fieldCount: Int { row.count }

    /// Every field of the current row at once, as bytes valid only inside `body`. They are valid UTF-8.
    public func withRecord<R>(_ body: (CSVFields) throws -> R) rethrows -> R {
        try row.withFields(body)
    }

    /// Field `i` (0-based) of the current row as text.
    public func string(_ i: Int) -> String {
        row.string(i)
    }

    /// What kind of cell field `i` (0-based) of the current row came from.
    public func kind(_ i: Int) -> CellKind {
        row.kinds[i]
    }

    // MARK: Reading

    /// Moves to the next row with at least one non-empty cell; false at the end of the sheet. After
    /// ``findHeader()``, the header row comes first, and cells right of the table are dropped.
    ///
    /// - Throws: `WorkbookError` naming the sheet and the cell or row: malformed XML, a cell reference
    ///   that is not one, cells or rows out of order, a shared string index out of range, a number that is
    ///   not one, a cell or row over the size limits; or a damaged zip entry.
    public func advance() throws -> Bool {
        while true {
            if !pending.isEmpty {
                row = pending.removeFirst()
            } else if try !readRow() {
                return false
            }
            guard let keptColumns else { return true }
            droppedCells += row.truncate(to: keptColumns)
            if row.count > 0 { return true }
        }
    }

    /// Reads ahead up to ``SheetHeader/lookahead`` rows to find the table's header below any title rows
    /// (the rule is ``SheetHeader``'s), and from then on hands out the header row first and drops cells
    /// right of the table. Call it before the first ``advance()``.
    ///
    /// - Throws: `WorkbookError` as ``advance()``.
    public func findHeader() throws -> SheetHeader {
        precondition(keptColumns == nil && pending.isEmpty, "findHeader() is called once, before advance()")
        var rows: [SheetRow] = []
        while rows.count < SheetHeader.lookahead, try readRow() {
            rows.append(row)
        }
        let index = SheetHeader.index(in: rows)
        pending = Array(rows.dropFirst(index))
        let header = SheetHeader(line: pending.first?.line ?? 0, skippedRows: index, keptColumns: (pending.first?.width ?? 0) + 1)
        keptColumns = header.keptColumns
        return header
    }

    /// Reads the next row with a non-empty cell into `row`; false at the end of the sheet.
    private func readRow() throws -> Bool {
        if replayCurrentRow {
            replayCurrentRow = false
            return true
        }
        do {
            while !ended {
                switch try scanner.next() {
                case .start:
                    try startElement()
                case .end:
                    if try endElement() { return true }
                case .text:
                    try text()
                case .endOfDocument:
                    ended = true
                }
            }
            return false
        } catch let error as XMLError {
            throw WorkbookError(
                file: file, place: "sheet \"\(sheetName)\" (\(part))", reason: .malformed,
                message: "malformed XML at byte \(error.offset)\(rowNumber > 0 ? ", in or after row \(rowNumber)" : ""): \(error.message)")
        } catch let error as ArchiveError {
            throw WorkbookError.from(error, file: file)
        }
    }

    private func startElement() throws {
        let level: Level
        switch levels.last {
        case nil:
            level = .worksheet
        case .worksheet:
            level = scanner.nameIs("sheetData") ? .sheetData : .skipped
        case .sheetData:
            if scanner.nameIs("row") {
                try beginRow()
                level = .row
            } else {
                level = .skipped
            }
        case .row:
            if scanner.nameIs("c") {
                try beginCell()
                level = .cell
            } else {
                level = .skipped
            }
        case .cell:
            if scanner.nameIs("v") {
                level = .value
            } else if scanner.nameIs("is") {
                inlineText.begin()
                sawInlineString = true
                level = .inlineString
            } else {
                level = .skipped
            }
        case .inlineString, .inlineChild:
            inlineText.enter(scanner)
            level = .inlineChild
        case .value, .skipped:
            level = .skipped
        }
        levels.append(level)
    }

    /// True when a row with data has ended.
    private func endElement() throws -> Bool {
        switch levels.removeLast() {
        case .cell:
            try endCell()
        case .row:
            return row.count > 0
        case .inlineChild:
            inlineText.leave()
        default:
            break
        }
        return false
    }

    private func text() throws {
        switch levels.last {
        case .value:
            scanner.withText { cellText.append(contentsOf: $0) }
            if cellText.count > maxCellBytes { throw tooLong() }
        case .inlineChild:
            if inlineText.append(scanner) != nil { throw tooLong() }
        default:
            break
        }
    }

    private func tooLong() -> WorkbookError {
        problem(.tooLarge, "the cell holds more than \(maxCellBytes) bytes")
    }

    private func beginRow() throws {
        rowNumber = previousRow + 1
        let number = try scanner.withAttribute("r") { value -> Int? in
            guard let value else { return nil }
            guard let number = Self.integer(value), (1...Self.maxRows).contains(number) else {
                throw problem(.malformed, "the row number \"\(String(decoding: value, as: UTF8.self))\" is not a number from 1 to \(Self.maxRows)", cell: false)
            }
            return number
        } ?? previousRow + 1
        rowNumber = number
        guard number > previousRow else {
            throw problem(.malformed, "row \(number) comes after row \(previousRow): rows must be in order", cell: false)
        }
        rowNumber = number
        previousRow = number
        previousColumn = 0
        row.removeAll()
        row.line = number
    }

    private func beginCell() throws {
        let column = try scanner.withAttribute("r") { value -> Int? in
            guard let value else { return nil }
            guard let column = Self.column(ofReference: value) else {
                throw problem(.malformed, "\"\(String(decoding: value, as: UTF8.self))\" is not a cell reference like C7 (columns A to XFD, rows 1 to \(Self.maxRows))", cell: false)
            }
            return column
        } ?? previousColumn + 1
        cellColumn = column
        guard column > previousColumn else {
            throw problem(.malformed, "the cell comes after \(Self.reference(column: previousColumn, row: rowNumber)) in the same row: cells must be in order")
        }
        guard column <= Self.maxColumns else {
            throw problem(.tooLarge, "more than \(Self.maxColumns) columns (the last is XFD)")
        }
        cellType = try scanner.withAttribute("t") { value in
            guard let value else { return .number }
            // Compared as bytes: a string for each cell's type would cost more than the rest of the cell.
            if value.count == 1 {
                switch value[0] {
                case UInt8(ascii: "s"): return .shared
                case UInt8(ascii: "n"): return .number
                case UInt8(ascii: "b"): return .boolean
                case UInt8(ascii: "e"): return .error
                case UInt8(ascii: "d"): return .isoDate
                default: break
                }
            } else if value.elementsEqual("str".utf8) {
                return .formulaString
            } else if value.elementsEqual("inlineStr".utf8) {
                return .inlineString
            }
            throw problem(.malformed, "unknown cell type t=\"\(String(decoding: value, as: UTF8.self))\"; expected s, inlineStr, str, n, b, e or d")
        }
        cellStyle = try scanner.withAttribute("s") { value in
            guard let value else { return 0 }
            guard let index = Self.integer(value) else {
                throw problem(.malformed, "the style index s=\"\(String(decoding: value, as: UTF8.self))\" is not a number")
            }
            return index
        }
        cellText.removeAll(keepingCapacity: true)
        sawInlineString = false
    }

    private func endCell() throws {
        previousColumn = cellColumn
        let start = row.bytes.count
        row.pad(to: cellColumn - 1)
        guard let kind = try appendValue(), row.bytes.count > start else {
            // Nothing written: the padding goes again, so a row never ends in empty fields.
            row.truncateEmptyTail()
            return
        }
        if row.bytes.count - start > maxCellBytes { throw tooLong() }
        if row.bytes.count > maxRowBytes {
            throw problem(.tooLarge, "the row holds more than \(maxRowBytes) bytes", cell: false)
        }
        row.endField(kind)
    }

    /// Appends the cell's value to the row's bytes; nil for a cell without one.
    private func appendValue() throws -> CellKind? {
        if sawInlineString {
            if let problem = inlineText.finish(into: &row.bytes) { throw self.problem(.malformed, problem) }
            return .text
        }
        let blank = cellText.allSatisfy(XMLScanner.isSpace)
        switch cellType {
        case .shared:
            if blank { return nil }
            guard let index = trimmed({ Self.integer($0) }) else {
                throw problem(.malformed, "the shared string index \"\(String(decoding: cellText, as: UTF8.self))\" is not a number")
            }
            let found: Void? = sharedStrings.withString(index) { row.bytes.append(contentsOf: $0) }
            guard found != nil else {
                throw problem(.malformed, "shared string \(index) does not exist (the workbook has \(sharedStrings.count), numbered from 0)")
            }
            return .text
        case .inlineString, .formulaString, .error:
            OOXMLEscapes.decode(&cellText)
            guard UTF8Check.isValid(cellText) else { throw problem(.malformed, "the text is not valid UTF-8") }
            row.bytes.append(contentsOf: cellText)
            return cellType == .error ? .error : .text
        case .boolean:
            if blank { return nil }
            guard let value = trimmed({ Self.integer($0) }), value <= 1 else {
                throw problem(.malformed, "a boolean cell holds \"\(String(decoding: cellText, as: UTF8.self))\"; expected 0 or 1")
            }
            row.bytes.append(contentsOf: (value == 0 ? "FALSE" : "TRUE").utf8)
            return .boolean
        case .isoDate:
            if blank { return nil }
            guard let date = trimmed({ ExcelSerialDate.text(iso: $0) }) else {
                throw problem(.malformed, "a date cell holds \"\(String(decoding: cellText, as: UTF8.self))\"; expected an ISO 8601 date like 2026-11-03")
            }
            row.bytes.append(contentsOf: date.utf8)
            return .date
        case .number:
            if blank { return nil }
            return try appendNumber()
        }
    }

    /// A numeric cell's value: as written when it is a plain integer, else as ``ExcelNumber/plain(_:)``
    /// prints it, or as a date when its style says so.
    private func appendNumber() throws -> CellKind {
        try trimmed { value in
            let isDate = styles.formatsDates(cellStyle)
            if !isDate, ExcelNumber.isPlainInteger(value) {
                row.bytes.append(contentsOf: value)
                return .number
            }
            guard let number = ExcelNumber.parse(value) else {
                throw problem(.malformed, "a number cell holds \"\(String(decoding: value, as: UTF8.self))\"; expected a number")
            }
            if isDate, let date = ExcelSerialDate.text(serial: number, date1904: date1904) {
                row.bytes.append(contentsOf: date.utf8)
                return .date
            }
            row.bytes.append(contentsOf: ExcelNumber.plain(number).utf8)
            return .number
        }
    }

    /// `body` on the cell's `<v>` text without surrounding white space.
    private func trimmed<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try cellText.withUnsafeBytes { bytes in
            var start = 0, end = bytes.count
            while start < end, XMLScanner.isSpace(bytes[start]) { start += 1 }
            while end > start, XMLScanner.isSpace(bytes[end - 1]) { end -= 1 }
            return try body(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    private func problem(_ reason: WorkbookError.Reason, _ message: String, cell: Bool = true) -> WorkbookError {
        let place = cell ? "cell \(Self.reference(column: cellColumn, row: rowNumber))" : "row \(rowNumber)"
        return WorkbookError(file: file, place: "sheet \"\(sheetName)\", \(place)", reason: reason, message: message)
    }

    // MARK: References

    /// A non-negative decimal integer of at most 9 digits.
    static func integer(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for b in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) else { return nil }
            value = value * 10 + Int(b) - 48
        }
        return value
    }

    /// The 1-based column of a reference like `AB12` (letters in either case, then a row from 1 to
    /// 1,048,576), or nil when it is not one or its column is past XFD.
    static func column(ofReference bytes: UnsafeRawBufferPointer) -> Int? {
        var column = 0
        var i = 0
        while i < bytes.count, i < 4 {
            let b = bytes[i] | 0x20
            guard b >= UInt8(ascii: "a"), b <= UInt8(ascii: "z") else { break }
            column = column * 26 + Int(b) - 96
            i += 1
        }
        guard i > 0, column <= maxColumns,
              let row = integer(UnsafeRawBufferPointer(rebasing: bytes[i...])), (1...maxRows).contains(row)
        else { return nil }
        return column
    }

    /// `C7` for column 3, row 7.
    static func reference(column: Int, row: Int) -> String {
        columnName(column) + "\(row)"
    }

    /// `A` for 1, `Z` for 26, `AA` for 27.
    static func columnName(_ column: Int) -> String {
        var letters: [Character] = []
        var n = column
        while n > 0 {
            let digit = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }
}
