#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GRDB
import OrgMapMigrations
import OrgModel

/// The orgmap database: snapshots of org charts, their people and reporting lines, and the import log.
///
/// Opening it applies the embedded migrations; a database written by a newer orgmap is refused.
public struct AppDatabase: Sendable {
    /// The triggers that mark a snapshot's packed links stale on changes made outside orgmap (migrations 0004 and
    /// 0005, docs/schema.md). A pack is trusted only while every one of them exists as its migration wrote it.
    package static let linkPackTriggers = [
        "link_pack_stale_on_insert", "link_pack_stale_on_delete", "link_pack_stale_on_update", "link_pack_stale_on_replace",
        "link_pack_stale_on_move", "link_pack_stale_on_run_insert", "link_pack_stale_on_run_update", "link_pack_stale_on_run_delete",
    ]

    /// SQL that is true while every one of ``linkPackTriggers`` exists, each as its migration wrote it: a trigger
    /// made again by hand under the same name, with another body, does not count.
    package static let linkPackIsGuarded: String = {
        func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        let expected = linkPackTriggers.map { name in
            guard let sql = linkPackTriggerSQL(name) else { preconditionFailure("no migration creates the trigger \(name)") }
            return "(\(literal(name)), \(literal(sql)))"
        }
        return """
            (SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND (name, sql) IN (VALUES \(expected.joined(separator: ", ")))) = \(linkPackTriggers.count)
            """
    }()

    /// The `CREATE TRIGGER` statement of one of ``linkPackTriggers`` as its migration wrote it (without the closing
    /// semicolon, as `sqlite_master` keeps it), from the last migration that creates it, for putting back a trigger
    /// dropped by hand; nil for a name no migration creates.
    package static func linkPackTriggerSQL(_ name: String) -> String? {
        for migration in Migrations.all.reversed() {
            guard let start = migration.sql.range(of: "CREATE TRIGGER \(name) "),
                  let end = migration.sql.range(of: "\nEND;", range: start.upperBound..<migration.sql.endIndex) else { continue }
            return String(migration.sql[start.lowerBound..<end.upperBound].dropLast())
        }
        return nil
    }

    /// Written in the SQLite header so orgmap recognises its own files ("ORGM").
    public static let applicationID: Int32 = 0x4F52_474D
    /// What messages call this database: its path, or `:memory:`.
    public let path: String
    private let writer: any DatabaseWriter

