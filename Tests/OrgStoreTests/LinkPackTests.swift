import Foundation
import GRDB
@testable import OrgFastPath
import OrgModel
import OrgStore
import Testing

/// The packed links (schema version 4): read instead of the link table when current, they give the same pairs,
/// counts and sums; ranges of whole months are read from them, other ranges from the table; any change to links
/// made by hand, a date they cannot hold or a damaged run sends the report back to the table.
struct LinkPackTests {
    typealias Store = TieLoaderTests.Store

    /// Links across three months and undated ones (dates rewritten by hand, then the snapshot packed in chunks of
    /// `chunk`, so pairs repeat within runs and across them).
    static func store(chunk: Int, seed: UInt64, snapshots: Int = 1) throws -> Store {
        let store = try Store(people: 50, links: 6_000, snapshots: snapshots, seed: seed)
        var random = TieLoaderTests.SplitMix(state: seed &+ 99)
        try store.db.bulkWrite { db in
            for s in 0..<snapshots {
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM link WHERE snapshot_id = ? ORDER BY id", arguments: [store.snapshots[s]])
                for (k, id) in ids.enumerated() {
                    let date: String? = switch random.below(4) {
                    case 0: nil
                    case 1: "2026-09-\(10 + random.below(21))"
                    case 2: "2026-10-0\(1 + random.below(9))"
                    default: "2026-11-\(10 + random.below(21))"
                    }
                    store.links[s][k].date = date ?? ""
                    try db.execute(sql: "UPDATE link SET date = ? WHERE id = ?", arguments: [date, id])
                }
                try LinkPack.rebuild(db, snapshotID: store.snapshots[s], chunk: chunk)
                #expect(try LinkPack.isCurrent(db, snapshotID: store.snapshots[s]))
            }
        }
        return store
    }

    /// The expected sums for a range; undated links (stored here as "") only when no range is given.
    static func expected(_ store: Store, _ s: Int, since: String? = nil, until: String? = nil) -> [UInt64: (weight: Double, count: Int)] {
        var sums: [UInt64: (weight: Double, count: Int)] = [:]
        for link in store.links[s] {
            if since != nil || until != nil {
                guard !link.date.isEmpty, since.map({ link.date >= $0 }) ?? true, until.map({ link.date <= $0 }) ?? true else { continue }
            }
            let key = UInt64(min(link.source, link.target)) << 32 | UInt64(max(link.source, link.target))
            sums[key, default: (0, 0)].weight += link.weight
            sums[key, default: (0, 0)].count += 1
        }
        return sums
    }

    static func usesPack(_ store: Store, _ s: Int = 0, since: CalendarDate? = nil, until: CalendarDate? = nil) throws -> Bool {
        try store.db.read { db in try ReadPlan(db, snapshotID: store.snapshots[s], since: since, until: until).pack != nil }
    }

    /// Two readers from the first entry: each merges the pairs of half the people.
    static let twoReaders = TieLoaderTests.tuning(chunkRows: 1 << 21, twoReadersFrom: 1)

    @Test(arguments: [1, 37, 1_000, 1 << 20])
    func packedTiesAreTheLinkTablesTies(chunk: Int) throws {
        let store = try Self.store(chunk: chunk, seed: UInt64(chunk))
        #expect(try Self.usesPack(store))
        let runs = try store.db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM link_pack") }
        #expect(runs == (6_000 + chunk - 1) / chunk)
        let one = try store.db.tieTable(snapshotID: store.snapshots[0]), two = try store.db.tieTable(snapshotID: store.snapshots[0], tuning: Self.twoReaders)
        TieLoaderTests.check(one, against: Self.expected(store, 0))
        TieLoaderTests.check(two, against: Self.expected(store, 0))
        #expect(two.ties.map(\.weight.bitPattern) == one.ties.map(\.weight.bitPattern), "a pair's entries are added in run order either way")
        #expect(try store.db.linkCounts() == [store.snapshots[0]: 6_000])
        let state = try store.db.read { db in try Row.fetchOne(db, sql: "SELECT links, format FROM link_pack_state") }
        #expect(state?["links"] == 6_000 && state?["format"] == LinkPack.format)
        try store.db.write { db in try db.execute(sql: "UPDATE link_pack_state SET links = 5999") }
        #expect(try store.db.linkCounts() == [store.snapshots[0]: 5_999], "taken from the pack's state, not counted")
    }

