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
    /// reflects the organization rather than the method. That analysis is a comparison analysis
    /// (``Analyzer/Comparison``), summed while its links are read: what the comparison reads, at about the cost of
    /// one more read of the links.
    public func analyze(_ db: AppDatabase, sincePrevious: Bool = false) throws -> AnalyzedSnapshot {
        let policy = try loadPolicy()
        let snapshot = try db.snapshot(id: self.snapshot)
        let previous = sincePrevious ? try db.snapshot(before: snapshot) : nil
        let (analysis, linkCount, earlier) = try analyze(db, snapshot: snapshot, comparingWith: previous, policy: policy)
        var context = ReportContext(
            snapshot: snapshot, peopleCount: analysis.organization.people.count, linkCount: linkCount,
            policyDescription: policyFile ?? "built-in defaults", linkFilter: linkFilter,
            anonymized: privacy.anonymize, anonymizationKeyed: privacy.isKeyed, minimumGroupSize: privacy.minimumGroupSize)
        if let previous, let earlier {
            context.sincePrevious = SnapshotComparison(from: previous, to: snapshot, diff: SnapshotDiff(from: earlier, to: analysis))
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
    /// snapshot is analysed on a thread and a connection of its own: `orgmap diff` takes about as long as one
    /// analysis on two cores (docs/benchmarks.md).
    func analyze(_ db: AppDatabase, snapshots: [Snapshot], policy: Policy) throws -> [(analysis: Analysis, linkCount: Int)] {
        // The organizations are read on a connection of their own while the links are (TieLoader reads a large
        // snapshot's links on two more): on two cores the people cost next to nothing.
        let people = try db.anotherConnection()
        let connections = try snapshots.indices.map { $0 == 0 ? db : try db.anotherConnection() }
        let (since, until) = (self.since, self.until)
        let (organizations, tables) = try Parallel.both(
            { try readOrganizations(people, snapshots) },
            { try Parallel.map(Array(snapshots.indices)) { i in try connections[i].tieTable(snapshotID: snapshots[i].id, since: since, until: until) } })
        let results = try Parallel.map(Array(snapshots.indices)) { i in
            AnalysisResult(analysis: suppressed(Analyzer.analyze(organization: organizations[i], ties: tables[i], policy: policy)), linkCount: tables[i].linkCount)
        }
        return results.map { ($0.analysis, $0.linkCount) }
    }

    /// One snapshot analysed in full and, when given, an earlier one analysed for comparing with it
    /// (``Analyzer/Comparison``). Both organizations are read (and pseudonymized together) on a connection of their
    /// own while the later snapshot's ties are read; then the earlier snapshot's links are summed while the later
    /// snapshot is analysed.
    func analyze(_ db: AppDatabase, snapshot: Snapshot, comparingWith previous: Snapshot?, policy: Policy) throws -> (Analysis, linkCount: Int, earlier: Analysis?) {
        let people = try db.anotherConnection()
        let (since, until) = (self.since, self.until)
        if let previous, !privacy.anonymize {
            // Without pseudonyms (which are made for both org charts together) each org chart stands alone: the
            // later snapshot's analysis starts once its own org chart and ties are read, while the earlier org
            // chart is read and its links summed on the other side.
            let earlierPeople = try db.anotherConnection()
            let (later, earlier) = try Parallel.both(
                {
                    let (organization, table) = try Parallel.both(
                        { try people.organization(snapshotID: snapshot.id) },
                        { try db.tieTable(snapshotID: snapshot.id, since: since, until: until) })
                    return AnalysisResult(analysis: suppressed(Analyzer.analyze(organization: organization, ties: table, policy: policy)), linkCount: table.linkCount)
                },
                { try comparisonAnalysis(earlierPeople, previous, organization: try earlierPeople.organization(snapshotID: previous.id), policy: policy) })
            return (later.analysis, later.linkCount, earlier)
        }
        let snapshots = [snapshot] + (previous.map { [$0] } ?? [])
        let (organizations, table) = try Parallel.both(
            { try readOrganizations(people, snapshots) },
            { try db.tieTable(snapshotID: snapshot.id, since: since, until: until) })
        let (analysis, earlier) = try Parallel.both(
            { suppressed(Analyzer.analyze(organization: organizations[0], ties: table, policy: policy)) },
            { try previous.map { try comparisonAnalysis(people, $0, organization: organizations[1], policy: policy) } })
        return (analysis, table.linkCount, earlier)
    }

    /// The earlier snapshot's comparison analysis (``Analyzer/Comparison``), its links summed as they are read.
    private func comparisonAnalysis(_ db: AppDatabase, _ snapshot: Snapshot, organization: Organization, policy: Policy) throws -> Analysis {
        let comparison = Analyzer.Comparison(organization: organization, policy: policy)
        let (tallies, _) = try TieLoader.fold(
            db, snapshotID: snapshot.id, since: since, until: until,
            start: { comparison.tally() }, add: { tally, pairs, weights, counts in tally.add(pairs: pairs, weights: weights, counts: counts) })
        return suppressed(comparison.analysis(tallies))
    }

    /// The snapshots' organizations, pseudonymized together when asked.
    private func readOrganizations(_ db: AppDatabase, _ snapshots: [Snapshot]) throws -> [Organization] {
        privacy.apply(to: try snapshots.map { try db.organization(snapshotID: $0.id) })
    }

    /// The analysis with findings about departments below the minimum group size losing their figures, when one is set.
    private func suppressed(_ analysis: Analysis) -> Analysis {
        privacy.minimumGroupSize.map { analysis.suppressingSmallGroups($0) } ?? analysis
    }
}

/// One snapshot's analysis and the link rows it used, as it comes back from its thread.
private struct AnalysisResult: Sendable {
    var analysis: Analysis
    var linkCount: Int
}
