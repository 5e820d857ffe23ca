/// A sheet read as a table: the header row found below any title rows, and cells strayed far right of the
/// table dropped, so what follows reads like a CSV file (header first, then one record a row).
///
/// HR tools often put a title, a date and a blank row above the header ("Employee Directory", "Generated
/// 2026-11-03"), and people leave notes beside a table. The rules, simple enough to explain to a user:
///
/// - **The header row** is looked for among the first ``lookahead`` rows that have a non-empty cell. Let
///   *W* be the largest number of non-empty cells in any of them. The header is the first of those rows
///   whose non-empty cells are at least 2, are all text (not numbers, dates, booleans or errors), and
///   number at least half of *W* (rounded up). A one-cell title, a date, "Generated on" beside a date, are
///   never the header; a header of column names over rows of data is. When no row qualifies, the first row
///   is the header. The rows above it are skipped (``skippedRowsAboveHeader``).
/// - **Stray cells**: the table's width is the header's last non-empty cell. A cell beyond the column just
///   right of it (so with at least one column whose header is empty between it and the table) is dropped
///   from every row (``droppedCells`` counts them). The column right next to the table is kept, so a column
///   whose header someone forgot still shows. A row left with no non-empty cell is skipped.
public final class SheetTable {
    /// How many rows with data are looked at to find the header.
    public static let lookahead = 20

    public let reader: SheetReader
    /// The Excel row number of the header row.
    public let headerLine: Int
    /// Rows with data above the header, skipped.
    public let skippedRowsAboveHeader: Int
    /// Fields kept in each row: the header's width and the column after it.
    public let keptColumns: Int
    /// Non-empty cells dropped so far for standing beyond ``keptColumns``.
    public private(set) var droppedCells = 0

    /// Rows read ahead and not yet handed out, and whether the current row is one of them.
    private var pending: [SheetRow]
    private var current: SheetRow?

    /// Reads ahead up to ``lookahead`` rows of `reader` to find the header.
    ///
    /// - Throws: `WorkbookError` as ``SheetReader/advance()``.
    public init(_ reader: SheetReader) throws {
        self.reader = reader
        var rows: [SheetRow] = []
        while rows.count < Self.lookahead, try reader.advance() {
            rows.append(reader.row)
        }
        let header = Self.headerIndex(rows)
        skippedRowsAboveHeader = header
        pending = Array(rows.dropFirst(header))
        headerLine = pending.first?.line ?? 0
        keptColumns = (pending.first?.width ?? 0) + 1
    }

    /// The index among `rows` of the header row, by the rule in the type's documentation.
    static func headerIndex(_ rows: [SheetRow]) -> Int {
        let widest = rows.map(\.nonEmptyCount).max() ?? 0
        let needed = max(2, (widest + 1) / 2)
        return rows.firstIndex { row in
            row.nonEmptyCount >= needed && row.kinds.allSatisfy { $0 == .empty || $0 == .text }
        } ?? 0
    }

    /// Moves to the next row (the header first); false at the end of the sheet.
    public func advance() throws -> Bool {
        while true {
            if !pending.isEmpty {
                current = pending.removeFirst()
                droppedCells += current!.truncate(to: keptColumns)
                if current!.count > 0 { return true }
                continue
            }
            current = nil
            guard try reader.advance() else { return false }
            droppedCells += reader.row.truncate(to: keptColumns)
            if reader.row.count > 0 { return true }
        }
    }

    private var row: SheetRow { current ?? reader.row }

    /// The Excel row number of the current row.
    public var recordLine: Int { row.line }

    /// How many fields the current row has.
    public var fieldCount: Int { row.count }

    /// Every field of the current row at once, as bytes valid only inside `body`.
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
}
