import OrgAnalysis
import OrgModel
import OrgReport
import OrgStore

/// The formats of `orgmap report`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case markdown, json, csv, html

    /// `images`: links to the pictures ``ReportImages`` wrote, shown by the Markdown report.
    public func render(_ analyzed: AnalyzedSnapshot, images: [String: String] = [:]) -> String {
        switch self {
        case .markdown: MarkdownReport.render(analyzed.analysis, context: analyzed.context, images: images)
        case .html: HTMLReport.render(analyzed.analysis, context: analyzed.context)
        case .json: JSONReport.render(analyzed.analysis, context: analyzed.context)
        case .csv: CSVReport.render(analyzed.analysis)
        }
    }

    /// With more engineering leaders than this, a Markdown report with a `--top` limit lists only the technology
    /// and senior ones.
    public static var leaderListLimit: Int { MarkdownReport.leaderListLimit }

    /// CSV holds findings only, so the previous snapshot need not be analysed for it.
    public var showsChangesSincePrevious: Bool { self != .csv }
}

/// The formats of `orgmap diff`.
public enum DiffFormat: String, Sendable, CaseIterable {
    case markdown, json, html

    public func render(_ comparison: SnapshotComparison) -> String {
        switch self {
        case .markdown: DiffMarkdown.render(comparison)
        case .html: DiffHTML.render(comparison)
        case .json: DiffJSON.render(comparison)
        }
    }
}

/// The formats of the listings (`leaders`, `departments`, `snapshots`, `org`): an aligned table or JSON.
public enum ListingFormat: String, Sendable, CaseIterable {
    case text, json

    public func leaders(_ analyzed: AnalyzedSnapshot) -> String {
        self == .json ? LeadersTable.json(analyzed.analysis) : LeadersTable.render(analyzed.analysis)
    }

    /// Departments below the request's minimum group size show the marker in place of their figures.
    public func departments(_ analyzed: AnalyzedSnapshot) -> String {
        let rule = analyzed.context.minimumGroupSize
        return self == .json
            ? DepartmentsTable.json(analyzed.analysis, minimumGroupSize: rule)
            : DepartmentsTable.render(analyzed.analysis, minimumGroupSize: rule)
    }
}

extension Analysis {
    /// "13 findings (2 high, 5 medium, 4 low, 2 info)", for the line that says where a report was written.
    public var findingsSummary: String {
        let counts = findingCounts.map { "\($0.count) \($0.severity.rawValue)" }.joined(separator: ", ")
        return "\(findings.count) finding\(findings.count == 1 ? "" : "s") (\(counts))"
    }
}

extension SnapshotComparison {
    /// "2 opened, 3 resolved, 8 persisting".
    public var findingsSummary: String {
        "\(diff.opened.count) opened, \(diff.resolved.count) resolved, \(diff.persisting.count) persisting"
    }
}

extension ListingFormat {
    /// Every snapshot of `db`, oldest first, with its link count and whether its links are packed.
    public func snapshots(in db: AppDatabase) throws -> String {
        let (snapshots, links, packing) = (try db.snapshots(), try db.linkCounts(), try db.linkPacking())
        return self == .json
            ? SnapshotsTable.json(snapshots, links: links, packing: packing) : SnapshotsTable.render(snapshots, links: links, packing: packing)
    }

    /// A snapshot's size, departments, roots, depth and largest spans; the latest when `snapshot` is nil.
    public func organization(in db: AppDatabase, snapshot id: Int64?) throws -> String {
        let snapshot = try db.snapshot(id: id)
        let summary = OrgSummary(try db.organization(snapshotID: snapshot.id))
        return self == .json ? OrgSummaryJSON.render(summary, snapshot: snapshot) : summary.renderText(snapshot: snapshot)
    }
}
