/// How many ties and how much weight, for one side of the engineering/business boundary.
public struct TieTally: Sendable, Codable, Equatable {
    public var count: Int
    public var weight: Double

    public init(count: Int = 0, weight: Double = 0) {
        self.count = count
        self.weight = weight
    }

    mutating func add(weight: Double, count: Int) {
        self.weight += weight
        self.count += count
    }

    mutating func add(_ other: TieTally) {
        add(weight: other.weight, count: other.count)
    }
}

/// A person's tier and why; only people in engineering have one.
public struct PersonClassification: Sendable, Equatable {
    public var tier: Tier
    /// Human-readable: "title matches 'VP Engineering'", "manages 3 managers", ...
    public var reason: String
}

/// The ties one leader has into one business department.
public struct DepartmentWeight: Sendable, Codable, Equatable {
    public var department: String
    public var weight: Double
    public var count: Int
}

/// The ties of one engineering leader into one business department.
public struct LeaderReach: Sendable, Codable, Equatable {
    public var leader: Subject
    public var tier: Tier
    public var weight: Double
    public var count: Int
}

/// The total of all ties between two different departments; `a` sorts before `b`.
public struct DepartmentLink: Sendable, Codable, Equatable {
    public var a: String
    public var b: String
    public var weight: Double
    public var count: Int
}

/// A leader or a business department the link data says nothing about: not judged, and not flagged isolated.
public struct UnknownSubject: Sendable, Codable, Equatable {
    public var subject: Subject
    /// The person's tier; nil for a department.
    public var tier: Tier?
    public var reason: String

    enum CodingKeys: String, CodingKey { case subject, tier, reason }

    /// A department's tier is written as null so every entry has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(subject, forKey: .subject)
        try c.encode(tier, forKey: .tier)
        try c.encode(reason, forKey: .reason)
    }
}
