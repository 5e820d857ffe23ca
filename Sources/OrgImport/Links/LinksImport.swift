#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging
import OrgModel
import OrgStore

/// Options of a links import.
public struct LinksImportOptions: Sendable {
    public var csv = CSVOptions()
    public var format = LinkFormat.auto
    public var vivaWeight = VivaWeight.strong
    /// An endpoint that is nobody in the org chart is an error instead of a counted warning.
    public var strict = false
    /// The snapshot to attach to; nil for the latest.
    public var snapshotID: Int64?
    public var maxProblems = 50
    /// Called now and then while the file is read; nil for silence.
    public var progress: (@Sendable (ImportProgress) -> Void)?

    public init() {}
}

/// The outcome of a links import.
public struct LinksImportResult: Sendable {
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
}

/// `orgmap import links`: stream a links file into the database in one transaction.
public enum LinksImport {
    public static func run(input: ByteInput, database db: AppDatabase, options: LinksImportOptions, logger: Logger) throws -> LinksImportResult {
        let started = Date()
        let snapshot = try db.snapshot(id: options.snapshotID)
        let reader = CSVReader(input: input, options: options.csv)
        let file = input.displayName
        guard let header = try reader.next() else {
            throw OrgMapError.invalidInput(file: file, problems: [InputProblem(line: nil, message: "the file is empty; expected a header such as source,target,weight,kind,date and one row per link")], more: 0)
        }
        let columns = try LinkColumns(headers: header.fields.map { $0.trimmed }, format: options.format, vivaWeight: options.vivaWeight, file: file, line: header.line)
        logger.info("\(file): read as \(columns.format.rawValue), \(PeopleImport.describe(reader.delimiter))-separated, \(columns.summary.joined(separator: ", ")); attached to snapshot \(snapshot.id) (as of \(snapshot.asOf))")

        // One thread parses and resolves while this one inserts: on two cores the import takes about as long
        // as the slower of the two instead of their sum (docs/benchmarks.md).
        let parser = LinkParser(reader: reader, input: input, header: header, columns: columns, options: options, snapshotID: snapshot.id)
        let record = try db.importLinks(snapshotID: snapshot.id, fileName: file) { writer in
            let queue = BatchQueue<LinkBatch>(capacity: 4)
            let resolver = writer.resolver
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                parser.run(resolver: resolver, into: queue)
                done.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
            do {
                while let batch = queue.take() { try writer.insert(batch) }
            } catch {
                queue.cancel()
                done.wait()
                throw error
            }
            done.wait()
            if let error = parser.failure { throw error }
            try parser.problems.throwIfAny()
            if parser.rowsRead == 0 {
                throw OrgMapError.invalidInput(file: file, problems: [InputProblem(line: header.line, message: "the header has no rows under it; expected one row per link")], more: 0)
            }
            let warnings = (parser.unknownRows > 0 ? 1 : 0) + (parser.selfLinks > 0 ? 1 : 0)
            return ImportRecord(kind: "links", fileName: file, sha256: input.finishDigest(), rowsRead: parser.rowsRead, rowsStored: writer.stored, rowsSkipped: parser.rowsRead - writer.stored, warnings: warnings, duration: Date().timeIntervalSince(started))
        }
        let unknownRows = parser.unknownRows, selfLinks = parser.selfLinks, zeroWeight = parser.zeroWeight
        let unknown = parser.unknown, firstUnknownLines = parser.firstUnknownLines
        if unknownRows > 0 {
            let named = unknown.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map { "'\($0.key)' (\($0.value))" }.joined(separator: ", ")
            logger.warning("\(file): \(unknownRows) link\(unknownRows == 1 ? "" : "s") name someone who is not in snapshot \(snapshot.id)'s org chart and \(unknownRows == 1 ? "was" : "were") skipped (lines \(firstUnknownLines.map(String.init).joined(separator: ", "))\(unknownRows > firstUnknownLines.count ? ", …" : "")); most frequent: \(named). Use --strict to make this an error")
        }
        if selfLinks > 0 { logger.warning("\(file): \(selfLinks) link\(selfLinks == 1 ? "" : "s") from a person to themselves skipped") }
        if zeroWeight > 0 { logger.info("\(file): \(zeroWeight) row\(zeroWeight == 1 ? "" : "s") with weight 0 skipped") }
        return LinksImportResult(
            snapshot: snapshot, fileName: file, format: columns.format, rowsRead: record.rowsRead, stored: record.rowsStored,
            selfLinks: selfLinks, unknownEndpoints: unknownRows, zeroWeight: zeroWeight, duration: Date().timeIntervalSince(started))
    }
}

