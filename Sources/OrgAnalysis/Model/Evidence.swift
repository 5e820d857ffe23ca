/// One value behind a finding: a number, a text or a list of texts.
public enum EvidenceValue: Sendable, Equatable, Codable {
    case integer(Int)
    case number(Double)
    case text(String)
    case list([String])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) {
            self = .integer(i)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .text(s)
        } else {
            self = .list(try c.decode([String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .integer(let i): try c.encode(i)
        case .number(let d): try c.encode(d)
        case .text(let s): try c.encode(s)
        case .list(let l): try c.encode(l)
        }
    }

    /// Whole numbers as integers ("12"), others with two decimals ("0.50", "-0.33").
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), value.magnitude < 1e15 { return String(Int(value)) }
        let cents = Int((value.magnitude * 100).rounded())
        let sign = value < 0 && cents > 0 ? "-" : ""
        let fraction = cents % 100
        return "\(sign)\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// An E-I index: signed with two decimals ("+0.27", "-1.00", "0.00").
    public static func formatIndex(_ value: Double) -> String {
        let text = format(value)
        let padded = text.contains(".") ? text : text + ".00"
        return value > 0 ? "+" + padded : padded
    }

    /// The value as one line of text, numbers as ``format(_:)`` writes them.
    public var text: String {
        switch self {
        case .integer(let i): String(i)
        case .number(let d): EvidenceValue.format(d)
        case .text(let s): s
        case .list(let l): l.joined(separator: ", ")
        }
    }
}

/// The numbers behind a finding, in the order they were recorded; encodes as one JSON object.
public struct Evidence: Sendable, Equatable, Codable, Sequence {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: EvidenceValue
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public subscript(key: String) -> EvidenceValue? {
        entries.first { $0.key == key }?.value
    }

    mutating func add(_ key: String, _ value: Int) { entries.append(Entry(key: key, value: .integer(value))) }
    /// Rounded to 3 decimals so reports and JSON do not show binary noise such as 0.30000000000000004.
    mutating func add(_ key: String, _ value: Double) {
        entries.append(Entry(key: key, value: .number((value * 1000).rounded() / 1000)))
    }
    mutating func add(_ key: String, _ value: String) { entries.append(Entry(key: key, value: .text(value))) }
    mutating func add(_ key: String, _ value: [String]) { entries.append(Entry(key: key, value: .list(value))) }

    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        entries = try c.allKeys.map { Entry(key: $0.stringValue, value: try c.decode(EvidenceValue.self, forKey: $0)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for entry in entries { try c.encode(entry.value, forKey: Key(stringValue: entry.key)) }
    }
}

