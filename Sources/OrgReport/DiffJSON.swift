import OrgAnalysis
import OrgModel

/// The machine-readable diff; its shape is documented in docs/diff.md and only grows.
///
/// `{"from":{snapshot},"to":{snapshot},"people":{"joined","left","moved","retitled"},"opened":[finding...],
/// "resolved":[finding...],"persisting":[finding...],"leaders":[...]}`, findings encoded as in ``JSONReport``.
public enum DiffJSON {
    public static func render(_ comparison: SnapshotComparison) -> String {
        JSONOutput.encode(Document(comparison))
    }

    struct Document: Encodable {
        var from: Snapshot
        var to: Snapshot
        var people: PeopleChanges
        var opened: [Finding]
        var resolved: [Finding]
        var persisting: [Finding]
        var leaders: [LeaderChange]
        /// Only with --since or --until.
        var linkFilter: String?

        init(_ c: SnapshotComparison) {
            from = c.from
            to = c.to
            linkFilter = c.linkFilter
            people = c.diff.people
            opened = c.diff.opened
            resolved = c.diff.resolved
            persisting = c.diff.persisting
            leaders = c.diff.leaders
        }
    }

    /// The report's `since_previous` key: the earlier snapshot, opened and resolved findings, and the leaders
    /// whose tier or reach changed.
    struct SincePrevious: Encodable {
        var from: Snapshot
        var opened: [Finding]
        var resolved: [Finding]
        var leaders: [LeaderChange]

        init(_ c: SnapshotComparison) {
            from = c.from
            opened = c.diff.opened
            resolved = c.diff.resolved
            leaders = c.diff.changedLeaders
        }
    }
}
