import OrgModel

/// `orgmap snapshots`: every imported org chart, oldest first, with its link count and how its links are read.
public enum SnapshotsTable {
    /// `links`: each snapshot's link count; absent means none. `packing`: how each snapshot with links has them
    /// read; absent means packed.
    public static func render(_ snapshots: [Snapshot], links: [Int64: Int], packing: [Int64: LinkPacking] = [:]) -> String {
        guard !snapshots.isEmpty else { return "No snapshots yet; import an org chart with: orgmap import people FILE\n" }
        var table = TextTable(
            headers: ["Snapshot", "As of", "People", "Links", "Packed", "Source", "SHA-256", "Imported at"],
            alignments: [.right, .left, .right, .right, .left, .left, .left, .left])
        for s in snapshots {
            let count = links[s.id] ?? 0
            let packed = switch (count, packing[s.id] ?? .packed) {
            case (0, _): ""
            case (_, .packed): "yes"
            case (_, .unpacked): "no"
            case (_, .unpackable): "cannot"
            }
            table.append([String(s.id), s.asOf.description, String(s.personCount), String(count), packed, s.sourceFile, String(s.sourceSHA256.prefix(12)), s.importedAt])
        }
        var text = table.render()
        if packing.values.contains(.unpacked) {
            text += "Links not packed are read row by row (reports take about 1.7 times as long): pack them with `orgmap snapshots pack`.\n"
        }
        if packing.values.contains(.unpackable) {
            text += "Links that cannot be packed were changed by hand (a date that is no day, a person of another snapshot): read row by row, with the same results.\n"
        }
        return text
    }

    /// A JSON array: each snapshot's fields, `links`, and `links_packed` (false when the report reads its links
    /// row by row, null when it has none), side by side.
    public static func json(_ snapshots: [Snapshot], links: [Int64: Int], packing: [Int64: LinkPacking] = [:]) -> String {
        JSONOutput.encode(snapshots.map { s in
            let count = links[s.id] ?? 0
            return Listing(snapshot: s, links: count, packed: count == 0 ? nil : (packing[s.id] ?? .packed) == .packed)
        })
    }

    private struct Listing: Encodable {
        var snapshot: Snapshot
        var links: Int
        var packed: Bool?

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
