import ArgumentParser
import Foundation
import OrgModel
import OrgReport

struct Org: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarize an imported org chart: people, departments, roots, depth, largest spans.",
        discussion: """
            Examples:
              orgmap org
              orgmap org --snapshot 2 --format json
            """
    )

    @Option(help: ArgumentHelp("The snapshot to summarize (default: the latest).", valueName: "id"))
    var snapshot: Int64?

    @Option(help: "text (an aligned table) or json.")
    var format: OutputFormat = .text

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.openExisting()
        let snapshot = try db.snapshot(id: snapshot)
        let summary = OrgSummary(try db.organization(snapshotID: snapshot.id))
        switch format {
        case .text: emit(summary.renderText(snapshot: snapshot))
        case .json: emit(JSONOutput.encode(OrgSummaryDocument(snapshot: snapshot, summary: summary)))
        }
    }
}

/// `orgmap org --format json`: the snapshot and its summary.
struct OrgSummaryDocument: Encodable {
    var snapshot: Snapshot
    var summary: OrgSummary
}
