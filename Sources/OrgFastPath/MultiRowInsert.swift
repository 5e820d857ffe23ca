import GRDB

/// An INSERT that takes many rows a statement (`VALUES (...), (...), ...`), for imports of hundreds of thousands
/// of rows: SQLite then opens the table and its indexes once per statement instead of once per row, about a
/// third of an import's inserting time (docs/benchmarks.md). Rows that do not fill a statement go one by one.
struct MultiRowInsert {
    let rowsPerStatement: Int
    private let parametersPerRow: Int32
    private let one: Statement
    private let many: Statement

    /// `head` is `INSERT INTO table (columns) VALUES`; `row` one row's values, such as `(?, 7, ?)`.
    init(_ db: Database, head: String, row: String, rowsPerStatement: Int) throws {
        self.rowsPerStatement = rowsPerStatement
        parametersPerRow = Int32(row.filter { $0 == "?" }.count)
        one = try db.makeStatement(sql: "\(head) \(row)")
        many = try db.makeStatement(sql: "\(head) " + Array(repeating: row, count: rowsPerStatement).joined(separator: ", "))
    }

    /// Inserts rows `0..<count`. `bind(i, statement, offset)` binds row `i`'s values as parameters
    /// `offset + 1`, `offset + 2`... of `statement`; every parameter is bound again before each step.
    func run(count: Int, bind: (Int, Statement, Int32) -> Void) throws {
        var i = 0
        while count - i >= rowsPerStatement {
            for slot in 0..<rowsPerStatement { bind(i + slot, many, Int32(slot) * parametersPerRow) }
            try many.stepDone()
            i += rowsPerStatement
        }
        for i in i..<count {
            bind(i, one, 0)
            try one.stepDone()
        }
    }
}
