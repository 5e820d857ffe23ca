import GRDB
import OrgModel
import OrgStore

/// Finds the person a link endpoint names, from its bytes: the org chart's id, then the email (any ASCII
/// case). A plain value, so the thread that parses the file can use it while another inserts.
package struct PersonResolver: Sendable {
    let byKey: ByteKeyTable
    /// Emails lowercased (ASCII).
    let byEmail: ByteKeyTable

    /// The person whose org chart id is `key`.
    package func id(ofKey key: String) -> Int64? { byKey[key] }

    /// `scratch` is reused between calls to lowercase emails without allocating.
    package func person(_ value: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> Int64? {
        if let id = byKey.lookup(value) { return id }
        guard value.contains(UInt8(ascii: "@")) else { return nil }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: value.lazy.map(asciiLowercased))
        return scratch.withUnsafeBufferPointer { byEmail.lookup($0) }
    }
}

private func asciiLowercased(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

/// Resolved links on their way from the parsing thread to the inserting one: flat arrays, text in one arena.
package struct LinkBatch: Sendable {
    var sources: [Int64] = []
    var targets: [Int64] = []
    var weights: [Double] = []
    var text: [UInt8] = []
    /// Per row: where its kind and date sit in `text`; empty ranges for NULL.
    var kinds: [Range<Int>] = []
    var dates: [Range<Int>] = []

    package init() {}

    package var count: Int { sources.count }

    /// A link found in a calendar or a chat export; `date` is `YYYY-MM-DD`.
    package mutating func append(source: Int64, target: Int64, weight: Double, kind: String, date: String) {
        var kind = kind, date = date
        kind.withUTF8 { kind in
            date.withUTF8 { date in append(source: source, target: target, weight: weight, kind: kind, date: date) }
        }
    }

    /// `date` is `YYYY-MM-DD`; empty buffers mean NULL.
    package mutating func append(source: Int64, target: Int64, weight: Double, kind: UnsafeBufferPointer<UInt8>, date: UnsafeBufferPointer<UInt8>) {
        sources.append(source)
        targets.append(target)
        weights.append(weight)
        let k = text.count
        text.append(contentsOf: kind)
        kinds.append(k..<text.count)
        let d = text.count
        text.append(contentsOf: date)
        dates.append(d..<text.count)
    }
}

/// Inserts the links of one import, inside its transaction.
package final class LinkWriter {
    private let insert: MultiRowInsert
    private let db: Database
    private let snapshotID: Int64
    package let resolver: PersonResolver
    package private(set) var stored = 0
    /// Packs the links as they are stored (``LinkPack``); nil when the snapshot's pack is made again afterwards.
    private let packer: LinkPacker?

    package init(db: Database, snapshotID: Int64, importID: Int64, packer: LinkPacker? = nil) throws {
        self.db = db
        self.snapshotID = snapshotID
        self.packer = packer
        insert = try MultiRowInsert(
            db, head: "INSERT INTO link (snapshot_id, import_id, source_id, target_id, weight, kind, date) VALUES",
            row: "(\(snapshotID), \(importID), ?, ?, ?, ?, ?)", rowsPerStatement: 64)
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person WHERE snapshot_id = ?", arguments: [snapshotID]) ?? 0
        var byKey = ByteKeyTable(capacity: count)
        var byEmail = ByteKeyTable(capacity: count)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, person_key, email FROM person WHERE snapshot_id = ?", arguments: [snapshotID])
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let key: String = row[1]
            byKey.insert(key, id: id)
            if let email: String = row[2] { email.utf8.map(asciiLowercased).withUnsafeBufferPointer { _ = byEmail.insert($0, id: id) } }
        }
        resolver = PersonResolver(byKey: byKey, byEmail: byEmail)
    }

    /// Links imports into this snapshot, committed before this one, that read content with one of `digests`.
    package func importedFiles(digests: [String]) throws -> [ImportedFile] {
        try ImportedFile.fetch(db, kind: .links, snapshotID: snapshotID, digests: digests)
    }

    package func insert(_ batch: LinkBatch) throws {
        try batch.text.withUnsafeBufferPointer { text in
            // The text stays put until the statement is stepped: bound without a copy.
            try insert.run(count: batch.count) { i, statement, first in
                statement.bind(first + 1, batch.sources[i])
                statement.bind(first + 2, batch.targets[i])
                statement.bind(first + 3, batch.weights[i])
                statement.bindStatic(first + 4, batch.kinds[i].isEmpty ? nil : UnsafeBufferPointer(rebasing: text[batch.kinds[i]]))
                statement.bindStatic(first + 5, batch.dates[i].isEmpty ? nil : UnsafeBufferPointer(rebasing: text[batch.dates[i]]))
            }
        }
        stored += batch.count
        guard let packer else { return }
        try batch.text.withUnsafeBufferPointer { text in
            for i in 0..<batch.count {
                let month = LinkPack.month(utf8: UnsafeBufferPointer(rebasing: text[batch.dates[i]]))
                try packer.add(source: batch.sources[i], target: batch.targets[i], weight: batch.weights[i], month: month)
            }
        }
    }
}

