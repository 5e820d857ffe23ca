/// A plain-text table with aligned columns, for terminal output.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public private(set) var rows: [[String]] = []

    /// `alignments` defaults to left for every column.
    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "a row has one cell per header")
        rows.append(row.map { $0.replacingNewlines() })
    }

    /// The table as lines: a header, a rule of dashes, then the rows; no trailing spaces.
    public func render() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            // The last column is not padded, and trailing spaces (of empty cells at the end) are cut in one go: a
            // department's cell can list thousands of leaders, and padding each line to the widest then taking
            // the spaces off one character at a time took seconds.
            var text = ""
            for (i, cell) in cells.enumerated() {
                if i > 0 { text += "  " }
                let pad = widths[i] - cell.count
                if alignments[i] == .right { text += String(repeating: " ", count: pad) }
                text += cell
                if alignments[i] == .left, i < cells.count - 1 { text += String(repeating: " ", count: pad) }
            }
            guard let end = text.utf8.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return "" }
            return String(decoding: text.utf8[...end], as: UTF8.self)
        }
        var out = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
        out += rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Control characters would break a terminal table's alignment; they become spaces.
    fileprivate func replacingNewlines() -> String {
        // Most cells have no control character (C0, DEL, or C1 as U+0080–U+009F): kept as they are.
        var previous: UInt8 = 0
        let clean = utf8.allSatisfy { byte in
            defer { previous = byte }
            return byte >= 0x20 && byte != 0x7F && !(previous == 0xC2 && byte >= 0x80 && byte <= 0x9F)
        }
        if clean { return self }
        return String(unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }
}
