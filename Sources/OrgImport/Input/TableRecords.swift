import Foundation
import OrgModel

/// How a table was laid out in its file, as an import's summary says it.
public enum TableLayout: Sendable, Equatable {
    /// A CSV file (or standard input) with this delimiter.
    case delimited(UInt8)
    /// One sheet of an Excel workbook: its name, the Excel row number of its header, and the rows with data
    /// above the header that were skipped (a title block).
    case sheet(name: String, headerRow: Int, skippedRows: Int)

    /// "comma-separated"; "sheet 'Staff' of an Excel workbook, header on row 4 (2 rows above it skipped)".
    public var summary: String {
        switch self {
        case .delimited(let delimiter):
            return "\(Delimiter.name(delimiter))-separated"
        case .sheet(let name, let row, let skipped):
            let above = skipped == 0 ? "" : " (\(plural(skipped, "row")) above it skipped)"
            return "sheet '\(name)' of an Excel workbook, header on row \(row)\(above)"
        }
    }

    /// The delimiter of a CSV file; nil for a sheet.
    public var delimiter: UInt8? {
        if case .delimited(let delimiter) = self { return delimiter }
        return nil
    }
}

/// The rows of a table, one at a time, whatever file holds them: a CSV file (``CSVReader``) or a sheet of an
/// Excel workbook (``WorkbookTable``). Imports read every table through this, so each shape of input gets the
/// same header rules, checks and messages.
public protocol TableRecords: AnyObject {
    /// The name messages use: the path as given, or `<stdin>`.
    var displayName: String { get }
    /// Moves to the next record with data; false at the end. Read the record with ``fieldCount`` and
    /// ``withRecord(_:)``, valid until the next call.
    func advance() throws -> Bool
    /// Where the current record is, as messages name it: a CSV file's line, a sheet's row number.
    var recordLine: Int { get }
    /// How many fields the current record has.
    var fieldCount: Int { get }
    /// Every field of the current record at once, as bytes valid only inside `body`.
    func withRecord<R>(_ body: (CSVFields) throws -> R) rethrows -> R
    /// Bytes of the current record (from ``withRecord(_:)``) as text; bytes that are no text are an error
    /// naming the record and `column` (1-based).
    func text(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) throws -> String
    /// The line from which a CSV file was read as Windows-1252; nil otherwise.
    var windows1252From: Int? { get }
    /// How the table was read; known once the first record has been.
    var layout: TableLayout { get }
    /// Bytes of the file read so far and its size when known, for progress.
    var progress: (bytesRead: Int, totalBytes: Int?) { get }
    /// The SHA-256 of the whole file, lowercase hex: call once, after the last record.
    func finishDigest() throws -> String
    /// Non-empty cells left out for standing right of the table, after a column whose header is empty (a
    /// sheet's notes); 0 for a CSV file, where such a row is ragged.
    var strayCells: Int { get }
    /// `error`, about a header naming no column the import needs, with what helps choose another table: for a
    /// workbook, the sheet read and the others it has.
    func explainingHeader(_ error: OrgMapError) -> OrgMapError
}

extension TableRecords {
    public var strayCells: Int { 0 }
    public func explainingHeader(_ error: OrgMapError) -> OrgMapError { error }

    /// The next record as strings, or nil at the end.
    public func next() throws -> CSVRecord? {
        guard try advance() else { return nil }
        let fields = try withRecord { fields in try (0..<fields.count).map { try text(fields[$0], column: $0 + 1) } }
        return CSVRecord(fields: fields, line: recordLine)
    }
}

extension CSVReader: TableRecords {
    public var displayName: String { input.displayName }
    public var layout: TableLayout { .delimited(delimiter) }
    public var progress: (bytesRead: Int, totalBytes: Int?) { (input.bytesRead, input.size) }
    public func finishDigest() -> String { input.finishDigest() }
}

/// The table of one sheet of an Excel workbook: the sheet `--sheet` names or the first with data, read from
/// its header row (found below any title rows, see ``SheetHeader``), cells right of the table dropped.
public final class WorkbookTable: TableRecords {
    public let displayName: String
    public let workbook: Workbook
    public let reader: SheetReader
    public let header: SheetHeader
    private let totalBytes: Int?

