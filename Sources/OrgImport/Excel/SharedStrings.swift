/// The workbook's shared string table (`xl/sharedStrings.xml`): cells of type `s` hold an index into it.
///
/// It is the one part held whole, since cells may refer to any string in any order: the strings' UTF-8
/// bytes one after another in a single array, and where each ends, so a table of a million short strings
/// costs a few tens of megabytes and no object per string.
public struct SharedStrings: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    /// An empty table, for workbooks without one.
    public init() {}

    /// Parses a shared strings part held in memory (tests and the fuzzer).
    ///
    /// - Throws: `XMLError` when it is malformed, or `SharedStrings.Problem` when a string breaks a rule.
    public init(xml: [UInt8], maxStringBytes: Int = 1 << 20) throws {
        try self.init(scanner: XMLScanner(source: MemoryByteSource(xml)), maxStringBytes: maxStringBytes)
    }

    /// A string that breaks a rule: over the size limit, or not UTF-8. `index` is 0-based.
    public struct Problem: Error, Sendable, Equatable {
        public let index: Int
        public let message: String
    }

    /// How many strings the table holds.
    public var count: Int { ends.count }

    /// String `index` (0-based) as bytes, or nil when out of range.
    func withString<R>(_ index: Int, _ body: (ArraySlice<UInt8>) throws -> R) rethrows -> R? {
        guard index >= 0, index < ends.count else { return nil }
        return try body(bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
    }

    /// String `index` (0-based) as text, or nil when out of range.
    public subscript(index: Int) -> String? {
        withString(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads `<sst><si>…</si>…</sst>`: each item's `<t>` text, or the `<t>` of its rich-text runs (`<r>`)
    /// concatenated; phonetic runs (`<rPh>`, the reading of East Asian names) and formatting are left out.
    init(scanner: XMLScanner, maxStringBytes: Int) throws {
        var text = RichText(maxBytes: maxStringBytes)
        // Depth of the `<si>` being read (0 outside one), and of a subtree left out.
        var itemDepth = 0
        while true {
            switch try scanner.next() {
            case .start:
                if itemDepth == 0 {
                    if scanner.depth == 2, scanner.nameIs("si") {
                        itemDepth = 2
                        text.begin()
                    }
                } else {
                    text.enter(scanner)
                }
            case .end:
                if itemDepth > 0 {
                    if scanner.depth < itemDepth {
                        itemDepth = 0
                        guard let problem = text.finish(into: &bytes) else {
                            ends.append(bytes.count)
                            continue
                        }
                        throw Problem(index: ends.count, message: problem)
                    }
                    text.leave()
                }
            case .text:
                if let problem = text.append(scanner) { throw Problem(index: ends.count, message: problem) }
            case .endOfDocument:
                return
            }
        }
    }
}

/// The text of a string item (`<si>` or an inline `<is>`) as it is read: `<t>` directly in the item, or in
/// a run `<r>`; anything else (`<rPh>`, `<rPr>`, `<phoneticPr>`) is left out with all it holds.
struct RichText {
    let maxBytes: Int
    var bytes: [UInt8] = []
    /// Elements open inside the item: 1 a run, 2 a text element, 3 anything left out.
    private var open: [UInt8] = []

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    mutating func begin() {
        bytes.removeAll(keepingCapacity: true)
        open.removeAll(keepingCapacity: true)
    }

    /// A start tag inside the item.
    mutating func enter(_ scanner: XMLScanner) {
        switch open.last {
        case nil:
            open.append(scanner.nameIs("t") ? 2 : scanner.nameIs("r") ? 1 : 3)
        case 1:
            open.append(scanner.nameIs("t") ? 2 : 3)
        default:
            open.append(3)
        }
    }

    mutating func leave() {
        open.removeLast()
    }

    /// Text inside the item: kept when it is in a `<t>`. Returns a problem when the string grows too long.
    mutating func append(_ scanner: XMLScanner) -> String? {
        guard open.last == 2 else { return nil }
        scanner.withText { bytes.append(contentsOf: $0) }
        return bytes.count > maxBytes ? "a text longer than \(maxBytes) bytes" : nil
    }

    /// Appends the item's text, its `_xHHHH_` escapes decoded, to `out`; returns a problem instead when it
    /// is not valid UTF-8.
    mutating func finish(into out: inout [UInt8]) -> String? {
        OOXMLEscapes.decode(&bytes)
        guard UTF8Check.isValid(bytes) else { return "the text is not valid UTF-8" }
        out.append(contentsOf: bytes)
        return nil
    }
}

/// Office's escapes in text (ECMA-376 `ST_Xstring`): a character XML cannot hold, such as a control
/// character, is written `_xHHHH_` (`_x000D_` for a carriage return), and a literal `_x` that would read
/// as one is written `_x005F_x`.
enum OOXMLEscapes {
    static func decode(_ bytes: inout [UInt8]) {
        guard bytes.count >= 7, bytes.contains(UInt8(ascii: "_")) else { return }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "_"), i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"), bytes[i + 6] == UInt8(ascii: "_"),
               let value = hexValue(bytes[(i + 2)..<(i + 6)]), let scalar = Unicode.Scalar(value) {
                out.append(contentsOf: String(Character(scalar)).utf8)
                i += 7
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        bytes = out
    }

    private static func hexValue(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for d in digits {
            switch d {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value * 16 + UInt32(d) - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value * 16 + UInt32(d) - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value * 16 + UInt32(d) - 55
            default: return nil
            }
        }
        return value
    }
}

/// UTF-8 validation without making a string when the bytes are ASCII, the usual case.
enum UTF8Check {
    static func isValid(_ bytes: some Collection<UInt8>) -> Bool {
        if bytes.allSatisfy({ $0 < 0x80 }) { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }
}
