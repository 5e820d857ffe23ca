/// The leadership tier of a person in engineering, lowest first; raw values are the public spelling.
public enum Tier: String, Codable, Sendable, CaseIterable, Comparable {
    case individualContributor = "individual-contributor"
    case engineeringManager = "engineering-manager"
    case seniorEngineeringLeader = "senior-engineering-leader"
    case technologyLeader = "technology-leader"

    /// Leaders are the tiers whose ties can bridge a business department to engineering.
    public var isLeader: Bool { self != .individualContributor }

    /// How the report names the tier in a sentence.
    public var label: String {
        switch self {
        case .individualContributor: "individual contributor"
        case .engineeringManager: "engineering manager"
        case .seniorEngineeringLeader: "senior engineering leader"
        case .technologyLeader: "technology leader"
        }
    }

    private var rank: Int { Tier.allCases.firstIndex(of: self)! }

    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rank < rhs.rank }
}
