import Foundation
import Logging
import OrgFastPath
import OrgImport
import OrgModel
import OrgStore

/// `orgmap import people`: read and check a whole org chart and store it as one snapshot, in one transaction.
public struct PeopleImport: Sendable {
    /// Where an import writes.
    public enum Destination: Sendable {
        /// The database file at this path, created when missing (``AppDatabase/importing(into:_:retry:)``).
        case file(String)
        case database(AppDatabase)
    }

    public var source: InputSource
    /// The date the org chart describes.
    public var asOf: CalendarDate
    public var options: PeopleImportOptions
    /// Read and check only; write nothing.
    public var dryRun: Bool
    /// A different org chart for a day that has a snapshot replaces it (with its links) instead of being refused.
    public var replace: Bool

    public init(source: InputSource, asOf: CalendarDate, options: PeopleImportOptions = PeopleImportOptions(), dryRun: Bool = false, replace: Bool = false) {
        self.source = source
        self.asOf = asOf
        self.options = options
        self.dryRun = dryRun
        self.replace = replace
    }

    /// The outcome of an org chart import.
    public struct Outcome: Sendable {
        /// nil when nothing was read: the same chart was already imported for that day.
        public var file: PeopleFile?
        /// nil for a dry run.
        public var snapshot: Snapshot?
        public var duration: TimeInterval
        public var departmentCount: Int
        /// The snapshot that already holds this very chart for this day: nothing was written.
        public var unchanged: Snapshot?
        /// Snapshots of the same day replaced (`replace`), with how many links went with each.
        public var replaced: [(snapshot: Snapshot, links: Int)] = []

        /// One line for the user: what was imported where, or what a dry run found.
        public func summary(database: String) -> String {
            if let unchanged {
                return "Nothing imported: \(unchanged.sourceFile) is already snapshot \(unchanged.id) (as of \(unchanged.asOf)), the same content imported on \(unchanged.importedAt)."
            }
            guard let file else { return "" }
            let counts = "\(plural(file.people.count, "person", "people")) in \(plural(departmentCount, "department"))"
            let warnings = file.warnings.isEmpty ? "" : ", \(plural(file.warnings.count, "warning"))"
            guard let snapshot else { return "Dry run: \(file.fileName) is valid: \(counts)\(warnings). Nothing was written." }
            let replacing = replaced.map { ", replacing the earlier snapshot \($0.snapshot.id) (its \(plural($0.links, "link")) removed with it)," }.joined()
            return "Imported \(counts) from \(file.fileName) as snapshot \(snapshot.id) (as of \(snapshot.asOf))\(replacing) into \(database) in \(seconds(duration))\(warnings)."
        }
    }

