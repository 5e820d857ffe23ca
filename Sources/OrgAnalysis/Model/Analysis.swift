import OrgModel

/// Everything the analyzer concluded about one organization: the input for every report.
public struct Analysis: Sendable {
    public let organization: Organization
    public let policy: Policy
    /// Per person index; nil for people outside engineering.
    public let classifications: [PersonClassification?]
    /// Engineering departments first, then business; each by size (largest first), then name.
    public let departments: [DepartmentSummary]
    /// Engineering managers and above: highest tier first, then name.
    public let leaders: [LeaderMetrics]
    /// In report order: ``Finding/reportOrder(_:_:)``.
    public let findings: [Finding]
    /// Leaders and core business departments without link data: not judged.
    public let unknown: [UnknownSubject]
    /// Totals between departments, heaviest first.
    public let departmentLinks: [DepartmentLink]
    /// How many imported ties the analysis used (dotted lines excluded); in a comparison analysis
    /// (``Analyzer/Comparison``), how many links, which it does not pair.
    public let importedTieCount: Int
    /// How many ties dotted-line managers added.
    public let dottedLineTieCount: Int

    /// False when no collaboration links were imported: every leader is unknown and no link rule ran.
    public var hasLinkData: Bool { importedTieCount > 0 }

    /// How many people are in engineering.
    public var engineeringPeopleCount: Int { classifications.lazy.filter { $0 != nil }.count }

    /// Findings of each severity, highest severity first; severities with none are included with 0.
    public var findingCounts: [(severity: Severity, count: Int)] {
        Severity.allCases.map { s in (s, findings.lazy.filter { $0.severity == s }.count) }
    }

    /// The highest severity reached, nil when there are no findings.
    public var highestSeverity: Severity? { findings.map(\.severity).max() }
}
