/// What a cell held, as far as a reader of tables cares.
public enum CellKind: UInt8, Sendable {
    /// No value (a gap, or a styled cell without one).
    case empty
    /// A string: shared, inline, or a formula's string result.
    case text
    case number
    /// A number shown as a date or time (its style's format), or an ISO date cell.
    case date
    /// `TRUE` or `FALSE`.
    case boolean
    /// A formula error such as `#N/A`.
    case error
}

/// One row of a sheet as fields: their UTF-8 bytes one after another, where each ends, and what kind of
/// cell each came from. The last field is never empty.
struct SheetRow {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var kinds: [CellKind] = []
    /// The Excel row number.
    var line = 0

    var count: Int { ends.count }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
    }

    /// Adds empty fields until the row has `count` fields.
    mutating func pad(to count: Int) {
        while ends.count < count {
            ends.append(bytes.count)
            kinds.append(.empty)
        }
    }

    /// Ends the field whose bytes were appended since the previous one.
    mutating func endField(_ kind: CellKind) {
        ends.append(bytes.count)
        kinds.append(kind)
    }

    func range(_ i: Int) -> Range<Int> {
        (i == 0 ? 0 : ends[i - 1])..<ends[i]
    }

    func string(_ i: Int) -> String {
        String(decoding: bytes[range(i)], as: UTF8.self)
    }

    /// How many fields are not empty.
    var nonEmptyCount: Int { kinds.lazy.filter { $0 != .empty }.count }

    /// The 1-based column of the last non-empty field (0 when there is none).
    var width: Int { ends.count }

    func withFields<R>(_ body: (CSVFields) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { bytes in
            try ends.withUnsafeBufferPointer { ends in try body(CSVFields(bytes: bytes, ends: ends)) }
        }
    }

    /// Keeps the first `width` fields, then drops trailing empty ones; returns how many non-empty fields
    /// were dropped.
    mutating func truncate(to width: Int) -> Int {
        guard ends.count > width else { return 0 }
        let dropped = kinds[width...].lazy.filter { $0 != .empty }.count
        ends.removeSubrange(width...)
        kinds.removeSubrange(width...)
        while let last = kinds.last, last == .empty {
            ends.removeLast()
            kinds.removeLast()
        }
        bytes.removeSubrange((ends.last ?? 0)...)
        return dropped
    }
}

extension SheetRow {
    /// Drops empty fields at the end (left by padding before a cell that turned out empty).
    mutating func truncateEmptyTail() {
        while let last = kinds.last, last == .empty {
            ends.removeLast()
            kinds.removeLast()
        }
    }
}