    /// Reads the source to its end and stores it, or, for a dry run, only reads it. Rows are inserted while the
    /// file is still being read and checked, in a transaction committed only once the whole file has passed every
    /// check: a bad file leaves an existing database as it was, and creates none. The column mapping and the
    /// warnings go to `logger`.
    @discardableResult
    public func run(into destination: Destination, logger: Logger) throws -> Outcome {
        let started = Date()
        guard !dryRun else {
            let file = try PeopleFile.read(try openTable(source, options: options.csv, sheet: options.sheet), options: options)
            Self.log(file, to: logger)
            return Outcome(file: file, snapshot: nil, duration: Date().timeIntervalSince(started), departmentCount: Self.departmentCount(file))
        }
        var read: PeopleFile?
        var unchanged: Snapshot?
        var replaced: [(snapshot: Snapshot, links: Int)] = []
        func store(_ db: AppDatabase) throws -> Snapshot? {
            // A pipe may trickle: read it whole first rather than keep other writers waiting meanwhile.
            if !source.isRegularFile {
                let file = try PeopleFile.read(try openTable(source, options: options.csv, sheet: options.sheet), options: options)
                read = file
                Self.log(file, to: logger)
            }
            let sha256 = try read?.sha256 ?? FileDigest.sha256(of: source)
            let sameDay = try db.snapshots().filter { $0.asOf == asOf }
            if let same = sameDay.first(where: { $0.sourceSHA256 == sha256 }) {
                unchanged = same
                return nil
            }
            // Refused only once the file has passed its own checks: a broken file's problems come first.
            var refusal: OrgMapError?
            if !sameDay.isEmpty {
                let links = try db.linkCounts()
                if replace { replaced = sameDay.map { ($0, links[$0.id] ?? 0) } } else { refusal = Self.refusal(sameDay, asOf: asOf, links: links) }
            }
            if read != nil {
                if let refusal { throw refusal }
                return try storeRead(db)
            }
            let (source, options) = (self.source, self.options)
            return try db.storeSnapshot(asOf: asOf, fileName: source.displayName, replacing: replaced.map(\.snapshot.id)) { writer in
                // Opened here, so the file reader belongs to this transaction alone and can go to the reading thread.
                let table = try openTable(source, options: options.csv, sheet: options.sheet)
                let file = try Pipeline.run(capacity: 8, source: table, produce: { table, put in
                    try withoutActuallyEscaping(put) { put in
                        try PeopleFile.read(table, options: options) { batch in
                            guard put(batch) else { throw CancellationError() }
                        }
                    }
                }, consume: writer.insert)
                read = file
                Self.log(file, to: logger)
                if let refusal { throw refusal }
                try writer.finish(people: file.people, managerRows: file.managerRows)
                return Self.logEntry(file, started: started)
            }
        }
        // Stores the chart already read: from a pipe, or again when the database could not be built aside
        // (another orgmap created it meanwhile, or its file system cannot link files).
        func storeRead(_ db: AppDatabase) throws -> Snapshot {
            guard let file = read else { preconditionFailure("the chart is read before it is stored again") }
            return try db.storeSnapshot(
                people: file.people, lines: file.lines, managerRows: file.managerRows, asOf: asOf,
                log: Self.logEntry(file, started: started), replacing: replaced.map(\.snapshot.id))
        }
        let snapshot = switch destination {
        case .file(let path): try AppDatabase.importing(into: path, store, retry: storeRead)
        case .database(let db): try store(db)
        }
        let duration = Date().timeIntervalSince(started)
        if let unchanged { return Outcome(file: nil, snapshot: nil, duration: duration, departmentCount: 0, unchanged: unchanged) }
        guard let file = read else { preconditionFailure("a stored chart was read") }
        return Outcome(file: file, snapshot: snapshot, duration: duration, departmentCount: Self.departmentCount(file), replaced: replaced)
    }

    /// A different chart for a day that already has one: two snapshots of one day would make "the latest"
    /// ambiguous, so the user chooses.
    private static func refusal(_ sameDay: [Snapshot], asOf: CalendarDate, links: [Int64: Int]) -> OrgMapError {
        let existing = sameDay.map { "snapshot \($0.id) (from \($0.sourceFile), imported \($0.importedAt), \(plural(links[$0.id] ?? 0, "link")))" }.joined(separator: ", ")
        return .invalidArgument("""
            \(existing) is already the org chart as of \(asOf), and this file holds a different one. \
            Use --replace to replace it (its links are removed with it), or import this one with another --as-of. Nothing was written.
            """)
    }

    private static func departmentCount(_ file: PeopleFile) -> Int { Set(file.people.map(\.department)).count }

    private static func logEntry(_ file: PeopleFile, started: Date) -> ImportLogRecord {
        ImportLogRecord(
            kind: .people, fileName: file.fileName, sha256: file.sha256, rowsRead: file.rowsRead,
            rowsStored: file.people.count, rowsSkipped: file.rowsRead - file.people.count,
            warnings: file.warnings.count, duration: Date().timeIntervalSince(started))
    }

    private static func log(_ file: PeopleFile, to logger: Logger) {
        let matched = file.managerMatchedBy.map { "; managers matched by \($0.rawValue)" } ?? ""
        logger.info("\(file.fileName): read as \(file.layout.summary), \(file.mapping.summary.joined(separator: ", "))\(matched)")
        for warning in file.warnings { logger.warning("\(file.fileName): \(warning)") }
    }
}
