import OrgAnalysis
import OrgModel

/// Two stored snapshots and what changed between them: the input of the diff reports and of the report's
/// "Since the previous snapshot" section.
public struct SnapshotComparison: Sendable {
    /// The earlier snapshot.
    public var from: Snapshot
    /// The later snapshot.
    public var to: Snapshot
    public var diff: SnapshotDiff
    /// The `--since`/`--until` filter in words ("links dated 2026-01-01 to 2026-03-31"), nil when none.
    public var linkFilter: String?

    public init(from: Snapshot, to: Snapshot, diff: SnapshotDiff, linkFilter: String? = nil) {
        self.from = from
        self.to = to
        self.diff = diff
        self.linkFilter = linkFilter
    }
}
