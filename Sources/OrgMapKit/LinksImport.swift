import Foundation
import Logging
import OrgFastPath
import OrgImport
import OrgModel
import OrgStore

/// `orgmap import links`: stream a links file into a snapshot, in one transaction.
public struct LinksImport: Sendable {
    public var source: InputSource
    public var options: LinksImportOptions

    public init(source: InputSource, options: LinksImportOptions = LinksImportOptions()) {
        self.source = source
        self.options = options
    }

    /// The outcome of a links import.
    public struct Outcome: Sendable {
        public var snapshot: Snapshot
        public var fileName: String
        public var format: LinkFormat
        public var rowsRead: Int
        public var stored: Int
        /// Rows whose endpoints were the same person.
        public var selfLinks: Int
        /// Rows with an endpoint nobody in the org chart is.
        public var unknownEndpoints: Int
        /// Rows whose weight was 0 (for Viva, a pair with no tie of the chosen kind).
        public var zeroWeight: Int
        public var duration: TimeInterval

        /// One line for the user: how many links went into which snapshot.
        public var summary: String {
            let skipped = rowsRead - stored
            let skips = skipped > 0 ? "; \(plural(skipped, "row")) skipped" : ""
            return "Imported \(plural(stored, "link")) from \(fileName) (\(format.rawValue)) into snapshot \(snapshot.id) (as of \(snapshot.asOf)) in \(seconds(duration))\(skips)."
        }
    }

    /// Reads the source and stores its links in the snapshot the options name (the latest by default). One thread
    /// parses and resolves while this one inserts; any problem rolls everything back. The layout read and the
    /// warnings (unknown people, self-links) go to `logger`.
    @discardableResult
    public func run(in db: AppDatabase, logger: Logger) throws -> Outcome {
        let started = Date()
        let snapshot = try db.snapshot(id: options.snapshotID)
        let (source, options) = (self.source, self.options)
        var format = LinkFormat.auto
        var summary = LinkFileSummary()
        let log = try db.storeLinks(snapshotID: snapshot.id, fileName: source.displayName) { writer in
            // Opened here, so the file reader belongs to this transaction alone and can go to the parsing thread.
            let file = try LinkFile(input: try source.open(), options: options)
            format = file.format
            logger.info("\(file.fileName): read as \(file.format.rawValue), \(Delimiter.name(file.delimiter))-separated, \(file.columns.summary.joined(separator: ", ")); attached to snapshot \(snapshot.id) (as of \(snapshot.asOf))")
            let resolver = writer.resolver
            summary = try Pipeline.run(capacity: 4, source: file, produce: { file, put in
                try file.read(resolver: resolver, snapshotID: snapshot.id, put: put)
            }, consume: writer.insert)
            let warnings = (summary.unknownRows > 0 ? 1 : 0) + (summary.selfLinks > 0 ? 1 : 0)
            return ImportLogRecord(
                kind: .links, fileName: source.displayName, sha256: summary.sha256, rowsRead: summary.rowsRead,
                rowsStored: writer.stored, rowsSkipped: summary.rowsRead - writer.stored, warnings: warnings,
                duration: Date().timeIntervalSince(started))
        }
        Self.warn(about: summary, file: source.displayName, snapshot: snapshot, logger: logger)
        return Outcome(
            snapshot: snapshot, fileName: source.displayName, format: format, rowsRead: log.rowsRead, stored: log.rowsStored,
            selfLinks: summary.selfLinks, unknownEndpoints: summary.unknownRows, zeroWeight: summary.zeroWeight,
            duration: Date().timeIntervalSince(started))
    }

    private static func warn(about summary: LinkFileSummary, file: String, snapshot: Snapshot, logger: Logger) {
        let unknownRows = summary.unknownRows
        if unknownRows > 0 {
            let named = summary.unknown.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map { "'\($0.key)' (\($0.value))" }.joined(separator: ", ")
            let lines = summary.firstUnknownLines.map(String.init).joined(separator: ", ") + (unknownRows > summary.firstUnknownLines.count ? ", …" : "")
            logger.warning("\(file): \(plural(unknownRows, "link")) name someone who is not in snapshot \(snapshot.id)'s org chart and \(unknownRows == 1 ? "was" : "were") skipped (lines \(lines)); most frequent: \(named). Use --strict to make this an error")
        }
        if summary.selfLinks > 0 { logger.warning("\(file): \(plural(summary.selfLinks, "link")) from a person to themselves skipped") }
        if summary.zeroWeight > 0 { logger.info("\(file): \(plural(summary.zeroWeight, "row")) with weight 0 skipped") }
    }
}
