/// Where a sheet's table starts, found by ``SheetReader/findHeader()`` below any title rows, and how wide it
/// is.
///
/// HR tools often put a title, a date and a blank row above the header ("Employee Directory", "Generated
/// 2026-11-03"), and people leave notes beside a table. The rules, simple enough to explain to a user:
///
/// - **The header row** is looked for among the first ``lookahead`` rows that have a non-empty cell. Let
///   *W* be the largest number of non-empty cells in any of them. The header is the first of those rows
///   whose non-empty cells are at least 2, are all text (not numbers, dates, booleans or errors), and
///   number at least half of *W* (rounded up). A one-cell title, a date, "Generated" beside a date, are
///   never the header; a header of column names over rows of data is. When no row qualifies, the first row
///   is the header. The rows above it are skipped (``skippedRows``).
/// - **Stray cells**: the table's width is the header's last non-empty cell. A cell beyond the column just
///   right of it (so with at least one column whose header is empty between it and the table) is dropped
///   from every row (``SheetReader/droppedCells`` counts them). The column right next to the table is
///   kept, so a column whose header someone forgot still shows. A row left with no non-empty cell is
///   skipped.
public struct SheetHeader: Sendable, Equatable {
    /// How many rows with data are looked at to find the header.
    public static let lookahead = 20

    /// The Excel row number of the header row; 0 for a sheet without data.
    public let line: Int
    /// Rows with data above the header, skipped.
    public let skippedRows: Int
    /// Fields kept in each row: up to the header's last non-empty cell, and the column after it.
    public let keptColumns: Int

    /// The index among `rows` of the header row, by the rule above.
    static func index(in rows: [SheetRow]) -> Int {
        let widest = rows.map(\.nonEmptyCount).max() ?? 0
        let needed = max(2, (widest + 1) / 2)
        return rows.firstIndex { row in
            row.nonEmptyCount >= needed && row.kinds.allSatisfy { $0 == .empty || $0 == .text }
        } ?? 0
    }
}
