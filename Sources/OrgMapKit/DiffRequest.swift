import OrgAnalysis
import OrgModel
import OrgReport
import OrgStore

/// Two snapshots to compare, analysed the same way.
public struct DiffRequest: Sendable {
    /// The earlier snapshot; nil for the one before ``to``.
    public var from: Int64?
    /// The later snapshot; nil for the latest.
    public var to: Int64?
    /// The policy, date range and privacy both analyses use (its `snapshot` is not used).
    public var analysis: AnalysisRequest

    public init(from: Int64? = nil, to: Int64? = nil, analysis: AnalysisRequest = AnalysisRequest()) {
        self.from = from
        self.to = to
        self.analysis = analysis
    }

    /// Analyzes both snapshots side by side and compares them. Fails when there is no earlier snapshot to
    /// compare with, saying how to make one.
    public func run(_ db: AppDatabase) throws -> SnapshotComparison {
        let policy = try analysis.loadPolicy()
        let later = try db.snapshot(id: to)
        let earlier: Snapshot
        if let from {
            earlier = try db.snapshot(id: from)
        } else if let previous = try db.snapshot(before: later) {
            earlier = previous
        } else {
            throw OrgMapError.invalidArgument(
                "\(db.path) has no snapshot before #\(later.id) (as of \(later.asOf)) to compare it with; a diff needs a second import: orgmap import people FILE --as-of DATE --db \(db.path)")
        }
        let analyses = try analysis.analyze(db, snapshots: [earlier, later], policy: policy)
        let diff = SnapshotDiff(from: analyses[0].analysis, to: analyses[1].analysis)
        return SnapshotComparison(from: earlier, to: later, diff: diff, linkFilter: analysis.linkFilter)
    }
}
