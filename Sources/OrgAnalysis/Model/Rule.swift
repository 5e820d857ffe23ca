/// The analyzer's rules; raw values are a public interface, like a linter's rule ids (see docs/rules.md).
public enum Rule: String, Codable, Sendable, CaseIterable {
    case techLeaderIsolated = "tech-leader-isolated"
    case missingPartnerDepartment = "missing-partner-department"
    case lowExternalRatio = "low-external-ratio"
    case departmentUnbridged = "department-unbridged"
    case singleBridge = "single-bridge"
    case noTechnologyLeader = "no-technology-leader"
    case boundarySpanner = "boundary-spanner"

    /// Judged from collaboration links: without link data its findings are unknown, neither raised nor resolved.
    /// Only `no-technology-leader` reads the org chart alone.
    public var needsLinkData: Bool { self != .noTechnologyLeader }

    /// A strength to report rather than a gap: its most telling findings are the highest E-I, not the lowest.
    public var isStrength: Bool { self == .boundarySpanner }

    /// Position in the rule table, used to order findings of equal severity.
    var order: Int { Rule.allCases.firstIndex(of: self)! }
}
