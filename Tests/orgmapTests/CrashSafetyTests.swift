import Foundation
import GRDB
import OrgStore
import Testing

/// `kill -9` in the middle of an import: SQLite's write-ahead log is the only thing between the import and the
/// file, so the database must open valid, with the previous snapshot, its links and its import log as they were,
/// and nothing of the killed import.
struct CrashSafetyTests {
    @Test func killedLinksImportLeavesThePreviousStateIntact() throws {
        let cli = try CrashSafetyTests.bigLinksFolder()
        let before = try DatabaseState(cli)

        let killed = try BackgroundRun(cli, "import", "links", "links.csv")
        killed.killMidImport(after: 0.3, once: "attached to snapshot")
        #expect(killed.wasKilled, "the import finished before it could be killed; make --links bigger")

        let after = try DatabaseState(cli)
        #expect(after == before)
        #expect(after.integrity == [])
        // The database stays writable: the lock died with the process.
        let again = try cli.run("import", "links", "first-links.csv", "--quiet")
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test func killedOrgChartImportLeavesNoPartialSnapshot() throws {
        let cli = try CLI()
        try #require(try cli.run("generate", "--people", "\(CrashSafetyTests.bigPeople)", "--departments", "20", "--links", "0", "--out", ".").status == 0)
        try cli.write("small.csv", try cli.fixture("people.csv"))
        try #require(try cli.run("import", "people", "small.csv", "--as-of", "2026-10-01").status == 0)
        let before = try DatabaseState(cli)

        let killed = try BackgroundRun(cli, "import", "people", "people.csv", "--as-of", "2026-11-01")
        killed.killMidImport(after: 0.1, once: "read as comma-separated")
        #expect(killed.wasKilled, "the import finished before it could be killed; make --people bigger")

        let after = try DatabaseState(cli)
        #expect(after == before)
        #expect(after.integrity == [])
        #expect(after.snapshots.contains("small.csv"))
        #expect(!after.snapshots.contains("2026-11-01"))
    }

    /// The first import builds the database under a temporary name: killed, it leaves no `orgmap.sqlite`, and
    /// the next import removes what it left and succeeds.
    @Test func killedFirstImportLeavesNoDatabase() throws {
        let cli = try CLI()
        try #require(try cli.run("generate", "--people", "\(CrashSafetyTests.bigPeople)", "--departments", "20", "--links", "0", "--out", ".").status == 0)
        func staging() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cli.folder.path)) ?? []).filter { $0.hasPrefix(".orgmap.sqlite.") }
        }
        let killed = try BackgroundRun(cli, "import", "people", "people.csv")
        let deadline = Date().addingTimeInterval(60)
        while killed.process.isRunning, staging().isEmpty, Date() < deadline { usleep(1_000) }
        usleep(50_000)
        kill(killed.process.processIdentifier, SIGKILL)
        killed.process.waitUntilExit()
        #expect(killed.wasKilled, "the import finished before it could be killed; make --people bigger")
        #expect(!FileManager.default.fileExists(atPath: cli.path("orgmap.sqlite")))
        #expect(!staging().isEmpty)

        let again = try cli.run("import", "people", "people.csv", "--quiet")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(staging().isEmpty)
        #expect(try DatabaseState(cli).integrity == [])
    }

    /// Removing a snapshot with its links is one transaction: killed while it writes (its pages reaching the
    /// write-ahead log), the snapshot and every link are still there, never a part of them, and the file is sound.
    @Test func killedRemovalLeavesEverythingInPlace() throws {
        let cli = try CrashSafetyTests.bigLinksFolder()
        try #require(try cli.run("import", "links", "links.csv", "--quiet").status == 0)
        try #require(try cli.run("import", "people", "people.csv", "--as-of", "2026-12-01", "--quiet").status == 0)
        let before = try DatabaseState(cli)

        let killed = try BackgroundRun(cli, "snapshots", "remove", "1", "--yes")
        killed.killMidImport(after: 3600, once: "never printed", orWhenTheLogReaches: 32 << 10)
        #expect(killed.wasKilled, "the removal finished before it could be killed")

        let after = try DatabaseState(cli)
        #expect(after == before)
        #expect(after.integrity == [])
        let removed = try cli.run("snapshots", "remove", "1", "--yes")
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try SQLiteCheck.counts(cli, ["snapshot WHERE id = 1", "person WHERE snapshot_id = 1", "link WHERE snapshot_id = 1", "snapshot"]) == [0, 0, 0, 1])
    }

    /// Taking back a links import is one transaction too: killed while it writes, every link is still there.
    @Test func killedImportRemovalLeavesEveryLinkInPlace() throws {
        let cli = try CrashSafetyTests.bigLinksFolder()
        try #require(try cli.run("import", "links", "links.csv", "--quiet").status == 0)
        let before = try DatabaseState(cli)

        let killed = try BackgroundRun(cli, "imports", "remove", "3", "--yes")
        killed.killMidImport(after: 3600, once: "never printed", orWhenTheLogReaches: 32 << 10)
        #expect(killed.wasKilled, "the removal finished before it could be killed")

        let after = try DatabaseState(cli)
        #expect(after == before)
        #expect(after.integrity == [])
        #expect(try cli.run("imports", "remove", "3", "--yes").status == 0)
        #expect(try SQLiteCheck.counts(cli, ["link", "import_log"]) == [1_000, 2])
    }

    /// A folder with a generated org chart of 2,000 people and `links.csv` of ``bigLinks`` links, its database
    /// holding the chart and the file's first 1,000 links: the next import of `links.csv` writes for seconds.
    static func bigLinksFolder() throws -> CLI {
        let cli = try CLI()
        try #require(try cli.run("generate", "--people", "2000", "--links", "\(bigLinks)", "--out", ".").status == 0)
        let firstLinks = try String(contentsOfFile: cli.path("links.csv"), encoding: .utf8).split(separator: "\n").prefix(1_001).joined(separator: "\n") + "\n"
        try cli.write("first-links.csv", firstLinks)
        try #require(try cli.run("import", "people", "people.csv", "--as-of", "2026-10-01").status == 0)
        try #require(try cli.run("import", "links", "first-links.csv").status == 0)
        return cli
    }

    /// Sized so that each import writes for a few seconds in a debug build: long enough to be killed mid-write.
    static let bigLinks = 150_000
    static let bigPeople = 40_000
}

