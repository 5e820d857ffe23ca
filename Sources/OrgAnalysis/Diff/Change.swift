/// A value in the earlier snapshot and in the later one; nil where it does not exist (no team, not a leader...).
public struct Change<Value: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    public var from: Value?
    public var to: Value?

    public init(from: Value?, to: Value?) {
        self.from = from
        self.to = to
    }

    public var isChange: Bool { from != to }

    enum CodingKeys: String, CodingKey { case from, to }

    /// Absent values are written as null so every change has both keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
    }
}
