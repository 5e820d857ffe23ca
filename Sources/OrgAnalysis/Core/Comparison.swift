import OrgModel

extension Analyzer {
    /// An analysis of an earlier snapshot, to compare a later one with, summed link by link while the links are
    /// read: no ties are held and none is paired.
    ///
    /// A comparison (``SnapshotDiff``) reads findings, tiers, E-I indexes, departments reached and which leaders
    /// and departments have link data. All of these are sums over links, so the loader hands each link to a
    /// ``LinkTally`` of its reader and ``analysis(_:)`` adds the readers' tallies in their order. The report
    /// with `--since-previous` then costs about one more read of the links, not a second analysis
    /// (docs/benchmarks.md). `orgmap diff` keeps two full analyses.
    ///
    /// What it leaves out:
    /// - brokerage (``LeaderMetrics/brokerage`` is nil), which weighs each pair of contacts once;
    /// - warm paths in recommendations, as a plan's trial analyses leave them out;
    /// - ``Analysis/importedTieCount`` counts links, since pairs are never formed.
    ///
    /// Weights are added link by link rather than pair by pair: a sum can differ from the full analysis's in its
    /// last binary digits (never for whole, half or quarter weights, which add exactly). A figure lying exactly on a
    /// rule's threshold could then fall on the other side of it: with weights such as thirds of an hour, the report
    /// could in rare cases list a finding `orgmap diff` does not.
    public struct Comparison: Sendable {
        let frame: Frame
        private let empty: TieScan

        public init(organization: Organization, policy: Policy = .default) {
            frame = Frame(organization: organization, policy: policy)
            empty = TieScan(leaders: frame.leaderIndices, isEngineering: frame.isEngineering, departments: frame.departments)
        }

        /// A tally with no links yet, for one reader.
        public func tally() -> LinkTally { LinkTally(scan: empty) }

        /// The analysis from the readers' tallies, added in the order given (the same tallies in the same order
        /// give the same analysis), dotted lines then added as the full analysis adds them.
        public func analysis(_ tallies: [LinkTally]) -> Analysis {
            var scan = empty
            scan.finish()
            for tally in tallies {
                var part = tally.scan
                part.finish()
                scan.absorb(part)
            }
            let org = frame.organization
            let edges = EdgeSource(ties: TieTable([]), organization: org, dottedLineWeight: frame.policy.dottedLineWeight)
            edges.forEach { a, b, weight, count, imported in scan.add(a, b, weight: weight, count: count, imported: imported) }
            let links = tallies.reduce(0) { $0 + $1.links }
            return frame.derive(
                scan: scan, edges: edges, importedTieCount: links,
                brokerage: Array(repeating: nil, count: frame.leaderIndices.count), recommendations: false)
        }
    }

    /// One reader's links, added as they are read into a ``Comparison``.
    public struct LinkTally: Sendable {
        var scan: TieScan
        var links = 0

        /// Adds links: `pairs[k]` is `a << 32 | b` for people `a` and `b` (indices into the organization's people,
        /// different, each below its count), `weights[k]` the weight of `counts[k]` links between them summed (one
        /// link each when `counts` is nil).
        public mutating func add(pairs: UnsafeBufferPointer<UInt64>, weights: UnsafeBufferPointer<Double>, counts: UnsafeBufferPointer<UInt32>? = nil) {
            scan.addLinks(pairs: pairs, weights: weights, counts: counts)
            links += counts.map { $0.reduce(0) { $0 + Int($1) } } ?? pairs.count
        }
    }
}
