import Foundation
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
        #expect(after.integrity == "ok")
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
        #expect(after.integrity == "ok")
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
        #expect(try DatabaseState(cli).integrity == "ok")
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

/// What a user and `sqlite3` see of a database: orgmap's own listings, and table counts and integrity from SQLite.
struct DatabaseState: Equatable {
    var snapshots: String
    var org: String
    var counts: String
    var integrity: String

    init(_ cli: CLI) throws {
        let snapshots = try cli.run("snapshots")
        #expect(snapshots.status == 0, "\(snapshots.stderr)")
        self.snapshots = snapshots.stdout
        let org = try cli.run("org", "--format", "json")
        #expect(org.status == 0, "\(org.stderr)")
        self.org = org.stdout
        if SQLiteShell.isAvailable {
            counts = try SQLiteShell.query(cli, """
                SELECT (SELECT COUNT(*) FROM snapshot), (SELECT COUNT(*) FROM person), (SELECT COUNT(*) FROM link),
                       (SELECT COUNT(*) FROM import_log), (SELECT COUNT(*) FROM dotted_line), (SELECT COUNT(*) FROM department)
                """)
            integrity = try SQLiteShell.query(cli, "PRAGMA integrity_check") + (try SQLiteShell.query(cli, "PRAGMA foreign_key_check"))
        } else {
            counts = ""
            integrity = "ok"
        }
    }
}

/// The `sqlite3` command-line shell, when installed (`.ci/run` installs it with libsqlite3-dev).
enum SQLiteShell {
    static let path = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/opt/homebrew/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var isAvailable: Bool { path != nil }

    /// Runs one statement on the test folder's orgmap.sqlite and returns its output, trimmed.
    static func query(_ cli: CLI, _ sql: String) throws -> String {
        let result = try cli.run(arguments: ["orgmap.sqlite", sql], executable: URL(fileURLWithPath: try #require(path)))
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
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
