import ArgumentParser
import OrgAnalysis
import OrgMapKit

extension PlanFormat: ExpressibleByArgument {}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The fewest introductions that close the most gaps of the report.",
        discussion: """
            One introduction (an engineering leader meeting the head of a business department, or the person \
            a warm path leads to) often closes several findings at once: the CTO meeting the CFO closes "CTO \
            misses Finance", "Finance unbridged" and "Finance single bridge" together. The plan tries every \
            introduction the findings' recommendations could make by running the analysis again with that \
            link added, keeps the one that closes the most (high findings count 8, medium 4, low 2; a warm \
            path, then fewer meetings for the same person break ties), adds it, and repeats, up to --max.

            Each introduction is assumed to add a link of weight --assume-weight (default: the policy's \
            plan_assumed_weight, 6: a meeting a fortnight for a quarter, as calendars weigh a two-person \
            meeting 1). Importing the plan's introductions as links of that weight closes exactly the \
            findings it lists. What stays open is listed with the reason: a role to give (no technology \
            leader), more time than one introduction (a low E-I index), or beyond --max. Leaders and \
            departments without links need data, not meetings. See docs/plan.md.

            Examples:
              orgmap plan
              orgmap plan --max 5 --format csv > introductions.csv
              orgmap plan --leader E1002 --assume-weight 3
              orgmap plan --format html --output plan.html
            """
    )

    @Option(help: "markdown, json, csv or html (one self-contained page).")
    var format: PlanFormat = .markdown

    @Option(name: .customLong("max"), help: ArgumentHelp("At most this many introductions.", valueName: "n"))
    var maxIntroductions = 10

    @Option(help: ArgumentHelp("Only introductions for this engineering leader (their org chart id).", valueName: "id"))
    var leader: String?

    @Option(help: ArgumentHelp("The weight each introduction's link is assumed to have (default: the policy's plan_assumed_weight, 6).", valueName: "w"))
    var assumeWeight: Double?

    @OptionGroup var output: OutputOption
    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if maxIntroductions < 1 { throw ValidationError("--max \(maxIntroductions): expected 1 or more introductions") }
        if let assumeWeight, !(assumeWeight > 0 && assumeWeight.isFinite) {
            throw ValidationError("--assume-weight \(assumeWeight): expected a finite weight above 0, such as 6")
        }
        if analysis.privacy.minGroupSize != nil { throw ValidationError("--min-group-size applies to reports; a plan names people, use --anonymize") }
    }

    func run() throws {
        let request = PlanRequest(analysis: analysis.request, options: PlanOptions(maxIntroductions: maxIntroductions, leader: leader, assumedWeight: assumeWeight))
        let db = try database.openExisting()
        let planned = try request.run(db)
        let plan = planned.plan
        try output.deliver(format.render(planned), summary: "\(plan.introductions.count) introduction\(plan.introductions.count == 1 ? "" : "s") closing \(plan.closesTotal) of \(plan.gapsBefore) gaps")
        advisePacking(planned.context.snapshotsRead, request: analysis.request, in: db)
    }
}
