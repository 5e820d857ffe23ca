import OrgAnalysis
import OrgFastPath
import OrgModel
import OrgReport
import OrgStore

/// `orgmap plan`: the snapshot's analysis turned into the introductions that close the most findings.
public struct PlanRequest: Sendable {
    public var analysis: AnalysisRequest
    public var options: PlanOptions

    public init(analysis: AnalysisRequest = AnalysisRequest(), options: PlanOptions = PlanOptions()) {
        self.analysis = analysis
        self.options = options
    }

    /// A plan and what its report says about its scope.
    public struct Planned: Sendable {
        public var plan: Plan
        public var context: ReportContext
    }

    /// Reads the snapshot, its ties (in the date range) and the policy, as `report` does, and plans. With
    /// `--anonymize` the organization is pseudonymized first, so the plan names no one.
    public func run(_ db: AppDatabase) throws -> Planned {
        let policy = try analysis.loadPolicy()
        let snapshot = try db.snapshot(id: analysis.snapshot)
        let organization = analysis.privacy.apply(to: [try db.organization(snapshotID: snapshot.id)])[0]
        if let leader = options.leader, organization.index(ofKey: leader) == nil {
            throw OrgMapError.invalidArgument("--leader \(leader): nobody in snapshot \(snapshot.id) has that id\(analysis.privacy.anonymize ? " (with --anonymize, give the pseudonymous id the report shows)" : "")")
        }
        let ties = try db.tieTable(snapshotID: snapshot.id, since: analysis.since, until: analysis.until)
        let plan = Planner.plan(organization: organization, ties: ties, policy: policy, options: options)
        let context = ReportContext(
            snapshot: snapshot, peopleCount: organization.people.count, linkCount: ties.linkCount,
            policyDescription: analysis.policyFile ?? "built-in defaults", linkFilter: analysis.linkFilter,
            anonymized: analysis.privacy.anonymize, anonymizationKeyed: analysis.privacy.isKeyed, minimumGroupSize: nil)
        return Planned(plan: plan, context: context)
    }
}

/// The formats of `orgmap plan`.
public enum PlanFormat: String, Sendable, CaseIterable {
    case markdown, json, csv, html

    public func render(_ planned: PlanRequest.Planned) -> String {
        switch self {
        case .html: PlanHTML.render(planned.plan, context: planned.context)
        case .markdown: PlanReport.markdown(planned.plan, context: planned.context)
        case .json: PlanReport.json(planned.plan, context: planned.context)
        case .csv: PlanReport.csv(planned.plan)
        }
    }
}
