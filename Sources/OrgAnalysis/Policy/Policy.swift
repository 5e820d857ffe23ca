/// Every default and threshold the analyzer uses; a policy file overrides any subset of them.
///
/// Keys are snake_case so a YAML or JSON policy file reads naturally. Missing keys keep their default,
/// so a file that sets one threshold is a valid policy.
public struct Policy: Codable, Sendable, Equatable {
    /// Department names matching one of these whole-word phrases are engineering (see ``PhraseMatcher``).
    public var engineeringDepartmentPatterns: [String]
    /// Department names matching one of these are business even when an engineering pattern matches too.
    public var businessDepartmentPatterns: [String]
    /// Exact department names (case-insensitive) that are engineering whatever the patterns say.
    public var engineeringDepartments: [String]
    /// Exact department names (case-insensitive) that are business whatever the patterns say; wins over all else.
    public var businessDepartments: [String]

    /// Titles of the top of engineering. A match also places the person in engineering whatever their department.
    public var technologyLeaderTitlePatterns: [String]
    /// Whether someone with a technology-leader title who reports to another (a VP of Engineering under the CTO)
    /// is a technology leader too; by default they are a senior engineering leader, the CTO the only one.
    public var technologyLeaderBelowAnother: Bool
    /// Titles of leaders of managers.
    public var seniorLeaderTitlePatterns: [String]
    /// Titles of team managers; they only name the reason, since having reports is what makes a manager.
    public var managerTitlePatterns: [String]

    /// A business department with at least this many people is core: technology leaders are expected to reach it.
    public var minimumDepartmentSize: Int
    /// When set, exactly these business departments are core, whatever their size.
    public var coreBusinessDepartments: [String]?
    /// How many core business departments a senior engineering leader is expected to reach.
    public var seniorLeaderMinimumBusinessDepartments: Int

    /// `low-external-ratio` fires when a technology leader's E-I index is below this.
    public var technologyLeaderMinimumEI: Double
    /// `low-external-ratio` fires when a senior engineering leader's E-I index is below this.
    public var seniorLeaderMinimumEI: Double
    /// An engineering manager who reaches at least this many business departments ...
    public var boundarySpannerMinimumBusinessDepartments: Int
    /// ... with at least this share of their link weight business-facing is reported as a `boundary-spanner` ...
    public var boundarySpannerMinimumShare: Double
    /// ... as is one at or above this E-I index (the rule's earlier form, kept as an alternative).
    public var boundarySpannerMinimumEI: Double

    /// The weight of the tie a dotted-line reporting relationship adds.
    public var dottedLineWeight: Double

    /// The weight `orgmap plan` assumes an introduction's new tie has: 6, a meeting a fortnight over a quarter
    /// (calendars weigh a two-person meeting 1).
    public var planAssumedWeight: Double

    public static let `default` = Policy()

    public init(
        engineeringDepartmentPatterns: [String] = Policy.defaultEngineeringDepartmentPatterns,
        businessDepartmentPatterns: [String] = Policy.defaultBusinessDepartmentPatterns,
        engineeringDepartments: [String] = [],
        businessDepartments: [String] = [],
        technologyLeaderTitlePatterns: [String] = Policy.defaultTechnologyLeaderTitlePatterns,
        technologyLeaderBelowAnother: Bool = false,
        seniorLeaderTitlePatterns: [String] = Policy.defaultSeniorLeaderTitlePatterns,
        managerTitlePatterns: [String] = Policy.defaultManagerTitlePatterns,
        minimumDepartmentSize: Int = 3,
        coreBusinessDepartments: [String]? = nil,
        seniorLeaderMinimumBusinessDepartments: Int = 2,
        technologyLeaderMinimumEI: Double = -0.2,
        seniorLeaderMinimumEI: Double = -0.5,
        boundarySpannerMinimumEI: Double = 0,
        boundarySpannerMinimumBusinessDepartments: Int = 3,
        boundarySpannerMinimumShare: Double = 0.25,
        dottedLineWeight: Double = 1,
        planAssumedWeight: Double = 6
    ) {
        self.planAssumedWeight = planAssumedWeight
        self.engineeringDepartmentPatterns = engineeringDepartmentPatterns
        self.businessDepartmentPatterns = businessDepartmentPatterns
        self.engineeringDepartments = engineeringDepartments
        self.businessDepartments = businessDepartments
        self.technologyLeaderTitlePatterns = technologyLeaderTitlePatterns
        self.technologyLeaderBelowAnother = technologyLeaderBelowAnother
        self.seniorLeaderTitlePatterns = seniorLeaderTitlePatterns
        self.managerTitlePatterns = managerTitlePatterns
        self.minimumDepartmentSize = minimumDepartmentSize
        self.coreBusinessDepartments = coreBusinessDepartments
        self.seniorLeaderMinimumBusinessDepartments = seniorLeaderMinimumBusinessDepartments
        self.technologyLeaderMinimumEI = technologyLeaderMinimumEI
        self.seniorLeaderMinimumEI = seniorLeaderMinimumEI
        self.boundarySpannerMinimumEI = boundarySpannerMinimumEI
        self.boundarySpannerMinimumBusinessDepartments = boundarySpannerMinimumBusinessDepartments
        self.boundarySpannerMinimumShare = boundarySpannerMinimumShare
        self.dottedLineWeight = dottedLineWeight
    }

