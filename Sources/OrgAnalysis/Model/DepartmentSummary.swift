/// One department: its function, size, head and, for a business department, which engineering leaders reach it.
public struct DepartmentSummary: Sendable, Codable, Equatable {
    public var name: String
    /// Written as `function` in JSON (docs/rules.md).
    public var side: DepartmentSide
    /// Why the department is on that side: "name matches 'Data'", "listed in business_departments", ...
    public var sideReason: String
    public var people: Int
    /// A business department technology leaders are expected to reach (large enough, or listed in the policy).
    public var isCore: Bool
    /// The highest person in the department by reporting lines.
    public var head: Subject?
    /// False when no imported tie touches anyone in the department.
    public var hasLinkData: Bool
    /// Engineering leaders with a tie into this business department, strongest first; empty for engineering.
    public var leaders: [LeaderReach]
    /// Weight of all ties between engineering people (individual contributors included) and this business
    /// department; 0 for engineering departments.
    public var engineeringWeight: Double

    enum CodingKeys: String, CodingKey {
        case name, side = "function", sideReason = "functionReason", people, isCore, head, hasLinkData, leaders, engineeringWeight
    }

    /// A missing head is written as null so every department has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(side, forKey: .side)
        try c.encode(sideReason, forKey: .sideReason)
        try c.encode(people, forKey: .people)
        try c.encode(isCore, forKey: .isCore)
        try c.encode(head, forKey: .head)
        try c.encode(hasLinkData, forKey: .hasLinkData)
        try c.encode(leaders, forKey: .leaders)
        try c.encode(engineeringWeight, forKey: .engineeringWeight)
    }
}
