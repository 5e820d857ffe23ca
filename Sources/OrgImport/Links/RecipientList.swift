/// The entries of a message log's recipients cell: `To: "Lee, Ann" <ann@x.com>; bob@x.com, Carl <carl@x.com>`.
///
/// Entries are separated by `;`, `,` or a line break outside double quotes and angle brackets. An entry with an
/// address in angle brackets stands for that address (its display name is dropped); otherwise it stands for its
/// text, trimmed, surrounding quotes removed. A `mailto:` prefix is dropped. Inside double quotes a backslash
/// escapes the next character (RFC 5322 quoted strings). Empty entries are skipped. Works on bytes, without
/// allocating: it runs on every row of a log.
public enum RecipientList {
    /// Calls `body` with each entry's bytes, in order.
    public static func forEach(_ cell: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var start = 0
        var quoted = false
        var escaped = false
        var angleOpen: Int?
        var angleClose: Int?
        func emit(upTo end: Int) throws {
            let entry: UnsafeBufferPointer<UInt8>
            if let open = angleOpen {
                entry = UnsafeBufferPointer(rebasing: cell[(open + 1)..<(angleClose ?? cell.count)])
            } else {
                entry = UnsafeBufferPointer(rebasing: cell[start..<end])
            }
            let cleaned = clean(entry)
            if !cleaned.isEmpty { try body(cleaned) }
        }
        for i in 0..<cell.count {
            let b = cell[i]
            if escaped {
                escaped = false
            } else if quoted {
                if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { quoted = false }
            } else if angleOpen != nil, angleClose == nil {
                if b == UInt8(ascii: ">") { angleClose = i }
            } else if b == UInt8(ascii: "\"") {
                quoted = true
            } else if b == UInt8(ascii: "<"), angleOpen == nil {
                angleOpen = i
            } else if b == UInt8(ascii: ";") || b == UInt8(ascii: ",") || b == 0x0A || b == 0x0D {
                try emit(upTo: i)
                start = i + 1
                angleOpen = nil
                angleClose = nil
            }
        }
        try emit(upTo: cell.count)
    }

    /// The entries as strings: for tests, the fuzz target and messages.
    public static func entries(_ cell: String) -> [String] {
        var cell = cell
        return cell.withUTF8 { bytes in
            var out: [String] = []
            forEach(bytes) { out.append(String(decoding: $0, as: UTF8.self)) }
            return out
        }
    }

    /// Without surrounding blanks, one pair of surrounding quotes and a `mailto:` prefix.
    private static func clean(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lower = 0, upper = bytes.count
        func trim() {
            while lower < upper, isBlank(bytes[lower]) { lower += 1 }
            while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
        }
        trim()
        if upper - lower >= 2, bytes[lower] == UInt8(ascii: "\""), bytes[upper - 1] == UInt8(ascii: "\"") {
            lower += 1
            upper -= 1
            trim()
        }
        let mailto = Array("mailto:".utf8)
        if upper - lower > mailto.count, (0..<mailto.count).allSatisfy({ bytes[lower + $0] | 0x20 == mailto[$0] }) {
            lower += mailto.count
            trim()
        }
        return UnsafeBufferPointer(rebasing: bytes[lower..<upper])
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
