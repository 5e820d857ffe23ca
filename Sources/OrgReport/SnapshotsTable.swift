import OrgModel

/// `orgmap snapshots`: every imported org chart, oldest first, with its link count.
public enum SnapshotsTable {
    /// `links`: each snapshot's link count; absent means none.
    public static func render(_ snapshots: [Snapshot], links: [Int64: Int]) -> String {
        guard !snapshots.isEmpty else { return "No snapshots yet; import an org chart with: orgmap import people FILE\n" }
        var table = TextTable(
            headers: ["Snapshot", "As of", "People", "Links", "Source", "SHA-256", "Imported at"],
            alignments: [.right, .left, .right, .right, .left, .left, .left])
        for s in snapshots {
            table.append([String(s.id), s.asOf.description, String(s.personCount), String(links[s.id] ?? 0), s.sourceFile, String(s.sourceSHA256.prefix(12)), s.importedAt])
        }
        return table.render()
    }

    /// A JSON array: each snapshot's fields and `links`, side by side.
    public static func json(_ snapshots: [Snapshot], links: [Int64: Int]) -> String {
        JSONOutput.encode(snapshots.map { Listing(snapshot: $0, links: links[$0.id] ?? 0) })
    }

    private struct Listing: Encodable {
        var snapshot: Snapshot
        var links: Int

        private enum CodingKeys: String, CodingKey { case links }

        func encode(to encoder: any Encoder) throws {
            try snapshot.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(links, forKey: .links)
        }
    }
}
