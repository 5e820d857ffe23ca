import ArgumentParser
import OrgMapKit

struct Diff: ParsableCommand {
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
              orgmap diff --format html --output changes.html  # with pictures
            """
    )

    @Option(help: ArgumentHelp("The earlier snapshot (default: the one before --to).", valueName: "id"))
    var from: Int64?

    @Option(help: ArgumentHelp("The later snapshot (default: the latest).", valueName: "id"))
    var to: Int64?

    @Option(help: "markdown, json or html (one self-contained page with pictures).")
    var format: DiffFormat = .markdown

    @OptionGroup var policy: PolicyOption
    @OptionGroup var output: OutputOption
    @OptionGroup var dates: LinkDates
    @OptionGroup var privacy: PrivacyOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let request = DiffRequest(from: from, to: to, analysis: AnalysisRequest(
            policyFile: policy.policy, since: dates.sinceDate, until: dates.untilDate, privacy: privacy.privacy))
        let db = try database.openExisting()
        let comparison = try request.run(db)
        try output.deliver(format.render(comparison), summary: comparison.findingsSummary)
        advisePacking([comparison.from.id, comparison.to.id], request: request.analysis, in: db)
    }
}
