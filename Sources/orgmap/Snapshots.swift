import ArgumentParser
import OrgMapKit

struct Snapshots: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the imported org chart snapshots, oldest first.",
        discussion: """
            Each `orgmap import people` is a snapshot, dated with --as-of.

            Examples:
              orgmap snapshots
              orgmap snapshots --format json --db acme.sqlite
            """
    )

    @Option(help: "text (an aligned table) or json.")
    var format: ListingFormat = .text

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        emit(try format.snapshots(in: try database.openExisting()))
    }
}
