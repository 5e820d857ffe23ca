import ArgumentParser
import OrgMapKit
import OrgSample

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole job on a realistic sample organization embedded in the binary.",
        discussion: """
            Imports the sample org chart (Northwind Labs, \(SampleOrg.peopleCount) people) and two months of \
            its collaboration links into a database in memory, so nothing is written to disk, and prints the \
            Markdown report; with --plan, what to do first: the introductions that close the most of its gaps \
            (`orgmap plan`).

            Write the sample files out to try each command on them (the calendars and the links file hold the \
            same meetings: either gives the demo's report):
              orgmap demo --write-sample .
              orgmap import people \(SampleOrg.peopleFileName) --as-of \(SampleOrg.asOf)
              orgmap import links \(SampleCalendars.folderName)
              orgmap report
            """
    )

    @Option(help: ArgumentHelp("Write the sample's files into this folder instead of printing the report: the org chart, its links as a CSV, and the same meetings as one calendar a person.", valueName: "folder"))
    var writeSample: String?

    @Flag(help: "Print the plan of introductions (orgmap plan) instead of the report.")
    var plan = false

    @Option(help: "markdown, json, csv or html.")
    var format: ReportFormat = .markdown

    func validate() throws {
        if plan, PlanFormat(rawValue: format.rawValue) == nil {
            throw ValidationError("--plan is written as markdown, json, csv or html, not \(format.rawValue)")
        }
        if plan, writeSample != nil { throw ValidationError("--plan prints the sample's plan; --write-sample writes its files: give one of them") }
    }

    func run() throws {
        if plan, let planFormat = PlanFormat(rawValue: format.rawValue) { return emit(try Demo.plan(format: planFormat)) }
        guard let writeSample else { return emit(try Demo.report(format: format)) }
        for path in try Demo.writeSample(into: writeSample) { note("Wrote \(path)") }
        note("Try: orgmap import people \(SampleOrg.peopleFileName) --as-of \(SampleOrg.asOf), then orgmap import links \(SampleCalendars.folderName) (or \(SampleOrg.linksFileName)), then orgmap report")
    }
}
