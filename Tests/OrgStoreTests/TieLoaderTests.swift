import Foundation
import GRDB
@testable import OrgFastPath
import OrgModel
import OrgStore
import Testing

/// The report's reading of a snapshot's links: whatever the chunk size and however many readers, every pair once
/// with its links' summed weight and count, people numbered by id, other snapshots' links left out, dates kept to
/// the range; and the same database read twice gives the same sums to the last bit.
struct TieLoaderTests {
    typealias SplitMix = PairSortTests.SplitMix

    /// A link as stored: people as indices into the snapshot's people.
    struct Link {
        var source: Int
        var target: Int
        var weight: Double
        var date: String
    }

    /// A database file with snapshots of `people` people each, and `links` links a snapshot (weights like 1/3 and
    /// 5/7, whose sums depend on their order; days across October 2026); `interleaved` stores the snapshots' links
    /// alternately instead of one snapshot after the other.
    final class Store {
        let folder: URL
        let db: AppDatabase
        var snapshots: [Int64] = []
        var links: [[Link]] = []

        init(people: Int, links count: Int, snapshots: Int = 1, interleaved: Bool = false, seed: UInt64) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("tie-loader-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            db = try AppDatabase.open(path: folder.appendingPathComponent("orgmap.sqlite").path, create: true)
            var random = SplitMix(state: seed)
            var firstIDs: [Int64] = []
            try db.write { db in
                for s in 0..<snapshots {
                    try db.execute(sql: "INSERT INTO snapshot (as_of, imported_at, source_file, source_sha256, person_count) VALUES ('2026-11-01', '2026-11-30T00:00:00Z', 'people.csv', ?, ?)", arguments: ["\(s)", people])
                    let snapshot = db.lastInsertedRowID
                    self.snapshots.append(snapshot)
                    try db.execute(sql: "INSERT INTO department (snapshot_id, name) VALUES (?, 'Engineering')", arguments: [snapshot])
                    let department = db.lastInsertedRowID
                    for p in 0..<people {
                        try db.execute(sql: "INSERT INTO person (snapshot_id, person_key, name, department_id, source_line) VALUES (?, ?, ?, ?, ?)", arguments: [snapshot, "E\(p)", "Person \(p)", department, p + 2])
                        if p == 0 { firstIDs.append(db.lastInsertedRowID) }
                    }
                    try db.execute(sql: "INSERT INTO import_log (kind, snapshot_id, file_name, sha256, rows_read, rows_stored, rows_skipped, warnings, duration_ms, imported_at) VALUES ('links', ?, 'links.csv', ?, ?, ?, 0, 0, 1, '2026-11-30T00:00:00Z')", arguments: [snapshot, "l\(s)", count, count])
                    self.links.append((0..<count).map { _ in
                        let a = Int(random.below(UInt64(people)))
                        let b = (a + 1 + Int(random.below(UInt64(people - 1)))) % people
                        return Link(source: a, target: b, weight: Double(random.below(9) + 1) / Double(random.below(6) + 2), date: "2026-10-\(10 + random.below(20))")
                    })
                }
                let imports = try Int64.fetchAll(db, sql: "SELECT id FROM import_log ORDER BY id")
                let order: [(Int, Int)] = interleaved
                    ? (0..<count).flatMap { k in (0..<snapshots).map { ($0, k) } }
                    : (0..<snapshots).flatMap { s in (0..<count).map { (s, $0) } }
                for (s, k) in order {
                    let link = links[s][k]
                    try db.execute(
                        sql: "INSERT INTO link (snapshot_id, import_id, source_id, target_id, weight, date) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [self.snapshots[s], imports[s], firstIDs[s] + Int64(link.source), firstIDs[s] + Int64(link.target), link.weight, link.date])
                }
            }
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        /// Each pair's summed weight and count, added up here, in the links' order.
        func expected(_ s: Int, since: String? = nil, until: String? = nil) -> [UInt64: (weight: Double, count: Int)] {
            var sums: [UInt64: (weight: Double, count: Int)] = [:]
            for link in links[s] where since.map({ link.date >= $0 }) ?? true && until.map({ link.date <= $0 }) ?? true {
                let key = UInt64(min(link.source, link.target)) << 32 | UInt64(max(link.source, link.target))
                sums[key, default: (0, 0)].weight += link.weight
                sums[key, default: (0, 0)].count += 1
            }
            return sums
        }
    }

    static func tuning(chunkRows: Int, twoReadersFrom: Int) -> TieLoader.Tuning {
        var tuning = TieLoader.Tuning()
        tuning.chunkRows = chunkRows
        tuning.twoReadersFrom = twoReadersFrom
        return tuning
    }

    static func check(_ table: TieTable, against expected: [UInt64: (weight: Double, count: Int)]) {
        var keys: [UInt64] = []
        table.forEach { a, b, weight, count in
            let key = UInt64(a) << 32 | UInt64(b)
            keys.append(key)
            guard let sum = expected[key] else {
                Issue.record("pair \(a)–\(b) read but never linked")
                return
            }
            #expect(count == sum.count, "pair \(a)–\(b)")
            #expect(abs(weight - sum.weight) <= 1e-12 * sum.weight, "pair \(a)–\(b)")
        }
        #expect(keys == expected.keys.sorted(), "every pair once, in pair order")
        #expect(table.linkCount == expected.values.reduce(0) { $0 + $1.count })
    }

    /// Small chunks and two readers (many merges, pairs met in both halves) against one reader and one chunk.
    @Test(arguments: [(chunkRows: 97, people: 40), (chunkRows: 1000, people: 300), (chunkRows: 4096, people: 2000)])
    func chunksAndReadersAddUpToThePairs(chunkRows: Int, people: Int) throws {
        let store = try Store(people: people, links: 12_000, seed: UInt64(chunkRows))
        let expected = store.expected(0)
        let split = try store.db.tieTable(snapshotID: store.snapshots[0], tuning: Self.tuning(chunkRows: chunkRows, twoReadersFrom: 1))
        Self.check(split, against: expected)
        Self.check(try store.db.tieTable(snapshotID: store.snapshots[0]), against: expected)
    }

    /// The readers merge in turn, so the weights of a pair are added in one order: the same sums to the bit.
    @Test func twoReadersGiveTheSameBitsEveryTime() throws {
        let store = try Store(people: 60, links: 20_000, seed: 7)
        let tuning = Self.tuning(chunkRows: 333, twoReadersFrom: 1)
        let first = try store.db.tieTable(snapshotID: store.snapshots[0], tuning: tuning).ties
        for _ in 0..<5 {
            let again = try store.db.tieTable(snapshotID: store.snapshots[0], tuning: tuning).ties
            #expect(again.map(\.weight.bitPattern) == first.map(\.weight.bitPattern))
            #expect(again == first)
        }
    }

    /// Links of two snapshots stored alternately: each snapshot's span holds the other's rows too, so it is read
    /// through the snapshot index by one reader; stored one after the other, each is read in id order by two.
    @Test(arguments: [false, true])
    func eachSnapshotGetsItsOwnLinks(interleaved: Bool) throws {
        let store = try Store(people: 80, links: 5_000, snapshots: 2, interleaved: interleaved, seed: interleaved ? 11 : 12)
        let tuning = Self.tuning(chunkRows: 512, twoReadersFrom: 1)
        for s in 0..<2 {
            Self.check(try store.db.tieTable(snapshotID: store.snapshots[s], tuning: tuning), against: store.expected(s))
        }
    }

    /// One link of the first snapshot handed to the second, in the middle of the first's span: both spans are still
    /// read in id order, and each row's snapshot must be tested again. The link's people belong to the first
    /// snapshot, so the second leaves it out as it leaves out any link to people outside it.
    @Test func aLinkOfAnotherSnapshotInsideTheSpanIsLeftOut() throws {
        let store = try Store(people: 60, links: 4_000, snapshots: 2, seed: 21)
        let moved = 1_500
        try store.db.write { db in
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM link WHERE snapshot_id = ? ORDER BY id LIMIT 1 OFFSET ?", arguments: [store.snapshots[0], moved]))
            try db.execute(sql: "UPDATE link SET snapshot_id = ? WHERE id = ?", arguments: [store.snapshots[1], id])
        }
        store.links[0].remove(at: moved)
        let tuning = Self.tuning(chunkRows: 512, twoReadersFrom: 1)
        for s in 0..<2 {
            Self.check(try store.db.tieTable(snapshotID: store.snapshots[s], tuning: tuning), against: store.expected(s))
        }
    }

    /// A row in the middle of the span whose snapshot is no snapshot at all (foreign keys off, a file edited by hand):
    /// the smallest integer there is, or text. Either way the span's rows are tested and the row left out.
    @Test(arguments: ["-9223372036854775808", "'removed'"])
    func aRowOfNoSnapshotInsideTheSpanIsLeftOut(snapshot: String) throws {
        let store = try Store(people: 60, links: 3_000, seed: 22)
        let moved = 1_000
        try store.db.bulkWrite { db in
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM link ORDER BY id LIMIT 1 OFFSET ?", arguments: [moved]))
            try db.execute(sql: "UPDATE link SET snapshot_id = \(snapshot) WHERE id = ?", arguments: [id])
        }
        store.links[0].remove(at: moved)
        Self.check(try store.db.tieTable(snapshotID: store.snapshots[0], tuning: Self.tuning(chunkRows: 512, twoReadersFrom: 1)), against: store.expected(0))
    }

    @Test func datesKeepTheirRangeWithTwoReaders() throws {
        let store = try Store(people: 50, links: 8_000, seed: 3)
        let tuning = Self.tuning(chunkRows: 700, twoReadersFrom: 1)
        let since = try #require(CalendarDate("2026-10-15")), until = try #require(CalendarDate("2026-10-21"))
        Self.check(try store.db.tieTable(snapshotID: store.snapshots[0], since: since, until: until, tuning: tuning),
                   against: store.expected(0, since: "2026-10-15", until: "2026-10-21"))
        Self.check(try store.db.tieTable(snapshotID: store.snapshots[0], since: since, tuning: tuning),
                   against: store.expected(0, since: "2026-10-15"))
    }

    /// A table read from the database is compacted (second people and row starts); any split of its positions
    /// walks the same ties as one pass, rows that start inside a part or hold no tie included.
    @Test func partsOfACompactedTableAddUpToTheWhole() throws {
        let store = try Store(people: 30, links: 400, seed: 5)
        let table = try store.db.tieTable(snapshotID: store.snapshots[0])
        #expect(table.columns.rowStart != nil)
        var whole: [String] = []
        table.forEach { a, b, weight, count in whole.append("\(a)-\(b) \(weight) \(count)") }
        #expect(whole.count == table.count)
        for parts in [1, 2, 3, 7, table.count, table.count + 5] {
            var joined: [String] = []
            let size = (table.count + parts - 1) / parts
            for part in 0..<parts {
                table.forEach(in: (part * size)..<((part + 1) * size)) { a, b, weight, count in joined.append("\(a)-\(b) \(weight) \(count)") }
            }
            #expect(joined == whole, "\(parts) parts")
        }
        #expect(TieTable(table.ties).ties == table.ties)
    }

    /// What a reader's tally is given by ``TieLoader/fold(_:snapshotID:since:until:tuning:start:add:)``: its links
    /// in order, and the size of each batch.
    struct Collected: Sendable {
        var pairs: [UInt64] = []
        var weights: [Double] = []
        /// Links each entry sums: 1 for every link read from the table.
        var counts: [Int] = []
        var batches: [Int] = []
    }

    static func fold(_ store: Store, _ s: Int, batch: Int, twoReadersFrom: Int, since: CalendarDate? = nil) throws -> (tallies: [Collected], links: Int) {
        var tuning = TieLoader.Tuning()
        tuning.foldBatch = batch
        tuning.twoReadersFrom = twoReadersFrom
        return try TieLoader.fold(store.db, snapshotID: store.snapshots[s], since: since, until: nil, tuning: tuning, start: { Collected() }) { tally, pairs, weights, counts in
            tally.pairs += pairs
            tally.weights += weights
            tally.counts += counts.map { $0.map(Int.init) } ?? Array(repeating: 1, count: pairs.count)
            tally.batches.append(pairs.count)
        }
    }

    /// Every kept link handed over once, whatever the batch (one, a size that divides nothing, more than a reader
    /// has) and one reader or two: summed here per pair, the links are the tie table's.
    @Test(arguments: [(batch: 1, twoReadersFrom: 1), (batch: 7, twoReadersFrom: 1), (batch: 1024, twoReadersFrom: 400_000), (batch: 50_000, twoReadersFrom: 1)])
    func foldHandsOverEveryLinkOnce(batch: Int, twoReadersFrom: Int) throws {
        let store = try Store(people: 70, links: 9_000, snapshots: 2, seed: UInt64(batch))
        let (tallies, links) = try Self.fold(store, 1, batch: batch, twoReadersFrom: twoReadersFrom)
        #expect(tallies.count == (twoReadersFrom == 1 ? 2 : 1))
        let expected = store.expected(1)
        #expect(links == expected.values.reduce(0) { $0 + $1.count })
        #expect(tallies.allSatisfy { $0.batches.allSatisfy { $0 >= 1 && $0 <= batch } && $0.batches.reduce(0, +) == $0.pairs.count })
        var sums: [UInt64: (weight: Double, count: Int)] = [:]
        for tally in tallies {
            for (pair, weight) in zip(tally.pairs, tally.weights) {
                #expect(pair >> 32 < pair & 0xFFFF_FFFF, "a < b")
                sums[pair, default: (0, 0)].weight += weight
                sums[pair, default: (0, 0)].count += 1
            }
        }
        #expect(sums.keys.sorted() == expected.keys.sorted())
        #expect(sums.allSatisfy { pair, sum in sum.count == expected[pair]!.count && abs(sum.weight - expected[pair]!.weight) <= 1e-12 * sum.weight })
        // The same order again: the same database, the same tallies.
        let again = try Self.fold(store, 1, batch: batch, twoReadersFrom: twoReadersFrom).tallies
        #expect(again.map(\.pairs) == tallies.map(\.pairs) && again.map(\.weights) == tallies.map(\.weights))
    }

    /// Snapshots stored interleaved: each reader's stretch holds the other snapshot's rows, which are left out
    /// (by the snapshot filter, and by their people, who are not this snapshot's); dates keep their range.
    @Test func foldKeepsTheSnapshotAndTheDates() throws {
        let store = try Store(people: 40, links: 3_000, snapshots: 2, interleaved: true, seed: 21)
        let since = try #require(CalendarDate("2026-10-20"))
        for s in 0..<2 {
            let (tallies, links) = try Self.fold(store, s, batch: 64, twoReadersFrom: 1, since: since)
            let pairs = tallies.flatMap(\.pairs)
            let expected = store.expected(s, since: "2026-10-20")
            #expect(links == expected.values.reduce(0) { $0 + $1.count } && links == pairs.count)
            #expect(Set(pairs) == Set(expected.keys))
        }
    }

    /// Merging runs into the columns directly: runs that share no pair, share every pair, or some, in any sizes.
    @Test func mergedRunsHoldEveryPairOnce() {
        var random = SplitMix(state: 42)
        let columns = TieColumns()
        var expected: [UInt64: (weight: Double, count: UInt32)] = [:]
        for round in 0..<60 {
            let size = Int(random.below(round % 7 == 0 ? 2_000 : 60))
            let span = UInt64([5, 50, 5_000][round % 3])
            var run: [UInt64: (weight: Double, count: UInt32)] = [:]
            for _ in 0..<size {
                let key = random.below(span) << 32 | random.below(span)
                run[key, default: (0, 0)].weight += 0.5
                run[key, default: (0, 0)].count += 1
            }
            let sorted = run.keys.sorted()
            let rows = sorted.map { (pair: $0, weight: run[$0]!.weight) }
            let counts = sorted.map { run[$0]!.count }
            rows.withUnsafeBufferPointer { r in counts.withUnsafeBufferPointer { c in columns.merge(r, counts: c) } }
            for (key, value) in run {
                expected[key, default: (0, 0)].weight += value.weight
                expected[key, default: (0, 0)].count += value.count
            }
            let keys = (0..<columns.count).map { columns.keys[$0] }
            #expect(keys == expected.keys.sorted(), "round \(round)")
            #expect((0..<columns.count).allSatisfy { k in
                expected[columns.keys[k]].map { $0.weight == columns.weights[k] && $0.count == columns.counts[k] } ?? false
            }, "round \(round)")
        }
    }
}
