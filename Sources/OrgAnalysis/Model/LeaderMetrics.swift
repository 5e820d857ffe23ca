/// The collaboration of one engineering leader (engineering manager and above), measured on the
/// engineering/business boundary.
public struct LeaderMetrics: Sendable, Codable, Equatable {
    public var person: Subject
    /// Index into ``Analysis/organization``'s people; not encoded, since it means nothing outside this run.
    public var personIndex: Int
    public var title: String?
    public var department: String
    public var tier: Tier
    public var tierReason: String
    /// False when no imported tie touches the leader (dotted lines alone do not count): see ``Analysis/unknown``.
    public var hasLinkData: Bool
    /// Ties to engineering people in the leader's own department.
    public var ownDepartment: TieTally
    /// Ties to engineering people in other departments.
    public var otherEngineering: TieTally
    /// Ties to people outside engineering.
    public var businessFacing: TieTally
    /// Krackhardt–Stern (E − I) / (E + I) on weights, E business-facing, I inside engineering; nil when both are 0.
    public var eiIndex: Double?
    /// The same index on tie counts, for readers who distrust weights.
    public var eiIndexByCount: Double?
    /// Business departments the leader has a tie into, strongest first.
    public var businessDepartmentsReached: [DepartmentWeight]
    /// How many core business departments the tier is expected to reach.
    public var expectedDepartmentCount: Int
    /// The departments expected by name (technology leaders: every core business department but their own);
    /// empty when the tier expects a number of departments rather than particular ones.
    public var expectedDepartments: [String]
    /// Expected departments the leader has no tie into; for a senior leader short of the expected number,
    /// the unreached core departments their own department works with most.
    public var missingDepartments: [String]
    /// Share of the expectation met, 0...1; nil when nothing is expected.
    public var coverage: Double?
    /// Burt's constraint and effective size on the imported ties; nil without any.
    public var brokerage: Brokerage?

    enum CodingKeys: String, CodingKey {
        case person, title, department, tier, tierReason, hasLinkData, ownDepartment, otherEngineering
        case businessFacing, eiIndex, eiIndexByCount, businessDepartmentsReached, expectedDepartmentCount
        case expectedDepartments, missingDepartments, coverage, brokerage
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        person = try c.decode(Subject.self, forKey: .person)
        personIndex = -1
        title = try c.decodeIfPresent(String.self, forKey: .title)
        department = try c.decode(String.self, forKey: .department)
        tier = try c.decode(Tier.self, forKey: .tier)
        tierReason = try c.decode(String.self, forKey: .tierReason)
        hasLinkData = try c.decode(Bool.self, forKey: .hasLinkData)
        ownDepartment = try c.decode(TieTally.self, forKey: .ownDepartment)
        otherEngineering = try c.decode(TieTally.self, forKey: .otherEngineering)
        businessFacing = try c.decode(TieTally.self, forKey: .businessFacing)
        eiIndex = try c.decodeIfPresent(Double.self, forKey: .eiIndex)
        eiIndexByCount = try c.decodeIfPresent(Double.self, forKey: .eiIndexByCount)
        businessDepartmentsReached = try c.decode([DepartmentWeight].self, forKey: .businessDepartmentsReached)
        expectedDepartmentCount = try c.decode(Int.self, forKey: .expectedDepartmentCount)
        expectedDepartments = try c.decode([String].self, forKey: .expectedDepartments)
        missingDepartments = try c.decode([String].self, forKey: .missingDepartments)
        coverage = try c.decodeIfPresent(Double.self, forKey: .coverage)
        brokerage = try c.decodeIfPresent(Brokerage.self, forKey: .brokerage)
    }

    /// Absent values are written as null so every leader has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(person, forKey: .person)
        try c.encode(title, forKey: .title)
        try c.encode(department, forKey: .department)
        try c.encode(tier, forKey: .tier)
        try c.encode(tierReason, forKey: .tierReason)
        try c.encode(hasLinkData, forKey: .hasLinkData)
        try c.encode(ownDepartment, forKey: .ownDepartment)
        try c.encode(otherEngineering, forKey: .otherEngineering)
        try c.encode(businessFacing, forKey: .businessFacing)
        try c.encode(eiIndex, forKey: .eiIndex)
        try c.encode(eiIndexByCount, forKey: .eiIndexByCount)
        try c.encode(businessDepartmentsReached, forKey: .businessDepartmentsReached)
        try c.encode(expectedDepartmentCount, forKey: .expectedDepartmentCount)
        try c.encode(expectedDepartments, forKey: .expectedDepartments)
        try c.encode(missingDepartments, forKey: .missingDepartments)
        try c.encode(coverage, forKey: .coverage)
        try c.encode(brokerage, forKey: .brokerage)
    }

    init(
        person: Subject, personIndex: Int, title: String?, department: String, tier: Tier, tierReason: String,
        hasLinkData: Bool, ownDepartment: TieTally, otherEngineering: TieTally, businessFacing: TieTally,
        businessDepartmentsReached: [DepartmentWeight], expectedDepartmentCount: Int,
        expectedDepartments: [String], missingDepartments: [String], coverage: Double?, brokerage: Brokerage? = nil
    ) {
        self.brokerage = brokerage
        self.person = person
        self.personIndex = personIndex
        self.title = title
        self.department = department
        self.tier = tier
        self.tierReason = tierReason
        self.hasLinkData = hasLinkData
        self.ownDepartment = ownDepartment
        self.otherEngineering = otherEngineering
        self.businessFacing = businessFacing
        let inside = TieTally(
            count: ownDepartment.count + otherEngineering.count,
            weight: ownDepartment.weight + otherEngineering.weight)
        eiIndex = LeaderMetrics.ei(external: businessFacing.weight, inside: inside.weight)
        eiIndexByCount = LeaderMetrics.ei(external: Double(businessFacing.count), inside: Double(inside.count))
        self.businessDepartmentsReached = businessDepartmentsReached
        self.expectedDepartmentCount = expectedDepartmentCount
        self.expectedDepartments = expectedDepartments
        self.missingDepartments = missingDepartments
        self.coverage = coverage
    }

    /// (E − I) / (E + I); nil when there is nothing to divide.
    public static func ei(external: Double, inside: Double) -> Double? {
        let total = external + inside
        return total > 0 ? (external - inside) / total : nil
    }
}