    /// Opens the workbook at `path` and finds the table's header in the sheet named `sheet` (compared exactly,
    /// then ignoring case), or in the first visible sheet with data.
    ///
    /// - Throws: `OrgMapError.invalidInput` naming the file (and the sheet and cell): an unknown sheet (the
    ///   workbook's sheets listed), a workbook without data, a damaged or malformed workbook.
    public convenience init(path: String, sheet: String?) throws {
        try self.init(workbook: reportingWorkbookErrors { try Workbook(path: path) }, sheet: sheet)
    }

    /// As ``init(path:sheet:)``, from the workbook already opened.
    init(workbook: Workbook, sheet: String?) throws {
        let path = workbook.file
        displayName = path
        totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        (self.workbook, reader, header) = try reportingWorkbookErrors {
            let reader = try sheet.map { try workbook.sheet(named: $0) } ?? workbook.firstSheetWithData()
            return (workbook, reader, try reader.findHeader())
        }
    }

    /// Moves to the next row with data. Excel leaves out empty cells at the end of a row, so a row shorter than
    /// the header is given empty fields up to the header's width, as a CSV row has them.
    public func advance() throws -> Bool {
        guard try reportingWorkbookErrors({ try reader.advance() }) else { return false }
        reader.row.pad(to: header.keptColumns - 1)
        return true
    }
    public var recordLine: Int { reader.recordLine }
    public var fieldCount: Int { reader.fieldCount }
    public func withRecord<R>(_ body: (CSVFields) throws -> R) rethrows -> R { try reader.withRecord(body) }
    /// Sheet cells are valid UTF-8 as read.
    public func text(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> String { String(decoding: bytes, as: UTF8.self) }
    public var windows1252From: Int? { nil }
    public var layout: TableLayout { .sheet(name: reader.sheetName, headerRow: header.line, skippedRows: header.skippedRows) }
    public var progress: (bytesRead: Int, totalBytes: Int?) { (0, totalBytes) }
    public var strayCells: Int { reader.droppedCells }

    /// `error` saying which sheet was read and which others the workbook has, so the user can choose one with
    /// `--sheet`; unchanged for a workbook of one sheet.
    public func explainingHeader(_ error: OrgMapError) -> OrgMapError {
        let others = workbook.sheetNames.filter { $0 != reader.sheetName }
        guard !others.isEmpty, case .invalidInput(let file, var problems, let more) = error, !problems.isEmpty else { return error }
        problems[0].message += " (this is sheet '\(reader.sheetName)'; the workbook also has \(others.map { "'\($0)'" }.joined(separator: ", ")): choose one with --sheet)"
        return .invalidInput(file: file, problems: problems, more: more)
    }

    public func finishDigest() throws -> String {
        let input = try ByteInput(path: displayName)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while try input.read(into: buffer) > 0 {}
        return input.finishDigest()
    }
}

/// Opens the table an import reads from `source`: an Excel workbook's sheet for a path holding one (`sheet`
/// chooses it), else the CSV reader. `sheet` for anything else than a workbook is an error.
///
/// - Throws: `OrgMapError` for a spreadsheet orgmap cannot read (`.xls`, Numbers, `.ods`, `.xlsb`: saying
///   how to save it), a damaged workbook, an unknown sheet, or a file that cannot be opened.
public func openTable(_ source: InputSource, options: CSVOptions, sheet: String?) throws -> any TableRecords {
    if case .path(let path) = source, path != "-",
       let workbook = try reportingWorkbookErrors({ try SpreadsheetKind.workbookArchive(path: path).map { try Workbook(path: path, archive: $0) } }) {
        return try WorkbookTable(workbook: workbook, sheet: sheet)
    }
    if let sheet {
        throw OrgMapError.invalidArgument("--sheet \(sheet) chooses a sheet of an Excel workbook (.xlsx); \(source.displayName) is not one")
    }
    return CSVReader(input: try source.open(), options: options)
}