    /// Wraps a writer and migrates it. Throws ``OrgMapError/databaseTooNew(path:unknownMigrations:)``
    /// or ``OrgMapError/notAnOrgmapDatabase(path:reason:)`` instead of touching a database it does not own.
    public init(_ writer: any DatabaseWriter, path: String) throws {
        self.writer = writer
        self.path = path
        do {
            // Another orgmap may be creating the schema of the same new file at this moment: a statement then
            // fails on a table that appeared or is not there yet, its transaction rolls back, and the checks and
            // migrations run again on what the other committed. Each migration is one IMMEDIATE transaction.
            for attempt in 0... {
                do {
                    try writer.writeWithoutTransaction { db in
                        try Self.checkOwnership(db, path: path)
                        let migrator = Self.migrator
                        if try migrator.hasBeenSuperseded(db) {
                            let known = Set(Migrations.all.map(\.identifier))
                            let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                            throw OrgMapError.databaseTooNew(path: path, unknownMigrations: applied.filter { !known.contains($0) })
                        }
                    }
                    try Self.migrator.migrate(writer)
                    break
                } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR && attempt < Migrations.all.count + 1 {
                    continue
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw OrgMapError.notAnOrgmapDatabase(path: path, reason: "it is not a SQLite file")
        }
    }

    /// Opens (creating when `create` is true) the database file at `path`, in WAL mode, waiting up to
    /// `busyTimeout` seconds for another orgmap writing to it. A new file is readable by its owner only.
    public static func open(path: String, create: Bool, busyTimeout: TimeInterval = 30) throws -> AppDatabase {
        try open(file: path, named: path, create: create, staging: false, busyTimeout: busyTimeout)
    }

    /// Runs `body` on the database at `path`, for an import. When there is no database there yet, it is built
    /// under a temporary name beside `path` and moved into place only once `body` has returned, so an import
    /// that fails leaves no file behind. If another orgmap created `path` in the meantime, or the file system
    /// cannot link files, the new file is dropped and `retry` runs on the database at `path` (created there if
    /// need be, as ``open(path:create:busyTimeout:)`` does): by then the input is read, so `retry` stores what
    /// `body` had read.
    public static func importing<T>(into path: String, _ body: (AppDatabase) throws -> T, retry: (AppDatabase) throws -> T) throws -> T {
        try importing(into: path, body, retry: retry, link: { link($0, $1) == 0 })
    }

    /// `link` makes the new name, true on success: tests stand in for file systems that refuse hard links or
    /// answer "exists" for a link they made.
    @discardableResult
    static func importing<T>(
        into path: String, _ body: (AppDatabase) throws -> T, retry: (AppDatabase) throws -> T, link: (String, String) -> Bool
    ) throws -> T {
        if FileManager.default.fileExists(atPath: path) {
            return try body(open(path: path, create: false))
        }
        let url = URL(fileURLWithPath: path)
        removeAbandonedStagingFiles(of: url)
        let staging = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).new").path
        let failure = createExclusively(staging)
        guard failure == 0 else { throw cannotCreate(path, failure) }
        defer { for suffix in ["", "-wal", "-shm"] { unlink(staging + suffix) } }
        let result: T
        do {
            let db = try open(file: staging, named: path, create: false, staging: true, busyTimeout: 30)
            result = try body(db)
            try db.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try db.close()
            // Written without syncs (see open): synced once, whole, before it gets its name.
            let failure = syncFile(staging)
            guard failure == 0 else {
                throw OrgMapError.unwritableFile(path: path, reason: String(cString: strerror(failure)))
            }
        }
        // link(2) never replaces a file: a database another orgmap created meanwhile is kept. (rename(2) would
        // replace it, so a file system without hard links, FAT or SMB, takes the `retry` path instead.)
        // On NFS a lost reply can report EEXIST for a link that was made: then the two names are one file.
        if link(staging, path) || isSameFile(staging, path) {
            // The new name is made durable with its folder.
            _ = syncFile(url.deletingLastPathComponent().path)
            return result
        }
        return try retry(open(path: path, create: true))
    }

    /// Staging files (`.NAME.PID.new`) of imports whose process is gone, killed before it could clean up; one
    /// bearing this process's id is from an earlier process that had it (in a container, orgmap is often PID 1).
    /// (Folders shared between machines or PID namespaces could see a live import's file as abandoned: that
    /// import then fails with a message, it loses nothing.)
    private static func removeAbandonedStagingFiles(of url: URL) {
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dot = rest.firstIndex(of: "."), ["new", "new-wal", "new-shm"].contains(rest[rest.index(after: dot)...]),
                  let pid = pid_t(rest[..<dot]), pid > 0, pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) else { continue }
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// `staging` is for a new file nobody else knows of yet, thrown away on any failure: it is written without a
    /// journal on disk and without syncs, the fastest way SQLite loads (docs/reliability.md).
    private static func open(file: String, named path: String, create: Bool, staging: Bool, busyTimeout: TimeInterval) throws -> AppDatabase {
        var created = false
        if !FileManager.default.fileExists(atPath: file) {
            guard create else { throw OrgMapError.noSnapshot(path: path) }
            // O_EXCL: another orgmap may be creating the same file this instant; theirs is then used as it is,
            // never replaced. SQLite gives the -wal and -shm files the permissions of the database file.
            switch createExclusively(file) {
            case 0: created = true
            case EEXIST: break
            case let failure: throw cannotCreate(path, failure)
            }
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        // WAL lets a report read while another process imports. Set by hand rather than with DatabasePool,
        // which writes a dummy table on open: a refused or failed command must leave the file byte for byte.
        config.prepareDatabase { db in
            // 16 MiB of page cache. Imports append to their tables and indexes, so a larger cache bought no speed
            // (5M links, 1M people) and only made memory grow with the file until it was full (docs/benchmarks.md).
            try db.execute(sql: "PRAGMA cache_size = -16384")
            if staging {
                try db.execute(sql: "PRAGMA journal_mode = MEMORY")
                try db.execute(sql: "PRAGMA synchronous = OFF")
                return
            }
            // SQLite's advice for WAL: a commit is not synced at once, only at checkpoints. A crash of orgmap or
            // of the machine still leaves the database consistent; the machine's crash may lose the last import.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                // Switching needs the file to itself, and SQLite answers BUSY at once, without the busy timeout,
                // while another orgmap opens the same new file: wait and try again.
                let deadline = Date().addingTimeInterval(busyTimeout)
                while true {
                    do {
                        try db.execute(sql: "PRAGMA journal_mode = WAL")
                        break
                    } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                        usleep(10_000)
                    }
                }
            }
        }
        do {
            let queue = try DatabaseQueue(path: file, configuration: config)
            return try AppDatabase(queue, path: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw OrgMapError.notAnOrgmapDatabase(path: path, reason: "it is not a SQLite file")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
            throw OrgMapError.unwritableFile(path: path, reason: "the database cannot be opened to write to it (the file, its -wal and -shm files, or its folder are read-only: check their permissions)")
        } catch let error as DatabaseError {
            // Only a file this run created and nobody wrote to: another orgmap may be using it.
            if created, (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) == 0 {
                try? FileManager.default.removeItem(atPath: file)
            }
            throw OrgMapError.notAnOrgmapDatabase(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// An empty database in memory, for tests and the demo.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(), path: ":memory:")
    }

    /// Another connection to the same database, for reading on another thread at the same time (WAL lets
    /// readers run side by side); the same value for a database in memory, which has one connection only.
    public func anotherConnection() throws -> AppDatabase {
        path == ":memory:" ? self : try AppDatabase.open(path: path, create: false)
    }

    /// Closes the file now rather than when the last copy of this value goes; further use throws.
    public func close() throws {
        try writer.close()
    }

    var reader: any DatabaseReader { writer }

    /// A read on this connection, for the fast paths that step rows themselves.
    package func read<T>(_ body: (Database) throws -> T) throws -> T { try reader.read(body) }

    /// One ordinary write transaction.
    package func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try sayingIfReadOnly { try writer.write(updates) }
    }

    /// A write refused because the file (or its folder, for the write-ahead log) cannot be written, said as such.
    private func sayingIfReadOnly<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw OrgMapError.unwritableFile(path: path, reason: "the database is read-only (the file, or its folder, cannot be written: check their permissions)")
        }
    }

