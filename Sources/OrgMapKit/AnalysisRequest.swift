import OrgAnalysis
import OrgFastPath
import OrgImport
import OrgModel
import OrgReport
import OrgStore

/// An analysis and what a report says about its scope.
public struct AnalyzedSnapshot: Sendable {
    public var analysis: Analysis
    public var context: ReportContext
}

/// What to analyze: a snapshot (nil for the latest), a policy file (nil for the built-in policy), a date range
/// for the links, and how people are shown.
public struct AnalysisRequest: Sendable {
    public var snapshot: Int64?
    public var policyFile: String?
    /// Only links dated on or after this day (undated links are then left out).
    public var since: CalendarDate?
    /// Only links dated on or before this day (undated links are then left out).
    public var until: CalendarDate?
    public var privacy: Privacy

    public init(snapshot: Int64? = nil, policyFile: String? = nil, since: CalendarDate? = nil, until: CalendarDate? = nil, privacy: Privacy = Privacy()) {
        self.snapshot = snapshot
        self.policyFile = policyFile
        self.since = since
        self.until = until
        self.privacy = privacy
    }

    /// Reads the snapshot, its ties and the policy, and runs the analyzer. With `sincePrevious`, the snapshot
    /// before it is analysed the same way (policy and date range) and compared, so a change in the report
    /// reflects the organization rather than the method.
    public func analyze(_ db: AppDatabase, sincePrevious: Bool = false) throws -> AnalyzedSnapshot {
        let policy = try loadPolicy()
        let snapshot = try db.snapshot(id: self.snapshot)
        let previous = sincePrevious ? try db.snapshot(before: snapshot) : nil
        let results = try analyze(db, snapshots: [snapshot] + (previous.map { [$0] } ?? []), policy: policy)
        let (analysis, linkCount) = results[0]
        var context = ReportContext(
            snapshot: snapshot, peopleCount: analysis.organization.people.count, linkCount: linkCount,
            policyDescription: policyFile ?? "built-in defaults", linkFilter: linkFilter,
            anonymized: privacy.anonymize, anonymizationKeyed: privacy.isKeyed, minimumGroupSize: privacy.minimumGroupSize)
        if let previous {
            context.sincePrevious = SnapshotComparison(from: previous, to: snapshot, diff: SnapshotDiff(from: results[1].analysis, to: analysis))
        }
        return AnalyzedSnapshot(analysis: analysis, context: context)
    }

    /// The date range in words, for the reports; nil when none.
    public var linkFilter: String? {
        switch (since, until) {
        case (nil, nil): nil
        case let (s?, nil): "links dated \(s) or later"
        case let (nil, u?): "links dated \(u) or earlier"
        case let (s?, u?): "links dated \(s) to \(u)"
        }
    }

    func loadPolicy() throws -> Policy { try policyFile.map(PolicyFile.load) ?? .default }

    /// Each snapshot with its own links in the date range, and how many link rows were used. The organizations
    /// are pseudonymized together before the analysis (``Privacy/apply(to:)``), so nothing it writes can name a
    /// real person; with a minimum group size, findings about smaller departments lose their figures. Each
    /// snapshot is analysed on a thread and a connection of its own: a report that compares with the previous
    /// snapshot then takes about as long as one analysis on two cores (docs/benchmarks.md).
    func analyze(_ db: AppDatabase, snapshots: [Snapshot], policy: Policy) throws -> [(analysis: Analysis, linkCount: Int)] {
        // The organizations are read on a connection of their own while the links are (TieLoader reads a large
        // snapshot's links on two more): on two cores the people cost next to nothing.
        let people = try db.anotherConnection()
        let connections = try snapshots.indices.map { $0 == 0 ? db : try db.anotherConnection() }
        let (since, until, privacy) = (self.since, self.until, self.privacy)
        let (organizations, tables) = try Parallel.both(
            { privacy.apply(to: try snapshots.map { try people.organization(snapshotID: $0.id) }) },
            { try Parallel.map(Array(snapshots.indices)) { i in try connections[i].tieTable(snapshotID: snapshots[i].id, since: since, until: until) } })
        let results = try Parallel.map(Array(snapshots.indices)) { i in
            var analysis = Analyzer.analyze(organization: organizations[i], ties: tables[i], policy: policy)
            if let rule = privacy.minimumGroupSize { analysis = analysis.suppressingSmallGroups(rule) }
            return AnalysisResult(analysis: analysis, linkCount: tables[i].linkCount)
        }
        return results.map { ($0.analysis, $0.linkCount) }
    }
}

/// One snapshot's analysis and the link rows it used, as it comes back from its thread.
private struct AnalysisResult: Sendable {
    var analysis: Analysis
    var linkCount: Int
}
