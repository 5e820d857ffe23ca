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

    func analyze(_ db: AppDatabase) throws -> (analysis: Analysis, context: ReportContext) {
        try AnalysisRequest(snapshot: snapshot, policy: policy, since: since, until: until).analyze(db)
    }
}

/// What to analyze: a snapshot (nil for the latest), a policy file (nil for the defaults) and a date range.
struct AnalysisRequest {
    var snapshot: Int64?
    var policy: String?
    var since: String?
    var until: String?

    /// Reads the snapshot, its ties and the policy, and runs the analyzer.
    func analyze(_ db: AppDatabase) throws -> (analysis: Analysis, context: ReportContext) {
        let policy = try self.policy.map(PolicyFile.load) ?? .default
        let snapshot = try db.snapshot(id: snapshot)
        let organization = try db.organization(snapshotID: snapshot.id)
        let ties = try db.ties(snapshotID: snapshot.id, since: since, until: until)
        let filter: String? = switch (since, until) {
        case (nil, nil): nil
        case let (s?, nil): "links dated \(s) or later"
        case let (nil, u?): "links dated \(u) or earlier"
        case let (s?, u?): "links dated \(s) to \(u)"
        }
        let context = ReportContext(
            snapshot: snapshot, peopleCount: organization.people.count, linkCount: ties.reduce(0) { $0 + $1.count },
            policyDescription: self.policy ?? "built-in defaults", linkFilter: filter)
        return (Analyzer.analyze(organization: organization, ties: ties, policy: policy), context)
    }
}