/// Reads a links file on its own thread, checks and resolves each row, and hands rows over in batches.
/// Used by one thread at a time: the parsing thread while it runs, then the caller once it is done.
final class LinkParser: @unchecked Sendable {
    private let reader: CSVReader
    private let input: ByteInput
    private let header: CSVRecord
    private let columns: LinkColumns
    private let options: LinksImportOptions
    private let snapshotID: Int64
    private(set) var problems: ProblemCollector
    /// A malformed file (unterminated quote, invalid bytes...): reading stopped there.
    private(set) var failure: Error?
    private(set) var rowsRead = 0
    private(set) var selfLinks = 0
    private(set) var zeroWeight = 0
    private(set) var unknownRows = 0
    private(set) var unknown: [String: Int] = [:]
    private(set) var firstUnknownLines: [Int] = []

    init(reader: CSVReader, input: ByteInput, header: CSVRecord, columns: LinkColumns, options: LinksImportOptions, snapshotID: Int64) {
        self.reader = reader
        self.input = input
        self.header = header
        self.columns = columns
        self.options = options
        self.snapshotID = snapshotID
        problems = ProblemCollector(file: input.displayName, limit: options.maxProblems)
    }

    func run(resolver: PersonResolver, into queue: BatchQueue<LinkBatch>) {
        defer { queue.finish() }
        do {
            try parse(resolver: resolver, into: queue)
        } catch {
            failure = error
        }
    }

    private func parse(resolver: PersonResolver, into queue: BatchQueue<LinkBatch>) throws {
        let width = header.fields.count
        var throttle = ProgressThrottle(report: options.progress)
        var date = [UInt8](repeating: 0, count: 10)
        var number = [CChar](repeating: 0, count: 64)
        var scratch: [UInt8] = []
        var batch = LinkBatch()
        while try reader.advance() {
            rowsRead += 1
            throttle.tick(rows: rowsRead, input: input)
            let line = reader.recordLine
            guard reader.fieldCount >= width else {
                problems.add(InputProblem(line: line, message: "expected \(width) fields, as in the header, found \(reader.fieldCount)"))
                continue
            }
            // Bytes, not strings, on this path: it runs millions of times (docs/benchmarks.md).
            let problem: InputProblem? = reader.withRecord { fields in
                var weight = 1.0
                if let w = columns.weight {
                    guard let value = LinkValue.weight(fields[w], scratch: &number) else {
                        return InputProblem(line: line, column: w + 1, columnName: header.fields[w], message: "expected a weight, a number 0 or more, found '\(String(decoding: fields[w], as: UTF8.self))'")
                    }
                    weight = value
                }
                var hasDate = false
                if let d = columns.date, !fields[d].isEmpty {
                    guard LinkValue.date(fields[d], monthFirst: columns.monthFirstDates, into: &date) else {
                        return InputProblem(line: line, column: d + 1, columnName: header.fields[d], message: "expected a date as \(columns.monthFirstDates ? "M/D/YYYY" : "YYYY-MM-DD (ISO 8601)"), found '\(String(decoding: fields[d], as: UTF8.self))'")
                    }
                    hasDate = true
                }
                var kind = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
                if let k = columns.kind, !fields[k].isEmpty {
                    guard fields[k].allSatisfy({ $0 < 0x80 }) || String(validating: fields[k], as: UTF8.self) != nil else {
                        return InputProblem(line: line, column: k + 1, columnName: header.fields[k], message: "invalid UTF-8; if the file is Latin-1 (ISO-8859-1), import it with --encoding latin1")
                    }
                    kind = fields[k]
                }
                let a = fields[columns.source], b = fields[columns.target]
                guard !a.isEmpty, !b.isEmpty else {
                    return InputProblem(line: line, message: "expected two people, in columns \(columns.source + 1) and \(columns.target + 1); one is empty")
                }
                let sourceID = resolver.person(a, scratch: &scratch), targetID = resolver.person(b, scratch: &scratch)
                guard let sourceID, let targetID else {
                    for (value, id) in [(a, sourceID), (b, targetID)] where id == nil { unknown[String(decoding: value, as: UTF8.self), default: 0] += 1 }
                    unknownRows += 1
                    if firstUnknownLines.count < 5 { firstUnknownLines.append(line) }
                    guard options.strict else { return nil }
                    return InputProblem(line: line, message: "'\(String(decoding: sourceID == nil ? a : b, as: UTF8.self))' is nobody in snapshot \(snapshotID)'s org chart (matched by id or email); without --strict such links are counted and skipped")
                }
                if sourceID == targetID { selfLinks += 1; return nil }
                if weight == 0 { zeroWeight += 1; return nil }
                date.withUnsafeBufferPointer { batch.append(source: sourceID, target: targetID, weight: weight, kind: kind, date: hasDate ? $0 : UnsafeBufferPointer(start: nil, count: 0)) }
                return nil
            }
            if let problem { problems.add(problem) }
            // Rows after a problem are not sent: the import will be rolled back anyway.
            if batch.count >= 8192 {
                if problems.problems.isEmpty, !queue.put(batch) { return }
                batch = LinkBatch()
            }
        }
        if problems.problems.isEmpty, batch.count > 0 { _ = queue.put(batch) }
    }
}

