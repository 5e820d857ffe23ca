import ArgumentParser
import OrgAnalysis
import OrgMapKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report where engineering leadership is cut off from the rest of the company.",
        discussion: """
            Classifies engineering leaders (engineering manager, senior engineering leader, technology \
            leader), measures their collaboration across the engineering/business boundary (E-I index, \
            business departments reached) and raises findings with stable rule ids: tech-leader-isolated, \
            missing-partner-department, low-external-ratio, department-unbridged, single-bridge, \
            no-technology-leader, boundary-spanner. Each names who to meet. See docs/rules.md.

            Markdown (GitHub-flavoured, pasteable into a wiki or a pull request) is the default; json has a \
            documented stable shape (docs/rules.md, "JSON shape"); csv has one row per finding and is safe to open \
            in a spreadsheet; html is one self-contained page with the Markdown report's content and its pictures \
            (E-I bars, leaders × departments heatmap, department map), which loads nothing, runs no script and \
            prints as a handout (docs/html.md).

            In a large organization a rule can fire for hundreds of leaders: the Markdown report writes out the \
            10 most serious findings of each rule at each severity (highest tier, then lowest E-I, then largest department) and \
            counts the rest, and past 100 engineering leaders its leaders table keeps the technology and senior \
            ones. --top N changes the number, --top 0 writes everything; json and csv always hold everything.

            When an earlier snapshot exists, markdown, json and html also say what changed since it: findings \
            opened and resolved, leaders who gained or lost a business department (see `orgmap diff`). The \
            earlier snapshot is summed as its links are read, which costs about one more read of the links; its \
            resolved findings carry no brokerage figures or go-betweens (docs/diff.md).

            --anonymize replaces names, emails and HR ids with stable pseudonyms (Person 3f2a9c, P-3f2a9c) \
            before the analysis, so no format and no sentence names a real person; the same person gets the \
            same pseudonym in every run and in `orgmap diff --anonymize`. Anyone with the HR ids can recompute \
            them, unless ORGMAP_ANONYMIZE_KEY holds a secret: the pseudonyms are then keyed with it (HMAC-SHA-256) \
            and stay the same only under the same secret. Titles, teams and department names \
            are kept, and can identify people in a small organization. --min-group-size N (default 5 with \
            --anonymize, none without) replaces the figures of departments with fewer than N people by a \
            "suppressed (fewer than N people)" marker; findings about them keep their rule and severity. \
            See docs/privacy.md.

            Examples:
              orgmap report > leadership-gaps.md
              orgmap report --format json --output report.json
              orgmap report --since 2026-09-01 --policy acme-policy.yaml
              orgmap report --fail-on high      # exit status 2 when a high finding exists (CI gate)
              orgmap report --top 0             # every finding written out, however many
              orgmap report --anonymize         # pseudonyms; departments under 5 people suppressed
              orgmap report --format html --output report.html  # with pictures
              orgmap report --output report.md --images pics    # and pics/*.svg
            """
    )

    @Option(help: "markdown, json, csv or html (one self-contained page with pictures).")
    var format: ReportFormat = .markdown

    @OptionGroup var output: OutputOption

    @Option(help: ArgumentHelp("Exit with status 2 when a finding reaches this severity: high, medium, low or info.", valueName: "severity"))
    var failOn: Severity?

    @Option(help: ArgumentHelp("Keep a large organization's Markdown report short: write out at most N findings of each rule at each severity, the most serious first (the rest are counted), and with more than \(ReportFormat.leaderListLimit) engineering leaders list only the technology and senior ones. 0 writes everything. JSON and CSV always hold everything.", valueName: "N"))
    var top = 10

    @Option(help: ArgumentHelp("Also write the report's pictures (E-I bars, leaders × departments heatmap, department map) as .svg files into this folder, and show them in the Markdown report by relative links (the department map replaces the Mermaid graph).", valueName: "folder"))
    var images: String?

    func validate() throws {
        if top < 0 { throw ValidationError("--top \(top): expected a number of findings, 0 or more (0 writes every finding)") }
        if images != nil, format != .markdown { throw ValidationError("--images goes with --format markdown (the html format draws its pictures inline)") }
    }

    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.openExisting()
        var analyzed = try analysis.request.analyze(db, sincePrevious: format.showsChangesSincePrevious)
        analyzed.context.findingsPerRule = top == 0 ? nil : top
        let links = try images.map { try ReportImages(directory: $0, reportFile: output.output).write(analyzed) } ?? [:]
        try output.deliver(format.render(analyzed, images: links), summary: analyzed.analysis.findingsSummary)
        advisePacking(analyzed.context.snapshotsRead, request: analysis.request, in: db)
        if let failOn, let highest = analyzed.analysis.highestSeverity, highest >= failOn {
            note("Findings reach \(highest.rawValue), at or above --fail-on \(failOn.rawValue).")
            throw ExitCode(2)
        }
    }
}

extension Severity: ExpressibleByArgument {}
