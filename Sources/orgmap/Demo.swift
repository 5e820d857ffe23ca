import ArgumentParser
import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import OrgReport
import OrgSample
import OrgStore

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
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
    var format: Report.Format = .markdown

    func run() throws {
        if let writeSample {
            for (name, bytes) in [(SampleOrg.peopleFileName, SampleOrg.people), (SampleOrg.linksFileName, SampleOrg.links)] {
                let path = URL(fileURLWithPath: writeSample).appendingPathComponent(name).path
                guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                    throw OrgMapError.unreadableFile(path: path, reason: "cannot write the sample here")
                }
                FileHandle.standardError.write(Data("Wrote \(path)\n".utf8))
            }
        }
        let db = try AppDatabase.inMemory()
        let logger = Diagnostics.logger(quiet: true)
        _ = try PeopleImport.run(
            input: ByteInput(bytes: SampleOrg.people, name: SampleOrg.peopleFileName), asOf: SampleOrg.asOf,
            options: PeopleImportOptions(), dryRun: false, into: .database(db), logger: logger)
        _ = try LinksImport.run(
            input: ByteInput(bytes: SampleOrg.links, name: SampleOrg.linksFileName), database: db,
            options: LinksImportOptions(), logger: logger)
        let (analysis, context) = try AnalysisRequest().analyze(db)
        emit(format.render(analysis, context: context))
    }
}
