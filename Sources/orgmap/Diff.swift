import ArgumentParser
import Foundation
import OrgAnalysis
import OrgModel
import OrgReport
import OrgStore

struct Diff: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json

        func render(_ comparison: SnapshotComparison) -> String {
            switch self {
            case .markdown: DiffMarkdown.render(comparison)
            case .json: DiffJSON.render(comparison)
            }
        }
    }

    static let configuration = CommandConfiguration(
        abstract: "Compare two snapshots: which gaps opened, which closed, who moved.",
        discussion: """
            Analyzes both snapshots, each with its own links and the same policy, and lists: findings opened, \
            resolved and persisting (matched by rule and subject, not by wording); each engineering leader's \
            tier, E-I index and business departments reached, before and after; people who joined, left, \
            moved (department, team or line manager) or changed title, matched by their HR id. See docs/diff.md.

            Default: the latest snapshot (--to) against the one before it (--from); `orgmap snapshots` lists them.
            --since and --until keep, in both snapshots, only the links dated in that range, as for `report`.

            Examples:
              orgmap diff > what-changed.md
              orgmap diff --from 1 --to 3 --format json --output diff.json
              orgmap diff --since 2026-10-01 # only links dated from October, in both snapshots
              orgmap diff --anonymize        # the same pseudonyms as report --anonymize
            """
    )

    @Option(help: ArgumentHelp("The earlier snapshot (default: the one before --to).", valueName: "id"))
    var from: Int64?

    @Option(help: ArgumentHelp("The later snapshot (default: the latest).", valueName: "id"))
    var to: Int64?

    @Option(help: "markdown or json.")
    var format: Format = .markdown

    @Option(help: ArgumentHelp("A YAML policy file (see `orgmap policy init`); default: the built-in policy.", valueName: "file"))
    var policy: String?

    @Option(help: ArgumentHelp("Write the diff to this file instead of standard output (replaced whole, never half-written).", valueName: "file"))
    var output: String?

    @OptionGroup var dates: LinkDates
    @OptionGroup var privacy: PrivacyOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.openExisting()
        let request = AnalysisRequest(
            policy: policy, since: dates.since, until: dates.until, anonymize: privacy.anonymize, anonymizationKey: privacy.key, minimumGroupSize: privacy.minimumGroupSize)
        let policy = try request.loadPolicy()
        let later = try db.snapshot(id: to)
        let earlier: Snapshot
        if let from {
            earlier = try db.snapshot(id: from)
        } else if let previous = try AnalysisRequest.snapshot(before: later, in: db) {
            earlier = previous
        } else {
            throw OrgMapError.invalidArgument(
                "\(db.path) has no snapshot before #\(later.id) (as of \(later.asOf)) to compare it with; a diff needs a second import: orgmap import people FILE --as-of DATE --db \(db.path)")
        }
        let analyses = try request.analyze(db, snapshots: [earlier, later], policy: policy)
        let diff = SnapshotDiff(from: analyses[0].analysis, to: analyses[1].analysis)
        let text = format.render(SnapshotComparison(from: earlier, to: later, diff: diff, linkFilter: request.linkFilter))
        try deliver(text, to: output, summary: "\(diff.opened.count) opened, \(diff.resolved.count) resolved, \(diff.persisting.count) persisting")
    }
}
