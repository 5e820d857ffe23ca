import Foundation
import Logging
import OrgModel
import OrgStore

/// The outcome of an org chart import.
public struct PeopleImportResult: Sendable {
    public var file: PeopleFile
    /// nil for a dry run.
    public var snapshot: Snapshot?
    public var duration: TimeInterval
    public let departmentCount: Int

    init(file: PeopleFile, snapshot: Snapshot?, duration: TimeInterval) {
        self.file = file
        self.snapshot = snapshot
        self.duration = duration
        departmentCount = Set(file.people.map(\.department)).count
    }
}

/// `orgmap import people`: read and validate the whole file and store it as one snapshot in one transaction.
public enum PeopleImport {
    /// Where an import writes.
    public enum Destination {
        /// The database file at this path, created when missing (``AppDatabase/importing(into:_:retry:)``).
        case file(String)
        case database(AppDatabase)
    }

    /// Reads `input` to its end and stores it, or, for a dry run, only reads it. One thread reads and checks
    /// the file while this one inserts the rows already read, in a transaction that is committed only once the
    /// whole file has passed every check: a bad file leaves an existing database as it was, and creates none.
    public static func run(
        input: ByteInput, asOf: String, options: PeopleImportOptions, dryRun: Bool,
        into destination: Destination, logger: Logger
    ) throws -> PeopleImportResult {
        let started = Date()
        guard !dryRun else {
            let file = try PeopleFile.read(input, options: options)
            describe(file, logger: logger)
            return PeopleImportResult(file: file, snapshot: nil, duration: Date().timeIntervalSince(started))
        }
        var read: PeopleFile?
        func store(_ db: AppDatabase) throws -> Snapshot {
            if input.size == nil {
                // A pipe may trickle: read it whole first rather than keep other writers waiting meanwhile.
                let file = try PeopleFile.read(input, options: options)
                read = file
                describe(file, logger: logger)
                return try storeRead(db)
            }
            return try db.importSnapshot(asOf: asOf, fileName: input.displayName) { writer in
                let file = try readWhileStoring(input, options: options, into: writer)
                read = file
                describe(file, logger: logger)
                try writer.finish(people: file.people, managerRows: file.managerRows)
                return record(file, started: started)
            }
        }
        // Stores the chart already read: from a pipe, or again when the database could not be built aside
        // (another orgmap created it meanwhile, or its file system cannot link files).
        func storeRead(_ db: AppDatabase) throws -> Snapshot {
            let file = read!
            return try db.importSnapshot(people: file.people, lines: file.lines, managerRows: file.managerRows, asOf: asOf, log: record(file, started: started))
        }
        let snapshot = switch destination {
        case .file(let path): try AppDatabase.importing(into: path, store, retry: storeRead)
        case .database(let db): try store(db)
        }
        return PeopleImportResult(file: read!, snapshot: snapshot, duration: Date().timeIntervalSince(started))
    }

    /// Reads the file on another thread, which hands rows over in batches while this one inserts them: on two
    /// cores the import takes about as long as the slower of the two instead of their sum (docs/benchmarks.md).
    private static func readWhileStoring(_ input: ByteInput, options: PeopleImportOptions, into writer: PeopleWriter) throws -> PeopleFile {
        let queue = BatchQueue<PersonBatch>(capacity: 8)
        let reading = ReadingThread(input: input, options: options, queue: queue)
        reading.start()
        do {
            while let batch = queue.take() { try writer.insert(batch) }
        } catch {
            queue.cancel()
            _ = reading.result()
            throw error
        }
        return try reading.result().get()
    }

    private static func record(_ file: PeopleFile, started: Date) -> ImportRecord {
        ImportRecord(
            kind: "people", fileName: file.fileName, sha256: file.sha256, rowsRead: file.rowsRead,
            rowsStored: file.people.count, rowsSkipped: file.rowsRead - file.people.count,
            warnings: file.warnings.count, duration: Date().timeIntervalSince(started))
    }

    private static func describe(_ file: PeopleFile, logger: Logger) {
        logger.info("\(file.fileName): read as \(describe(file.delimiter))-separated, \(file.mapping.summary.joined(separator: ", "))\(file.managerMatchedBy.map { "; managers matched by \($0)" } ?? "")")
        for warning in file.warnings { logger.warning("\(file.fileName): \(warning)") }
    }

    static func describe(_ delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: ","): "comma"
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "\t"): "tab"
        default: "'\(Character(Unicode.Scalar(delimiter)))'"
        }
    }
}

/// Reads an org chart on its own thread, handing rows to a queue. Used by one thread at a time: the reading
/// thread while it runs, then the caller, after `result()` has waited for it.
private final class ReadingThread: @unchecked Sendable {
    private let input: ByteInput
    private let options: PeopleImportOptions
    private let queue: BatchQueue<PersonBatch>
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<PeopleFile, Error>?

    init(input: ByteInput, options: PeopleImportOptions, queue: BatchQueue<PersonBatch>) {
        self.input = input
        self.options = options
        self.queue = queue
    }

    func start() {
        let thread = Thread { [self] in
            outcome = Result {
                try PeopleFile.read(input, options: options, streamingTo: { [queue] batch in
                    guard queue.put(batch) else { throw CancellationError() }
                })
            }
            queue.finish()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the thread to finish.
    func result() -> Result<PeopleFile, Error> {
        done.wait()
        return outcome!
    }
}
