import ArgumentParser
import Foundation
import OrgImport
import OrgModel
import OrgReport
import OrgSample
import OrgStore

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run orgmap on a realistic sample organization embedded in the binary.",
        discussion: """
            Imports the sample org chart (Northwind Labs, \(SampleOrg.peopleCount) people) into a database \
            in memory, so nothing is written to disk, and prints its summary.
            Write the sample out to try the commands on it:
              orgmap demo --write-sample northwind.csv
              orgmap import people northwind.csv
            """
    )

    @Option(help: ArgumentHelp("Also write the sample org chart CSV to this file.", valueName: "file"))
    var writeSample: String?

    func run() throws {
        if let writeSample {
            guard FileManager.default.createFile(atPath: writeSample, contents: Data(SampleOrg.people)) else {
                throw OrgMapError.unreadableFile(path: writeSample, reason: "cannot write the sample here")
            }
        }
        let db = try AppDatabase.inMemory()
        let result = try PeopleImport.run(
            input: ByteInput(bytes: SampleOrg.people, name: SampleOrg.peopleFileName), asOf: SampleOrg.asOf, options: PeopleImportOptions(), dryRun: false,
            database: { db }, logger: Diagnostics.logger(quiet: true))
        let snapshot = result.snapshot!
        let summary = OrgSummary(try db.organization(snapshotID: snapshot.id))
        emit(summary.renderText(snapshot: snapshot))
    }
}
