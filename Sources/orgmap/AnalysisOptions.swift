import ArgumentParser
import OrgAnalysis
import OrgImport
import OrgModel
import OrgReport
import OrgStore

/// The options every command that analyzes a snapshot shares.
struct AnalysisOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The snapshot to analyze (default: the latest).", valueName: "id"))
    var snapshot: Int64?

    @Option(help: ArgumentHelp("A YAML policy file (see `orgmap policy init`); default: the built-in policy.", valueName: "file"))
    var policy: String?

    @Option(help: ArgumentHelp("Only links dated on or after this day, YYYY-MM-DD (undated links are left out).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only links dated on or before this day, YYYY-MM-DD (undated links are left out).", valueName: "date"))
    var until: String?

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, CalendarDate(value) == nil {
                throw ValidationError("\(name) \(value): expected a date as YYYY-MM-DD, such as 2026-09-01")
            }
        }
        if let since, let until, since > until { throw ValidationError("--since \(since) is after --until \(until)") }
    }

    func analyze(_ db: AppDatabase, sincePrevious: Bool = false) throws -> (analysis: Analysis, context: ReportContext) {
        try AnalysisRequest(snapshot: snapshot, policy: policy, since: since, until: until).analyze(db, sincePrevious: sincePrevious)
    }
}

/// What to analyze: a snapshot (nil for the latest), a policy file (nil for the defaults) and a date range.
struct AnalysisRequest {
    var snapshot: Int64?
    var policy: String?
    var since: String?
    var until: String?

    /// Reads the snapshot, its ties and the policy, and runs the analyzer. With `sincePrevious`, the snapshot
    /// before it is analysed the same way (policy and date range) and compared, so a change in the report
    /// reflects the organization rather than the method.
    func analyze(_ db: AppDatabase, sincePrevious: Bool = false) throws -> (analysis: Analysis, context: ReportContext) {
        let policy = try loadPolicy()
        let snapshot = try db.snapshot(id: snapshot)
        let (analysis, linkCount) = try analyze(db, snapshot: snapshot, policy: policy)
        let filter: String? = switch (since, until) {
        case (nil, nil): nil
        case let (s?, nil): "links dated \(s) or later"
        case let (nil, u?): "links dated \(u) or earlier"
        case let (s?, u?): "links dated \(s) to \(u)"
        }
        var context = ReportContext(
            snapshot: snapshot, peopleCount: analysis.organization.people.count, linkCount: linkCount,
            policyDescription: self.policy ?? "built-in defaults", linkFilter: filter)
        if sincePrevious, let previous = try Self.snapshot(before: snapshot, in: db) {
            let earlier = try analyze(db, snapshot: previous, policy: policy).analysis
            context.sincePrevious = SnapshotComparison(from: previous, to: snapshot, diff: SnapshotDiff(from: earlier, to: analysis))
        }
        return (analysis, context)
    }

    func loadPolicy() throws -> Policy { try policy.map(PolicyFile.load) ?? .default }

    /// One snapshot with its own links in the request's date range; also returns how many link rows were used.
    func analyze(_ db: AppDatabase, snapshot: Snapshot, policy: Policy) throws -> (analysis: Analysis, linkCount: Int) {
        let organization = try db.organization(snapshotID: snapshot.id)
        let ties = try db.ties(snapshotID: snapshot.id, since: since, until: until)
        return (Analyzer.analyze(organization: organization, ties: ties, policy: policy), ties.reduce(0) { $0 + $1.count })
    }

    /// The snapshot just before `snapshot` in history order (as_of, then import order); nil for the first.
    static func snapshot(before snapshot: Snapshot, in db: AppDatabase) throws -> Snapshot? {
        let history = try db.snapshots()
        guard let i = history.firstIndex(where: { $0.id == snapshot.id }), i > 0 else { return nil }
        return history[i - 1]
    }
}