/// What a user and SQLite see of a database: orgmap's own listings, and table counts and integrity from SQLite,
/// read in process through GRDB.
struct DatabaseState: Equatable {
    var snapshots: String
    var org: String
    var counts: [Int]
    /// What `integrity_check` and `foreign_key_check` report; empty for a sound file.
    var integrity: [String]

    init(_ cli: CLI) throws {
        let snapshots = try cli.run("snapshots")
        #expect(snapshots.status == 0, "\(snapshots.stderr)")
        self.snapshots = snapshots.stdout
        let org = try cli.run("org", "--format", "json")
        #expect(org.status == 0, "\(org.stderr)")
        self.org = org.stdout
        counts = try SQLiteCheck.counts(cli, ["snapshot", "person", "link", "import_log", "dotted_line", "department"])
        integrity = try SQLiteCheck.problems(cli)
    }
}

/// The folder's `orgmap.sqlite` as SQLite sees it.
enum SQLiteCheck {
    /// Rows in each table, in the order given.
    static func counts(_ cli: CLI, _ tables: [String], database: String = "orgmap.sqlite") throws -> [Int] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: cli.path(database), configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in try tables.map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 } }
    }

    /// What `PRAGMA integrity_check` and `PRAGMA foreign_key_check` find wrong.
    static func problems(_ cli: CLI, database: String = "orgmap.sqlite") throws -> [String] {
        let db = try AppDatabase.open(path: cli.path(database), create: false)
        defer { try? db.close() }
        return try db.integrityProblems()
    }
}

/// An `orgmap` run left going in the background, its outputs in files of the test folder.
final class BackgroundRun {
    let process = Process()
    let cli: CLI
    private let name = UUID().uuidString

    init(_ cli: CLI, _ arguments: String...) throws {
        self.cli = cli
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = cli.folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "ORGMAP_DB")
        environment.removeValue(forKey: "ORGMAP_ANONYMIZE_KEY")
        process.environment = environment
        try Data().write(to: URL(fileURLWithPath: cli.path("\(name).out")))
        try Data().write(to: URL(fileURLWithPath: cli.path("\(name).err")))
        process.standardOutput = FileHandle(forWritingAtPath: cli.path("\(name).out"))
        process.standardError = FileHandle(forWritingAtPath: cli.path("\(name).err"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Kills the run with SIGKILL `delay` seconds after its standard error first shows `marker` (the line an import
    /// logs once its input is read and it starts writing), or as soon as the write-ahead log holds `walBytes`
    /// (the commit is being written), whichever comes first.
    func killMidImport(after delay: TimeInterval, once marker: String, orWhenTheLogReaches walBytes: Int = 256 << 10, timeout: TimeInterval = 120) {
        let deadline = Date().addingTimeInterval(timeout)
        var writingSince: Date?
        while process.isRunning, Date() < deadline {
            if writingSince == nil, let err = FileManager.default.contents(atPath: cli.path("\(name).err")), String(decoding: err, as: UTF8.self).contains(marker) {
                writingSince = Date()
            }
            let wal = (try? FileManager.default.attributesOfItem(atPath: cli.path("orgmap.sqlite-wal"))[.size] as? Int) ?? 0
            if wal >= walBytes || writingSince.map({ Date().timeIntervalSince($0) >= delay }) == true {
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
    }

    var wasKilled: Bool { process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL }

    /// Waits for the end and returns status and outputs.
    func wait() -> CLI.Result {
        process.waitUntilExit()
        let out = FileManager.default.contents(atPath: cli.path("\(name).out")) ?? Data()
        let err = FileManager.default.contents(atPath: cli.path("\(name).err")) ?? Data()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}
