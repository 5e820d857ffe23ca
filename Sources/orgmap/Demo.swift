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
            Markdown report.

            Write the sample files out to try each command on them:
              orgmap demo --write-sample .
              orgmap import people \(SampleOrg.peopleFileName) --as-of \(SampleOrg.asOf)
              orgmap import links \(SampleOrg.linksFileName)
              orgmap report
            """
    )

    @Option(help: ArgumentHelp("Also write the sample's two CSV files into this folder.", valueName: "folder"))
    var writeSample: String?

    @Option(help: "markdown, json or csv.")
    var format: ReportFormat = .markdown

    func run() throws {
        if let writeSample {
            for path in try Demo.writeSample(into: writeSample) { note("Wrote \(path)") }
        }
        emit(try Demo.report(format: format))
    }
}
