import ArgumentParser
import OrgModel
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
        let db = try database.openExisting()
        let snapshots = try db.snapshots()
        let links = try db.linkCounts()
        switch format {
        case .json:
            emit(JSONOutput.encode(snapshots.map { SnapshotListing(snapshot: $0, links: links[$0.id] ?? 0) }))
        case .text:
            var table = TextTable(headers: ["Snapshot", "As of", "People", "Links", "Source", "SHA-256", "Imported at"], alignments: [.right, .left, .right, .right, .left, .left, .left])
            for s in snapshots {
                table.append([String(s.id), s.asOf, String(s.personCount), String(links[s.id] ?? 0), s.sourceFile, String(s.sourceSHA256.prefix(12)), s.importedAt])
            }
            emit(snapshots.isEmpty ? "No snapshots yet; import an org chart with: orgmap import people FILE\n" : table.render())
        }
    }
}

/// One line of `orgmap snapshots --format json`: the snapshot's fields and its link count, side by side.
struct SnapshotListing: Encodable {
    var snapshot: Snapshot
    var links: Int

    private enum CodingKeys: String, CodingKey { case links }

    func encode(to encoder: any Encoder) throws {
        try snapshot.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(links, forKey: .links)
    }
}
