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
        /// False when a side has no links: link-based findings are then in `unknown`, not opened or resolved.
        var comparable: Bool
        var notComparableBecause: String?
        var opened: [Finding]
        var resolved: [Finding]
        var persisting: [Finding]
        var unknown: [Finding]
        var leaders: [LeaderChange]
        /// Only with --since or --until.
        var linkFilter: String?

        init(_ c: SnapshotComparison) {
            from = c.from
            to = c.to
            linkFilter = c.linkFilter
            people = c.diff.people
            comparable = c.diff.linkData == .both
            notComparableBecause = c.diff.linkData.reason
            opened = c.diff.opened
            resolved = c.diff.resolved
            persisting = c.diff.persisting
            unknown = c.diff.unknown
            leaders = c.diff.leaders
        }

        enum CodingKeys: String, CodingKey {
            case from, to, people, comparable, notComparableBecause, opened, resolved, persisting, unknown, leaders, linkFilter
        }

        /// `not_comparable_because` is null when comparable, so every diff has the same keys (but `link_filter`).
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(people, forKey: .people)
            try c.encode(comparable, forKey: .comparable)
            try c.encode(notComparableBecause, forKey: .notComparableBecause)
            try c.encode(opened, forKey: .opened)
            try c.encode(resolved, forKey: .resolved)
            try c.encode(persisting, forKey: .persisting)
            try c.encode(unknown, forKey: .unknown)
            try c.encode(leaders, forKey: .leaders)
            try c.encodeIfPresent(linkFilter, forKey: .linkFilter)
        }
    }

    /// The report's `since_previous` key: the earlier snapshot, opened and resolved findings, and the leaders
    /// whose tier or reach changed.
    struct SincePrevious: Encodable {
        var from: Snapshot
        var comparable: Bool
        var notComparableBecause: String?
        var opened: [Finding]
        var resolved: [Finding]
        var unknown: [Finding]
        var leaders: [LeaderChange]

        init(_ c: SnapshotComparison) {
            from = c.from
            comparable = c.diff.linkData == .both
            notComparableBecause = c.diff.linkData.reason
            opened = c.diff.opened
            resolved = c.diff.resolved
            unknown = c.diff.unknown
            leaders = c.diff.changedLeaders
        }

        enum CodingKeys: String, CodingKey { case from, comparable, notComparableBecause, opened, resolved, unknown, leaders }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from, forKey: .from)
            try c.encode(comparable, forKey: .comparable)
            try c.encode(notComparableBecause, forKey: .notComparableBecause)
            try c.encode(opened, forKey: .opened)
            try c.encode(resolved, forKey: .resolved)
            try c.encode(unknown, forKey: .unknown)
            try c.encode(leaders, forKey: .leaders)
        }
    }
}
