import OrgModel

/// `orgmap snapshots`: every imported org chart, oldest first, with its link count and whether its links are packed.
public enum SnapshotsTable {
    /// `links`: each snapshot's link count; absent means none. `unpacked`: the snapshots whose links the report
    /// reads row by row (`orgmap snapshots pack` packs them).
    public static func render(_ snapshots: [Snapshot], links: [Int64: Int], unpacked: Set<Int64> = []) -> String {
        guard !snapshots.isEmpty else { return "No snapshots yet; import an org chart with: orgmap import people FILE\n" }
        var table = TextTable(
            headers: ["Snapshot", "As of", "People", "Links", "Packed", "Source", "SHA-256", "Imported at"],
            alignments: [.right, .left, .right, .right, .left, .left, .left, .left])
        for s in snapshots {
            let count = links[s.id] ?? 0
            let packed = count == 0 ? "" : unpacked.contains(s.id) ? "no" : "yes"
            table.append([String(s.id), s.asOf.description, String(s.personCount), String(count), packed, s.sourceFile, String(s.sourceSHA256.prefix(12)), s.importedAt])
        }
        if snapshots.contains(where: { unpacked.contains($0.id) }) {
            return table.render() + "Links not packed are read row by row (reports take about 1.7 times as long): pack them with `orgmap snapshots pack`.\n"
        }
        return table.render()
    }

    /// A JSON array: each snapshot's fields, `links` and `links_packed` (false when the report reads its links
    /// row by row), side by side.
    public static func json(_ snapshots: [Snapshot], links: [Int64: Int], unpacked: Set<Int64> = []) -> String {
        JSONOutput.encode(snapshots.map { Listing(snapshot: $0, links: links[$0.id] ?? 0, packed: !unpacked.contains($0.id)) })
    }

    private struct Listing: Encodable {
        var snapshot: Snapshot
        var links: Int
        var packed: Bool

        private enum CodingKeys: String, CodingKey {
            case links
            case packed = "links_packed"
        }

        func encode(to encoder: any Encoder) throws {
            try snapshot.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(links, forKey: .links)
            try container.encode(packed, forKey: .packed)
        }
    }
}
