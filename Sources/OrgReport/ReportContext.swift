import OrgAnalysis
import OrgModel

/// What a report says about its scope, supplied by the caller since reports never query.
public struct ReportContext: Sendable {
    /// The analysed snapshot; nil for an organization that was never stored (the demo, tests).
    public var snapshot: Snapshot?
    public var peopleCount: Int
    /// Imported link rows used (before summing per pair).
    public var linkCount: Int
    /// "built-in defaults", or the policy file's name.
    public var policyDescription: String
    /// The `--since`/`--until` filter in words ("links dated 2026-01-01 to 2026-03-31"), nil when none.
    public var linkFilter: String?
    /// The analysed snapshot compared with the one before it; nil when there is none (a single import, the demo).
    public var sincePrevious: SnapshotComparison?
    /// True when names, emails and HR ids are pseudonyms (`--anonymize`): the report says so.
    public var anonymized: Bool
    /// True when the pseudonyms are keyed with a secret (`ORGMAP_ANONYMIZE_KEY`): they cannot be recomputed
    /// from HR ids without it.
    public var anonymizationKeyed: Bool
    /// Departments below this size have their figures replaced by a marker; nil when no minimum applies.
    public var minimumGroupSize: MinimumGroupSize?
    /// A Markdown report for a large organization stays readable: at most this many findings of each rule at
    /// each severity are written out (the most serious first), and with more than
    /// ``MarkdownReport/leaderListLimit`` engineering leaders the leaders table keeps the technology and senior
    /// ones. nil writes everything. JSON and CSV always hold everything.
    public var findingsPerRule: Int?

    public init(
        snapshot: Snapshot? = nil, peopleCount: Int, linkCount: Int,
        policyDescription: String = "built-in defaults", linkFilter: String? = nil,
        sincePrevious: SnapshotComparison? = nil, anonymized: Bool = false, anonymizationKeyed: Bool = false,
        minimumGroupSize: MinimumGroupSize? = nil,
        findingsPerRule: Int? = nil
    ) {
        self.snapshot = snapshot
        self.peopleCount = peopleCount
        self.linkCount = linkCount
        self.policyDescription = policyDescription
        self.linkFilter = linkFilter
        self.sincePrevious = sincePrevious
        self.anonymized = anonymized
        self.anonymizationKeyed = anonymizationKeyed
        self.minimumGroupSize = minimumGroupSize
        self.findingsPerRule = findingsPerRule
    }
}