    /// Whole months come from the pack, other days from the table; both keep exactly the range.
    @Test func monthsFromThePackOtherDaysFromTheTable() throws {
        let store = try Self.store(chunk: 500, seed: 3)
        let cases: [(since: String?, until: String?, packed: Bool)] = [
            ("2026-10-01", "2026-10-31", true), ("2026-09-01", nil, true), (nil, "2026-10-31", true), ("2026-11-01", "2026-09-30", true),
            ("2026-10-02", "2026-10-31", false), ("2026-09-01", "2026-11-29", false), ("2026-10-05", nil, false),
        ]
        for c in cases {
            let since = c.since.flatMap(CalendarDate.init), until = c.until.flatMap(CalendarDate.init)
            #expect(try Self.usesPack(store, since: since, until: until) == c.packed, "\(c)")
            for tuning in [TieLoader.Tuning(), Self.twoReaders] {
                let table = try store.db.tieTable(snapshotID: store.snapshots[0], since: since, until: until, tuning: tuning)
                TieLoaderTests.check(table, against: Self.expected(store, 0, since: c.since, until: c.until))
            }
        }
    }

    /// Inserting, changing or deleting a link by hand makes the pack stale: the table is read, the change counts.
    @Test(arguments: ["insert", "update", "delete"])
    func aChangeByHandIsReadFromTheTable(change: String) throws {
        let store = try Self.store(chunk: 700, seed: 5)
        let snapshot = store.snapshots[0]
        try store.db.write { db in
            let first = try #require(try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM person WHERE snapshot_id = ?", arguments: [snapshot]))
            let link = try #require(try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM link"))
            switch change {
            case "insert":
                try db.execute(sql: "INSERT INTO link (snapshot_id, import_id, source_id, target_id, weight) VALUES (?, 1, ?, ?, 2.5)", arguments: [snapshot, first, first + 1])
                store.links[0].append(.init(source: 0, target: 1, weight: 2.5, date: ""))
            case "update":
                try db.execute(sql: "UPDATE link SET weight = weight + 1 WHERE id = ?", arguments: [link])
                store.links[0][0].weight += 1
            default:
                try db.execute(sql: "DELETE FROM link WHERE id = ?", arguments: [link])
                store.links[0].removeFirst()
            }
        }
        #expect(try !Self.usesPack(store))
        TieLoaderTests.check(try store.db.tieTable(snapshotID: snapshot), against: Self.expected(store, 0))
        #expect(try store.db.linkCounts() == [snapshot: store.links[0].count], "counted in the table")
    }

    /// REPLACE deletes the link it replaces without firing delete triggers: the replaced link's snapshot is stale
    /// too, whether a new link takes its id or another snapshot's link moves onto it.
    @Test(arguments: [false, true])
    func aLinkReplacedStalesItsSnapshot(moving: Bool) throws {
        let store = try Self.store(chunk: 800, seed: 29, snapshots: 2)
        let (first, second) = (store.snapshots[0], store.snapshots[1])
        try store.db.write { db in
            let replaced = try #require(try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM link WHERE snapshot_id = ?", arguments: [first]))
            if moving {
                try db.execute(sql: "UPDATE OR REPLACE link SET id = ? WHERE id = (SELECT MIN(id) FROM link WHERE snapshot_id = ?)", arguments: [replaced, second])
            } else {
                try db.execute(sql: """
                    REPLACE INTO link (id, snapshot_id, import_id, source_id, target_id, weight)
                    SELECT ?, snapshot_id, import_id, source_id, target_id, 1 FROM link WHERE id = (SELECT MIN(id) FROM link WHERE snapshot_id = ?)
                    """, arguments: [replaced, second])
            }
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM link WHERE snapshot_id = ?", arguments: [first]) == 5_999)
        }
        store.links[0].removeFirst()
        #expect(try !Self.usesPack(store, 0), "the snapshot that lost a link")
        TieLoaderTests.check(try store.db.tieTable(snapshotID: first), against: Self.expected(store, 0))
        #expect(try store.db.linkCounts()[first] == 5_999)
    }