/// Weights and dates read straight from a field's bytes.
enum LinkValue {
    /// A finite number, 0 or more; nil otherwise (negative, NaN, infinite, text, empty).
    static func weight(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout [CChar]) -> Double? {
        guard !bytes.isEmpty, bytes.count < scratch.count else { return nil }
        for (i, b) in bytes.enumerated() { scratch[i] = CChar(bitPattern: b) }
        scratch[bytes.count] = 0
        return scratch.withUnsafeBufferPointer { p -> Double? in
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(p.baseAddress!, &end)
            guard let end, end - UnsafeMutablePointer(mutating: p.baseAddress!) == bytes.count, value.isFinite, value >= 0 else { return nil }
            return value
        }
    }

    /// Writes `YYYY-MM-DD` into `out` from ISO 8601 (`2026-11-03`, `2026-11-03T09:30:00Z`) or, in Viva
    /// exports, `11/3/2026`; false when the field is neither or names no real day.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>, monthFirst: Bool, into out: inout [UInt8]) -> Bool {
        if monthFirst || bytes.contains(UInt8(ascii: "/")) {
            // Month and day, then the year in `current`; no array: this runs once a row.
            var parts = (0, 0)
            var seen = 0
            var current = -1
            var digits = 0
            for b in bytes {
                if b == UInt8(ascii: " ") || b == UInt8(ascii: "T") { break }
                if b == UInt8(ascii: "/") {
                    guard current >= 0, seen < 2 else { return false }
                    if seen == 0 { parts.0 = current } else { parts.1 = current }
                    seen += 1
                    current = -1
                    digits = 0
                } else if b >= 48 && b <= 57 {
                    current = max(current, 0) * 10 + Int(b - 48)
                    digits += 1
                } else {
                    return false
                }
            }
            guard current >= 0, digits == 4, seen == 2,
                  let day = CalendarDate(year: current, month: parts.0, day: parts.1) else { return false }
            out.replaceSubrange(0..<10, with: day.description.utf8)
            return true
        }
        guard bytes.count >= 10, bytes.count == 10 || bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              CalendarDate(utf8: UnsafeBufferPointer(rebasing: bytes[0..<10])) != nil else { return false }
        for i in 0..<10 { out[i] = bytes[i] }
        return true
    }
}
