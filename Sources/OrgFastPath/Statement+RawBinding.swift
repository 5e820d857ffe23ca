import GRDB
import GRDBSQLite

/// Binding through SQLite's C API for inserts run hundreds of thousands of times in one import: GRDB's
/// `StatementArguments` box every value, which cost more than the insert itself (docs/benchmarks.md).
extension Statement {
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ value: Int64?) {
        if let value {
            sqlite3_bind_int64(sqliteStatement, index, value)
        } else {
            sqlite3_bind_null(sqliteStatement, index)
        }
    }

    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(sqliteStatement, index, Int64(value)) }

    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(sqliteStatement, index, value) }

    /// UTF-8 bytes bound without a copy (SQLite's "static" destructor, nil); nil binds NULL.
    ///
    /// Lifetime contract: SQLite reads the bytes when the statement is stepped, not now, so they must stay where
    /// they are, unchanged, until the step that uses them. Every caller binds from an arena it keeps alive (and
    /// does not mutate) across the step, and rebinds every parameter before each step, so a pointer into an
    /// arena that was freed since is never read.
    func bindStatic(_ index: Int32, _ value: UnsafeBufferPointer<UInt8>?) {
        guard let value, let base = value.baseAddress else {
            // An empty buffer may have no address: bind it as empty text, not NULL.
            if value != nil { sqlite3_bind_text(sqliteStatement, index, "", 0, Self.transient) } else { sqlite3_bind_null(sqliteStatement, index) }
            return
        }
        _ = base.withMemoryRebound(to: CChar.self, capacity: value.count) {
            sqlite3_bind_text(sqliteStatement, index, $0, Int32(value.count), nil)
        }
    }

    /// Runs the bound insert once and resets it for the next row.
    func stepDone() throws {
        let code = sqlite3_step(sqliteStatement)
        sqlite3_reset(sqliteStatement)
        guard code == SQLITE_DONE else { throw Self.error(code, sqliteStatement) }
    }

    /// GRDB's error for a failed step of `statement`, with SQLite's message.
    static func error(_ code: Int32, _ statement: SQLiteStatement) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))))
    }
}
