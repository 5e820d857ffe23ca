import ArgumentParser
import OrgMapKit

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
    var format: ListingFormat = .text

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        emit(try format.organization(in: try database.openExisting(), snapshot: snapshot))
    }
}