    enum CodingKeys: String, CodingKey {
        case engineeringDepartmentPatterns = "engineering_department_patterns"
        case businessDepartmentPatterns = "business_department_patterns"
        case engineeringDepartments = "engineering_departments"
        case businessDepartments = "business_departments"
        case technologyLeaderTitlePatterns = "technology_leader_title_patterns"
        case technologyLeaderBelowAnother = "technology_leader_below_another"
        case seniorLeaderTitlePatterns = "senior_leader_title_patterns"
        case managerTitlePatterns = "manager_title_patterns"
        case minimumDepartmentSize = "minimum_department_size"
        case coreBusinessDepartments = "core_business_departments"
        case seniorLeaderMinimumBusinessDepartments = "senior_leader_minimum_business_departments"
        case technologyLeaderMinimumEI = "technology_leader_minimum_ei"
        case seniorLeaderMinimumEI = "senior_leader_minimum_ei"
        case boundarySpannerMinimumEI = "boundary_spanner_minimum_ei"
        case boundarySpannerMinimumBusinessDepartments = "boundary_spanner_minimum_business_departments"
        case boundarySpannerMinimumShare = "boundary_spanner_minimum_share"
        case dottedLineWeight = "dotted_line_weight"
        case planAssumedWeight = "plan_assumed_weight"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Policy.default
        engineeringDepartmentPatterns = try c.decodeIfPresent([String].self, forKey: .engineeringDepartmentPatterns) ?? d.engineeringDepartmentPatterns
        businessDepartmentPatterns = try c.decodeIfPresent([String].self, forKey: .businessDepartmentPatterns) ?? d.businessDepartmentPatterns
        engineeringDepartments = try c.decodeIfPresent([String].self, forKey: .engineeringDepartments) ?? d.engineeringDepartments
        businessDepartments = try c.decodeIfPresent([String].self, forKey: .businessDepartments) ?? d.businessDepartments
        technologyLeaderTitlePatterns = try c.decodeIfPresent([String].self, forKey: .technologyLeaderTitlePatterns) ?? d.technologyLeaderTitlePatterns
        technologyLeaderBelowAnother = try c.decodeIfPresent(Bool.self, forKey: .technologyLeaderBelowAnother) ?? d.technologyLeaderBelowAnother
        seniorLeaderTitlePatterns = try c.decodeIfPresent([String].self, forKey: .seniorLeaderTitlePatterns) ?? d.seniorLeaderTitlePatterns
        managerTitlePatterns = try c.decodeIfPresent([String].self, forKey: .managerTitlePatterns) ?? d.managerTitlePatterns
        minimumDepartmentSize = try c.decodeIfPresent(Int.self, forKey: .minimumDepartmentSize) ?? d.minimumDepartmentSize
        coreBusinessDepartments = try c.decodeIfPresent([String].self, forKey: .coreBusinessDepartments) ?? d.coreBusinessDepartments
        seniorLeaderMinimumBusinessDepartments = try c.decodeIfPresent(Int.self, forKey: .seniorLeaderMinimumBusinessDepartments) ?? d.seniorLeaderMinimumBusinessDepartments
        technologyLeaderMinimumEI = try c.decodeIfPresent(Double.self, forKey: .technologyLeaderMinimumEI) ?? d.technologyLeaderMinimumEI
        seniorLeaderMinimumEI = try c.decodeIfPresent(Double.self, forKey: .seniorLeaderMinimumEI) ?? d.seniorLeaderMinimumEI
        boundarySpannerMinimumEI = try c.decodeIfPresent(Double.self, forKey: .boundarySpannerMinimumEI) ?? d.boundarySpannerMinimumEI
        boundarySpannerMinimumBusinessDepartments = try c.decodeIfPresent(Int.self, forKey: .boundarySpannerMinimumBusinessDepartments) ?? d.boundarySpannerMinimumBusinessDepartments
        boundarySpannerMinimumShare = try c.decodeIfPresent(Double.self, forKey: .boundarySpannerMinimumShare) ?? d.boundarySpannerMinimumShare
        dottedLineWeight = try c.decodeIfPresent(Double.self, forKey: .dottedLineWeight) ?? d.dottedLineWeight
        planAssumedWeight = try c.decodeIfPresent(Double.self, forKey: .planAssumedWeight) ?? d.planAssumedWeight
    }

    /// The E-I threshold `low-external-ratio` applies to a tier; nil when the tier is not checked.
    public func minimumEI(for tier: Tier) -> Double? {
        switch tier {
        case .technologyLeader: technologyLeaderMinimumEI
        case .seniorEngineeringLeader: seniorLeaderMinimumEI
        case .engineeringManager, .individualContributor: nil
        }
    }
}
