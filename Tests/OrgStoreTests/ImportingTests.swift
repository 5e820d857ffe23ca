import Foundation
import GRDB
import Testing
import OrgFastPath
import OrgModel
@testable import OrgStore

/// `AppDatabase.importing(into:)`: a new database is built aside and appears whole, or not at all.
struct ImportingTests {
    struct Failure: Error {}

    func files(beside path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path).sorted()
    }

    @Test func aNewDatabaseAppearsWholeOnceTheImportSucceeds() throws {
        let path = temporaryPath()
        let id = try AppDatabase.importing(into: path, { db in
            #expect(!FileManager.default.fileExists(atPath: path))
            return try db.storeSnapshot(people: samplePeople, lines: [2, 3, 4, 5], asOf: day("2026-11-01"), log: record(4)).id
        }, retry: { _ in
            Issue.record("no other orgmap created the file")
            return 0
        })
        #expect(try files(beside: path) == ["orgmap.sqlite"])
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        let db = try AppDatabase.open(path: path, create: false)
        #expect(try db.snapshot().id == id)
        #expect(try Array(db.organization(snapshotID: id).people) == samplePeople)
        let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func aFailedImportLeavesNoFile() throws {
        let path = temporaryPath()
        #expect(throws: Failure.self) {
            try AppDatabase.importing(into: path, { db in
                try db.storeSnapshot(people: samplePeople, lines: [2, 3, 4, 5], asOf: day("2026-11-01"), log: record(4))
                throw Failure()
            }, retry: { _ in })
        }
        #expect(try files(beside: path).isEmpty)
    }

    /// Another orgmap creates the file while this one imports: theirs is kept, and this import lands in it.
    @Test func aDatabaseCreatedMeanwhileIsKeptAndImportedInto() throws {
        let path = temporaryPath()
        var retried = false
        try AppDatabase.importing(into: path, { db in
            try db.storeSnapshot(people: samplePeople, lines: [2, 3, 4, 5], asOf: day("2026-11-01"), log: record(4))
            let other = try AppDatabase.open(path: path, create: true)
            try other.storeSnapshot(people: Array(samplePeople.prefix(1)), lines: [2], asOf: day("2026-10-01"), log: record(1))
        }, retry: { db in
            retried = true
            try db.storeSnapshot(people: samplePeople, lines: [2, 3, 4, 5], asOf: day("2026-11-01"), log: record(4))
        })
        #expect(retried)
        #expect(try files(beside: path) == ["orgmap.sqlite"])
        let snapshots = try AppDatabase.open(path: path, create: false).snapshots()
        #expect(snapshots.map(\.personCount) == [1, 4])
    }

    @Test func anExistingDatabaseIsWrittenInPlace() throws {
        let path = temporaryPath()
        try AppDatabase.open(path: path, create: true).storeSnapshot(people: samplePeople, lines: [2, 3, 4, 5], asOf: day("2026-10-01"), log: record(4))
        try AppDatabase.importing(into: path, { db in
            try db.storeSnapshot(people: samplePeople, lines: [2, 3, 4, 5], asOf: day("2026-11-01"), log: record(4))
        }, retry: { _ in Issue.record("the file existed") })
        #expect(try AppDatabase.open(path: path, create: false).snapshots().count == 2)
    }
}

extension ImportingTests {
    /// An import killed while building a new database leaves its staging file; the next import removes it,
    /// and leaves alone those of imports still running.
    @Test func abandonedStagingFilesAreRemoved() throws {
        let path = temporaryPath()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let abandoned = ".orgmap.sqlite.\(finished.processIdentifier).new"
        // Left by an earlier process that had this one's id (in a container, orgmap is often PID 1).
        let ours = ".orgmap.sqlite.\(getpid()).new"
        let running = ".orgmap.sqlite.1.new"
        let unrelated = ".other.sqlite.\(finished.processIdentifier).new"
        for name in [abandoned, ours, running, unrelated] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        try AppDatabase.importing(into: path, { db in
            try db.storeSnapshot(people: samplePeople, lines: [2, 3, 4, 5], asOf: day("2026-11-01"), log: record(4))
        }, retry: { _ in Issue.record("no other orgmap created the file") })
        #expect(try files(beside: path) == [running, unrelated, "orgmap.sqlite"].sorted())
    }
}

extension ImportingTests {
    /// A file system that refuses hard links (FAT, SMB): the chart is imported at the path by `retry`, and no
    /// file is ever renamed over another.
    @Test func withoutHardLinksTheImportLandsThroughRetry() throws {
        let path = temporaryPath()
        var retried = false
        try AppDatabase.importing(into: path, { db in
            _ = try db.storeSnapshot(people: samplePeople, lines: [2, 3, 4, 5], asOf: day("2026-11-01"), log: record(4))
        }, retry: { db in
            retried = true
            _ = try db.storeSnapshot(people: Array(samplePeople.prefix(2)), lines: [2, 3], asOf: day("2026-11-01"), log: record(2))
        }, link: { _, _ in false })
        #expect(retried)
        #expect(try files(beside: path) == ["orgmap.sqlite"])
        #expect(try AppDatabase.open(path: path, create: false).snapshots().map(\.personCount) == [2])
    }

    /// NFS can answer "exists" for a link it made: the two names are one file, so the import is done.
    @Test func aLinkReportedFailedButMadeCounts() throws {
        let path = temporaryPath()
        try AppDatabase.importing(into: path, { db in
            _ = try db.storeSnapshot(people: samplePeople, lines: [2, 3, 4, 5], asOf: day("2026-11-01"), log: record(4))
        }, retry: { _ in Issue.record("the link was made") }, link: { staging, path in
            _ = link(staging, path)
            return false
        })
        #expect(try files(beside: path) == ["orgmap.sqlite"])
        #expect(try AppDatabase.open(path: path, create: false).snapshots().map(\.personCount) == [4])
    }
}
