/// How urgent a finding is; `high` is the greatest, so `--fail-on medium` means "severity >= medium".
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case high, medium, low, info

    private var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
