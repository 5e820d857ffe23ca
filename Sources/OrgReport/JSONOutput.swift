import Foundation

/// The one JSON encoder configuration of every report and every `--format json`: sorted snake_case keys, pretty-printed,
/// non-finite numbers as strings, so output is stable and valid for any input.
public enum JSONOutput {
    public static func encode(_ value: some Encodable) -> String {
        // Every value is a string, a bool, an integer or a number made encodable above: encoding cannot fail.
        String(decoding: try! makeEncoder().encode(value), as: UTF8.self) + "\n"
    }

    /// One member of an object written by ``object(_:)``.
    public enum Member {
        /// Encoded whole.
        case value(any Encodable)
        /// An array, its elements encoded a batch at a time.
        case elements([any Encodable])
    }

    /// An object of these members (keys as written: snake_case), the very text ``encode(_:)`` gives for the same
    /// object, but with each array of ``Member/elements(_:)`` encoded 256 elements at a time. `JSONEncoder` builds a
    /// tree of the whole document before it writes a byte: for a report of a million people that tree was 700 MB
    /// (docs/benchmarks.md); this holds one batch's tree at a time. Keys are sorted by `String`'s `<`, as the
    /// encoder sorts them on Linux: give lowercase snake_case keys, as the reports use.
    public static func object(_ members: [(key: String, member: Member)]) -> String {
        var out = NestedWriter(encoder: makeEncoder())
        out.write("{\n")
        let sorted = members.sorted { $0.key < $1.key }
        for (n, entry) in sorted.enumerated() {
            out.write("  " + quoted(entry.key) + " : ")
            switch entry.member {
            case .value(let value):
                out.write(value, indent: 2, dropFirstAndLastLines: false)
            case .elements(let items) where items.isEmpty:
                out.write("[\n\n  ]")
            case .elements(let items):
                // A batch of elements an encoding: one call per element cost a tenth more time than the whole
                // document in one; a batch's tree is still small. The batch's "[" and "]" lines are left out.
                out.write("[\n")
                for start in stride(from: 0, to: items.count, by: batchSize) {
                    let batch = Batch(items: items[start..<min(start + batchSize, items.count)])
                    out.write(batch, indent: 2, dropFirstAndLastLines: true)
                    out.write(start + batchSize >= items.count ? "\n" : ",\n")
                }
                out.write("  ]")
            }
            out.write(n == sorted.count - 1 ? "\n" : ",\n")
        }
        out.write("}\n")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The text of ``object(_:)`` as it is put together.
    private struct NestedWriter {
        let encoder: JSONEncoder
        var bytes: [UInt8] = []

        mutating func write(_ text: String) { bytes.append(contentsOf: text.utf8) }

        /// The value's encoding, every line but the first moved right by `indent` spaces as the encoder indents a
        /// value nested that deep; empty lines (inside empty arrays and objects) stay empty, as it writes them.
        /// Strings hold no line breaks: the encoder escapes them. `dropFirstAndLastLines` writes an array's
        /// elements without its brackets, each line then moved right (the first included).
        mutating func write(_ value: any Encodable, indent: Int, dropFirstAndLastLines: Bool) {
            // Every value is a string, a bool, an integer or a number made encodable (``makeEncoder()``): encoding
            // cannot fail.
            let data = try! encoder.encode(value)
            data.withUnsafeBytes { raw in
                var body = raw[...]
                if dropFirstAndLastLines, let first = body.firstIndex(of: 0x0A), let last = body.lastIndex(of: 0x0A) {
                    body = raw[first..<last]
                }
                if dropFirstAndLastLines { body = body.dropFirst() }
                // Line by line: the first as it is, each next one after its line break, moved right unless empty.
                var line = body.startIndex
                while true {
                    let end = body[line...].firstIndex(of: 0x0A) ?? body.endIndex
                    if line < end, line > body.startIndex || dropFirstAndLastLines {
                        bytes.append(contentsOf: repeatElement(0x20, count: indent))
                    }
                    bytes.append(contentsOf: body[line..<end])
                    guard end < body.endIndex else { break }
                    bytes.append(0x0A)
                    line = end + 1
                }
            }
        }
    }

    /// Elements encoded with one call (``object(_:)``).
    private struct Batch: Encodable {
        let items: ArraySlice<any Encodable>

        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        }
    }

    private static let batchSize = 256

    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// `text` as a JSON string literal, for output written piece by piece: quotes, backslashes and control
    /// characters escaped, everything else as it is (valid UTF-8 in, valid JSON out).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