    /// Runs inserted, changed or deleted by hand, or a trigger dropped: the pack is not trusted.
    @Test(arguments: [
        "DELETE FROM link_pack WHERE id = (SELECT MAX(id) FROM link_pack)",
        "UPDATE link_pack SET base = base + 1",
        "INSERT INTO link_pack (snapshot_id, base, entries, data) SELECT snapshot_id, base, entries, data FROM link_pack LIMIT 1",
        "DROP TRIGGER link_pack_stale_on_update",
    ])
    func runsOrTriggersChangedByHandAreNotTrusted(statement: String) throws {
        let store = try Self.store(chunk: 1_500, seed: 31)
        #expect(try Self.usesPack(store))
        try store.db.write { db in try db.execute(sql: statement) }
        #expect(try !Self.usesPack(store))
        TieLoaderTests.check(try store.db.tieTable(snapshotID: store.snapshots[0], tuning: Self.twoReaders), against: Self.expected(store, 0))
        #expect(try store.db.linkCounts() == [store.snapshots[0]: 6_000])
    }

    /// A run's row with values orgmap never writes (triggers dropped first, as a careless hand would): read from
    /// the table, no crash, no room reserved for a billion ties.
    @Test(arguments: ["base = 'x'", "entries = -1", "entries = 1.5", "entries = 9000000000000", "base = 9223372036854775000", "data = 'text'"])
    func aRunOfOtherValuesIsNotRead(change: String) throws {
        let store = try Self.store(chunk: 2_000, seed: 37)
        try store.db.bulkWrite { db in
            try LinkPack.withoutStaleTriggers(db) { try db.execute(sql: "UPDATE link_pack SET \(change) WHERE id = (SELECT MIN(id) FROM link_pack)") }
        }
        #expect(try store.db.read { db in try LinkPack.isTrusted(db, snapshotID: store.snapshots[0]) }, "the state still says current")
        #expect(try !Self.usesPack(store))
        TieLoaderTests.check(try store.db.tieTable(snapshotID: store.snapshots[0], tuning: Self.twoReaders), against: Self.expected(store, 0))
    }

    /// A date the pack cannot hold as a month (not a day of the calendar, or not text): nothing is packed.
    @Test(arguments: ["'2026-02-30'", "20261001", "'2026-10-1'"])
    func aDateThatIsNoDayLeavesTheSnapshotUnpacked(date: String) throws {
        let store = try Self.store(chunk: 400, seed: 8)
        try store.db.bulkWrite { db in
            try db.execute(sql: "UPDATE link SET date = \(date) WHERE id = (SELECT MIN(id) FROM link)")
            try LinkPack.rebuild(db, snapshotID: store.snapshots[0], chunk: 400)
            #expect(try !LinkPack.isCurrent(db, snapshotID: store.snapshots[0]))
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM link_pack") == 0, "no runs left behind")
        }
        #expect(try !Self.usesPack(store))
    }

