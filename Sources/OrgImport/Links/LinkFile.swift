import Foundation
import OrgFastPath
import OrgModel

/// Options of a links import.
public struct LinksImportOptions: Sendable {
    public var csv = CSVOptions()
    public var format = LinkFormat.auto
    /// nil: the source's default (strong for Viva Insights, meetings for calendars).
    public var weight: LinkWeight?
    /// An endpoint that is nobody in the org chart is an error instead of a counted warning.
    public var strict = false
    /// The snapshot to attach to; nil for the latest.
    public var snapshotID: Int64?
    /// Only links dated in [since, until) are imported; undated rows are then left out. For calendars and chat,
    /// nil means the 365 days before the snapshot's as-of date; for tables, nil means every row.
    public var since: CalendarDate?
    public var until: CalendarDate?
    /// Calendars: a meeting with more participants adds no link.
    public var maxAttendees = CalendarOptions.defaultMaxAttendees
    public var maxProblems = 50
    /// Called now and then while the file is read; nil for silence.
    public var progress: (@Sendable (ImportProgress) -> Void)?

    public init() {}
}

/// What reading a links file found, besides the rows it handed over.
public struct LinkFileSummary: Sendable {
    public var rowsRead = 0
    /// Rows whose endpoints were the same person.
    public var selfLinks = 0
    /// Rows whose weight was 0 (for Viva, a pair with no tie of the chosen kind).
    public var zeroWeight = 0
    /// Rows with an endpoint nobody in the org chart is.
    public var unknownRows = 0
    /// Rows dated outside `since`/`until`, or undated while those are given.
    public var outsideWindow = 0
    /// Each endpoint value that named nobody, with how many rows named it.
    public var unknown: [String: Int] = [:]
    /// The first few lines with such an endpoint.
    public var firstUnknownLines: [Int] = []
    /// SHA-256 of the whole file, lowercase hex.
    public var sha256 = ""

    public init() {}

    /// The counts of another file added to these (their digests are not combined).
    public mutating func add(_ other: LinkFileSummary) {
        rowsRead += other.rowsRead
        selfLinks += other.selfLinks
        zeroWeight += other.zeroWeight
        unknownRows += other.unknownRows
        outsideWindow += other.outsideWindow
        unknown.merge(other.unknown, uniquingKeysWith: +)
        firstUnknownLines += other.firstUnknownLines
    }
}

/// A links file whose header has been read: its layout is known, its rows are still to come.
///
/// Not `Sendable`: it owns the file reader. ``read(resolver:snapshotID:put:)`` runs on the thread that parses
/// while another inserts, the file handed over with it.
package final class LinkFile {
    package let fileName: String
    package let columns: LinkColumns
    package var format: LinkFormat { columns.format }
    package var delimiter: UInt8 { reader.delimiter }
    private let input: ByteInput
    private let reader: CSVReader
    private let header: CSVRecord
    private let options: LinksImportOptions

    /// Reads the header; fails naming the file when it is empty or has no two people columns.
    package init(input: ByteInput, options: LinksImportOptions) throws {
        self.input = input
        self.options = options
        fileName = input.displayName
        reader = CSVReader(input: input, options: options.csv)
        guard let header = try reader.next() else {
            throw OrgMapError.invalidInput(file: fileName, problems: [InputProblem(line: nil, message: "the file is empty; expected a header such as source,target,weight,kind,date and one row per link")], more: 0)
        }
        self.header = header
        columns = try LinkColumns(headers: header.fields.map { $0.trimmed }, format: options.format, weight: options.weight, file: fileName, line: header.line)
    }

    /// Reads every row, checks it and resolves its two people with `resolver`, handing resolved rows to `put` in
    /// batches; stops handing them over at the first problem (the import will be rolled back) or when `put`
    /// returns false. Throws every problem found (up to the limit), or the first that stops reading.
    package func read(resolver: PersonResolver, snapshotID: Int64, put: (LinkBatch) -> Bool) throws -> LinkFileSummary {
        var summary = LinkFileSummary()
        var problems = ProblemCollector(file: fileName, limit: options.maxProblems)
        try parse(resolver: resolver, snapshotID: snapshotID, summary: &summary, problems: &problems, put: put)
        try problems.throwIfAny()
        if summary.rowsRead == 0 {
            throw OrgMapError.invalidInput(file: fileName, problems: [InputProblem(line: header.line, message: "the header has no rows under it; expected one row per link")], more: 0)
        }
        summary.sha256 = input.finishDigest()
        return summary
    }

    private func parse(resolver: PersonResolver, snapshotID: Int64, summary: inout LinkFileSummary, problems: inout ProblemCollector, put: (LinkBatch) -> Bool) throws {
        let width = header.fields.count
        var throttle = ProgressThrottle(report: options.progress)
        var date = [UInt8](repeating: 0, count: 10)
        // `YYYY-MM-DD` compares as text: the window's bounds as bytes, checked against each row's date.
        let since = options.since.map { Array($0.description.utf8) }, until = options.until.map { Array($0.description.utf8) }
        var number = [CChar](repeating: 0, count: 64)
        var scratch: [UInt8] = []
        var batch = LinkBatch()
        while try reader.advance() {
            summary.rowsRead += 1
            throttle.tick(rows: summary.rowsRead, input: input)
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
                if since != nil || until != nil {
                    let afterSince = since.map { !date.lexicographicallyPrecedes($0) } ?? true
                    let beforeUntil = until.map { date.lexicographicallyPrecedes($0) } ?? true
                    let inside = hasDate && afterSince && beforeUntil
                    guard inside else { summary.outsideWindow += 1; return nil }
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
                    for (value, id) in [(a, sourceID), (b, targetID)] where id == nil { summary.unknown[String(decoding: value, as: UTF8.self), default: 0] += 1 }
                    summary.unknownRows += 1
                    if summary.firstUnknownLines.count < 5 { summary.firstUnknownLines.append(line) }
                    guard options.strict else { return nil }
                    return InputProblem(line: line, message: "'\(String(decoding: sourceID == nil ? a : b, as: UTF8.self))' is nobody in snapshot \(snapshotID)'s org chart (matched by id or email); without --strict such links are counted and skipped")
                }
                if sourceID == targetID { summary.selfLinks += 1; return nil }
                if weight == 0 { summary.zeroWeight += 1; return nil }
                date.withUnsafeBufferPointer { batch.append(source: sourceID, target: targetID, weight: weight, kind: kind, date: hasDate ? $0 : UnsafeBufferPointer(start: nil, count: 0)) }
                return nil
            }
            if let problem { problems.add(problem) }
            // Rows after a problem are not sent: the import will be rolled back anyway.
            if batch.count >= 8192 {
                if problems.problems.isEmpty, !put(batch) { return }
                batch = LinkBatch()
            }
        }
        if problems.problems.isEmpty, batch.count > 0 { _ = put(batch) }
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
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard bytes[i] >= 48, bytes[i] <= 57 else { return nil }
                n = n * 10 + Int(bytes[i] - 48)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
              CalendarDate(year: y, month: m, day: d) != nil else { return false }
        for i in 0..<10 { out[i] = bytes[i] }
        return true
    }
}
