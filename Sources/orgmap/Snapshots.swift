import ArgumentParser
import OrgReport

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
    var format: OutputFormat = .text

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let snapshots = try database.openExisting().snapshots()
        switch format {
        case .json:
            emit(try JSONOutput.encode(snapshots))
        case .text:
            var table = TextTable(headers: ["Snapshot", "As of", "People", "Source", "SHA-256", "Imported at"], alignments: [.right, .left, .right, .left, .left, .left])
            for s in snapshots {
                table.append([String(s.id), s.asOf, String(s.personCount), s.sourceFile, String(s.sourceSHA256.prefix(12)), s.importedAt])
            }
            emit(snapshots.isEmpty ? "No snapshots yet; import an org chart with: orgmap import people FILE\n" : table.render())
        }
    }
}