    /// A run rewritten out of order or cut short, its triggers dropped first (a careless hand): a run of the wrong
    /// size is refused when the read is planned, one out of order when it is read; the table is read either way.
    @Test(arguments: ["reversed", "short"])
    func aDamagedRunIsReadFromTheTable(damage: String) throws {
        let store = try Self.store(chunk: 6_000, seed: 13)
        try store.db.bulkWrite { db in
            let data = try #require(try Data.fetchOne(db, sql: "SELECT data FROM link_pack"))
            var damaged = Data()
            if damage == "short" {
                damaged = data.dropLast(24)
            } else {
                for entry in (0..<(data.count / 24)).reversed() { damaged.append(data[(entry * 24)..<(entry * 24 + 24)]) }
            }
            try LinkPack.withoutStaleTriggers(db) { try db.execute(sql: "UPDATE link_pack SET data = ?", arguments: [damaged]) }
        }
        #expect(try Self.usesPack(store) == (damage == "reversed"), "out of order shows only when read")
        TieLoaderTests.check(try store.db.tieTable(snapshotID: store.snapshots[0]), against: Self.expected(store, 0))
        TieLoaderTests.check(try store.db.tieTable(snapshotID: store.snapshots[0], tuning: Self.twoReaders), against: Self.expected(store, 0))
        let (tallies, links) = try TieLoaderTests.fold(store, 0, batch: 100, twoReadersFrom: 1)
        #expect(links == 6_000 && tallies.reduce(0) { $0 + $1.pairs.count } == 6_000, "the table's links, one by one")
    }

    /// The comparison's fold from the pack: every kept entry once, summing to the table's pairs, by month too.
    @Test func foldFromThePackAddsUpToThePairs() throws {
        let store = try Self.store(chunk: 900, seed: 17, snapshots: 2)
        for (since, until) in [(nil, nil), ("2026-10-01", "2026-11-30")] as [(String?, String?)] {
            let expected = Self.expected(store, 1, since: since, until: until)
            var tuning = TieLoader.Tuning()
            tuning.foldBatch = 64
            let (tallies, links) = try TieLoader.fold(
                store.db, snapshotID: store.snapshots[1], since: since.flatMap(CalendarDate.init), until: until.flatMap(CalendarDate.init),
                tuning: tuning, start: { TieLoaderTests.Collected() }
            ) { tally, pairs, weights, counts in
                tally.pairs += pairs
                tally.weights += weights
                tally.counts += (counts?.map(Int.init))!
            }
            #expect(tallies.count == 2, "two readers over the runs")
            #expect(links == expected.values.reduce(0) { $0 + $1.count })
            #expect(tallies.reduce(0) { $0 + $1.pairs.count } < links, "entries sum a pair's links of a month")
            var sums: [UInt64: (weight: Double, count: Int)] = [:]
            for tally in tallies {
                for k in tally.pairs.indices {
                    sums[tally.pairs[k], default: (0, 0)].weight += tally.weights[k]
                    sums[tally.pairs[k], default: (0, 0)].count += tally.counts[k]
                }
            }
            #expect(sums.keys.sorted() == expected.keys.sorted())
            #expect(sums.allSatisfy { abs($0.value.weight - expected[$0.key]!.weight) <= 1e-12 * $0.value.weight && $0.value.count == expected[$0.key]!.count })
        }
    }

    /// The same packed database read again gives the same sums to the bit.
    @Test func packedReadsGiveTheSameBitsEveryTime() throws {
        let store = try Self.store(chunk: 250, seed: 19)
        let first = try store.db.tieTable(snapshotID: store.snapshots[0], tuning: Self.twoReaders).ties
        for _ in 0..<3 {
            let again = try store.db.tieTable(snapshotID: store.snapshots[0], tuning: Self.twoReaders).ties
            #expect(again.map(\.weight.bitPattern) == first.map(\.weight.bitPattern))
        }
    }

    /// orgmap's own writes leave the triggers as the schema has them.
    @Test func theStaleTriggersComeBackAfterAWrite() throws {
        let store = try Self.store(chunk: 1_000, seed: 23)
        func triggers() throws -> [String] {
            try store.db.read { db in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name") }
        }
        let before = try triggers()
        #expect(before.count == AppDatabase.linkPackTriggers.count)
        let names = try store.db.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name") }
        #expect(names == AppDatabase.linkPackTriggers.sorted(), "every trigger of the schema is one the pack relies on")
        try store.db.removeSnapshot(id: store.snapshots[0])
        #expect(try triggers() == before)
        #expect(try store.db.read { db in try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM link_pack) + (SELECT COUNT(*) FROM link_pack_state)") } == 0)
    }
}