    /// One IMMEDIATE transaction with SQLite's foreign key checks off, for bulk imports whose every reference
    /// the importer has already resolved against rows of the same transaction: the checks cost a B-tree lookup
    /// per reference per row (docs/benchmarks.md). The schema keeps its foreign keys for everything else.
    package func bulkWrite<T>(_ updates: (Database) throws -> T) throws -> T {
        try sayingIfReadOnly { try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var result: T?
            try db.inTransaction(.immediate) {
                result = try updates(db)
                return .commit
            }
            return result!
        } }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in Migrations.all {
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: migration.sql) }
        }
        return migrator
    }

    /// Refuses a SQLite file of another application: it has tables but neither orgmap's id nor its migrations.
    private static func checkOwnership(_ db: Database, path: String) throws {
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if id == applicationID { return }
        if id != 0 { throw OrgMapError.notAnOrgmapDatabase(path: path, reason: "its SQLite application id is \(id), another program's") }
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if tables.isEmpty {
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        } else if !tables.contains("grdb_migrations") {
            throw OrgMapError.notAnOrgmapDatabase(path: path, reason: "it is a SQLite database of another program, with tables \(tables.prefix(5).joined(separator: ", "))")
        }
    }
}

/// Why a new database file could not be created, saying which: the folder is missing, or not writable.
private func cannotCreate(_ path: String, _ failure: Int32) -> OrgMapError {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    let reason = switch failure {
    case ENOENT, ENOTDIR: "the folder \(folder) does not exist; create it first, or choose another --db"
    case EACCES, EPERM: "the folder \(folder) is not writable (permission denied); choose another --db"
    case EROFS: "the folder \(folder) is on a read-only file system; choose another --db"
    default: String(cString: strerror(failure))
    }
    return .unwritableFile(path: path, reason: reason)
}

/// Creates an empty file readable by its owner only, failing if it exists; 0, or the `errno`.
private func createExclusively(_ path: String) -> Int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return errno }
    close(fd)
    return 0
}

/// Flushes a file's contents (or a folder's entries) to the disk; 0, or the `errno`.
private func syncFile(_ path: String) -> Int32 {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return errno }
    defer { close(fd) }
    return fsync(fd) == 0 ? 0 : errno
}

/// Whether two paths name the same file (device and inode).
private func isSameFile(_ a: String, _ b: String) -> Bool {
    var x = stat(), y = stat()
    return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino
}
