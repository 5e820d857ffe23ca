import OrgModel
import OrgReport
import OrgStore

/// `orgmap links`: every pair of people with links in a snapshot, with what their links add up to.
public struct PairListing: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    /// nil for the latest snapshot.
    public var snapshot: Int64?
    public var format: Format
    public var privacy: Privacy

    public init(snapshot: Int64? = nil, format: Format = .csv, privacy: Privacy = Privacy()) {
        self.snapshot = snapshot
        self.format = format
        self.privacy = privacy
    }

    /// Writes the listing piece by piece to `write` (heaviest pairs first) and returns how many pairs it listed.
    /// With `anonymize`, ids, names and emails are the pseudonyms the reports use.
    @discardableResult
    public func write(from db: AppDatabase, to write: (String) -> Void) throws -> Int {
        let snapshot = try db.snapshot(id: self.snapshot)
        let pseudonyms = privacy.anonymize ? privacy.pseudonyms(for: try db.organization(snapshotID: snapshot.id).people.map(\.key)) : nil
        func hidden(_ end: PairLinks.End) -> PairLinks.End {
            guard let pseudonyms else { return end }
            return PairLinks.End(key: pseudonyms.id(forKey: end.key), email: end.email.map { _ in pseudonyms.email(forKey: end.key) }, name: pseudonyms.name(forKey: end.key))
        }
        var count = 0
        write(format == .csv ? PairLinksTable.csvHeader : "[\n")
        var buffer = ""
        try db.forEachPair(snapshotID: snapshot.id) { pair in
            var pair = pair
            (pair.a, pair.b) = (hidden(pair.a), hidden(pair.b))
            if pseudonyms != nil, pair.b.key < pair.a.key { swap(&pair.a, &pair.b) }
            switch format {
            case .csv: buffer += PairLinksTable.csvLine(pair)
            case .json: buffer += (count == 0 ? "" : ",\n") + PairLinksTable.jsonObject(pair)
            }
            count += 1
            if buffer.utf8.count >= 1 << 16 {
                write(buffer)
                buffer = ""
            }
        }
        write(buffer + (format == .json ? (count == 0 ? "]\n" : "\n]\n") : ""))
        return count
    }
}
