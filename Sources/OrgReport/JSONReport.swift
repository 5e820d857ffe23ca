import OrgAnalysis
import OrgModel

/// The machine-readable report; its shape is documented in docs/rules.md and only grows.
///
/// `{"snapshot":{...},"summary":{...},"findings":[...],"leaders":[...],"departments":[...],"unknown":[...]}`,
/// keys sorted and snake_case; absent values are null rather than missing. `since_previous` is the one key
/// written only when it applies (an earlier snapshot exists), so single-snapshot output keeps its original shape.
public enum JSONReport {
    public static func render(_ analysis: Analysis, context: ReportContext) -> String {
        let document = Document(analysis: analysis, context: context)
        // The same text as encoding the document whole, its long arrays a batch of elements at a time.
        var members: [(key: String, member: JSONOutput.Member)] = [
            ("snapshot", .value(document.snapshot)), ("summary", .value(document.summary)),
            ("findings", .elements(document.findings)), ("leaders", .elements(document.leaders)),
            ("departments", .elements(document.departments)), ("unknown", .elements(document.unknown)),
        ]
        if let since = document.sincePrevious { members.append(("since_previous", .value(since))) }
        return JSONOutput.object(members)
    }

    struct Document: Encodable {
        var snapshot: Scope
        var summary: [String: Int]
        var findings: [Finding]
        var leaders: [LeaderMetrics]
        var departments: [DepartmentEntry]
        var unknown: [UnknownSubject]
        var sincePrevious: DiffJSON.SincePrevious?

        init(analysis: Analysis, context: ReportContext) {
            snapshot = Scope(context: context, analysis: analysis)
            summary = Dictionary(uniqueKeysWithValues: analysis.findingCounts.map { ($0.severity.rawValue, $0.count) })
            findings = analysis.findings
            leaders = analysis.leaders
            departments = DepartmentEntry.entries(analysis, context.minimumGroupSize)
            unknown = analysis.unknown
            sincePrevious = context.sincePrevious.map(DiffJSON.SincePrevious.init)
        }
    }

    struct Scope: Encodable {
        var id: Int64?
        var asOf: CalendarDate?
        var importedAt: String?
        var sourceFile: String?
        var people: Int
        var engineeringPeople: Int
        var links: Int
        var tiePairs: Int
        var dottedLines: Int
        var hasLinkData: Bool
        var policy: String
        var linkFilter: String?

        init(context: ReportContext, analysis: Analysis) {
            id = context.snapshot?.id
            asOf = context.snapshot?.asOf
            importedAt = context.snapshot?.importedAt
            sourceFile = context.snapshot?.sourceFile
            people = context.peopleCount
            engineeringPeople = analysis.engineeringPeopleCount
            links = context.linkCount
            tiePairs = analysis.importedTieCount
            dottedLines = analysis.dottedLineTieCount
            hasLinkData = analysis.hasLinkData
            policy = context.policyDescription
            linkFilter = context.linkFilter
        }

        enum CodingKeys: String, CodingKey {
            case id, asOf, importedAt, sourceFile, people, engineeringPeople, links, tiePairs, dottedLines
            case hasLinkData, policy, linkFilter
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(asOf, forKey: .asOf)
            try c.encode(importedAt, forKey: .importedAt)
            try c.encode(sourceFile, forKey: .sourceFile)
            try c.encode(people, forKey: .people)
            try c.encode(engineeringPeople, forKey: .engineeringPeople)
            try c.encode(links, forKey: .links)
            try c.encode(tiePairs, forKey: .tiePairs)
            try c.encode(dottedLines, forKey: .dottedLines)
            try c.encode(hasLinkData, forKey: .hasLinkData)
            try c.encode(policy, forKey: .policy)
            try c.encode(linkFilter, forKey: .linkFilter)
        }
    }
}
