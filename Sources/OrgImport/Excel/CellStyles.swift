/// Which cell styles show numbers as dates: all a reader needs of `xl/styles.xml`.
///
/// A cell's `s` attribute indexes `cellXfs`; each `xf` names a number format by `numFmtId`, either one of
/// Excel's built-in formats or a custom one from `numFmts` (`formatCode`).
public struct CellStyles: Sendable {
    /// For each style index of `cellXfs`, whether its number format is a date or time format.
    public private(set) var isDate: [Bool] = []

    /// No styles: every number is a number.
    public init() {}

    /// Parses a styles part held in memory (tests and the fuzzer).
    ///
    /// - Throws: `XMLError` when it is not well-formed.
    public init(xml: [UInt8]) throws {
        try self.init(scanner: XMLScanner(source: MemoryByteSource(xml)))
    }

    /// Most `xf` elements kept: far above any real workbook's styles, and a bound on what a forged part
    /// can make us hold.
    static let maxStyles = 1 << 20

    init(scanner: XMLScanner) throws {
        var customFormats: [Int: Bool] = [:]
        var formats: [Int] = []
        var path: [String] = []
        while true {
            switch try scanner.next() {
            case .start:
                let parent = path.last
                path.append(scanner.localName)
                if parent == "numFmts", scanner.nameIs("numFmt"),
                   let id = scanner.attribute("numFmtId").flatMap({ Int($0) }), let code = scanner.attribute("formatCode") {
                    customFormats[id] = Self.isDateFormat(code)
                } else if parent == "cellXfs", scanner.nameIs("xf"), formats.count < Self.maxStyles {
                    formats.append(scanner.attribute("numFmtId").flatMap { Int($0) } ?? 0)
                }
            case .end:
                path.removeLast()
            case .text:
                continue
            case .endOfDocument:
                isDate = formats.map { customFormats[$0] ?? Self.isBuiltInDate($0) }
                return
            }
        }
    }

    /// Whether the style at `index` formats numbers as dates; false for an index out of range.
    public func formatsDates(_ index: Int) -> Bool {
        index >= 0 && index < isDate.count && isDate[index]
    }

    /// Excel's built-in date and time formats: 14–22, and 27–36, 45–47, 50–58 (time, and the East Asian
    /// locales' dates).
    static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// Whether a custom format code shows dates or times: it holds `y`, `m`, `d` or `h` (any case) outside
    /// quoted text, `[...]` brackets (colours, locales, conditions) and characters escaped by `\`, `_` or
    /// `*`. A format with an elapsed-time bracket (`[h]:mm`, `[mm]:ss`) is a duration, not a date.
    static func isDateFormat(_ code: String) -> Bool {
        var sawDatePart = false
        var iterator = code.unicodeScalars.makeIterator()
        while let c = iterator.next() {
            switch c {
            case "\"":
                while let q = iterator.next(), q != "\"" {}
            case "\\", "_", "*":
                _ = iterator.next()
            case "[":
                var inside = ""
                while let q = iterator.next(), q != "]" { inside.unicodeScalars.append(q) }
                let lower = inside.lowercased()
                if !lower.isEmpty, lower.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) { return false }
            case "y", "Y", "m", "M", "d", "D", "h", "H":
                sawDatePart = true
            default:
                continue
            }
        }
        return sawDatePart
    }
}
