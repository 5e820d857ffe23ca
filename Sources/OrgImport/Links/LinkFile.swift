import Foundation
import OrgFastPath
import OrgModel

/// Options of a links import.
public struct LinksImportOptions: Sendable {
    public var csv = CSVOptions()
    /// The sheet of an Excel workbook to read (`--sheet`); nil for the first with data.
    public var sheet: String?
    public var format = LinkFormat.auto
    /// nil: the source's default (strong for Viva Insights, meetings for calendars).
    public var weight: LinkWeight?
    /// An endpoint that is nobody in the org chart is an error instead of a counted warning.
    public var strict = false
    /// Tables: import the rows that match even when most name nobody in the org chart (otherwise an error: the
    /// file names people some other way, or belongs to another snapshot). Surveys: even when more than 5% of the
    /// colleagues named match nobody.
    public var allowUnknown = false
    /// Fields mapped to headers by hand (`--column target=To --column target=Cc`); only target may repeat.
    public var columns: [LinkField: [String]] = [:]
    /// Surveys: the column naming who answered (`--respondent`), detected when nil.
    public var respondent: String?
    /// Surveys: the question columns (`--question`, repeatable); detected when empty.
    public var questions: [String] = []
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
    /// Rows none of whose people is in the org chart.
    public var nobodyRows = 0
    /// Message logs: rows with no recipient, skipped.
    public var noRecipients = 0
    /// The line from which the file was read as Windows-1252 (not UTF-8), if it was.
    public var windows1252From: Int?
    /// Cells of a sheet right of the table (after an empty column), left out.
    public var strayCells = 0
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
        nobodyRows += other.nobodyRows
        noRecipients += other.noRecipients
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
    /// How the table was laid out: a CSV file's delimiter, or the workbook's sheet and header row.
    package var layout: TableLayout { reader.layout }
    private let reader: any TableRecords
    private let header: CSVRecord
    private let options: LinksImportOptions

    /// Reads the header (or, in a file without one, sees that its first row links two people `resolver` knows);
    /// fails naming the file when it is empty or has no two people columns.
    package convenience init(input: ByteInput, options: LinksImportOptions, resolver: PersonResolver) throws {
        try self.init(table: CSVReader(input: input, options: Self.csvOptions(options)), options: options, resolver: resolver)
    }

    /// The CSV options a links table is read with: a whitespace-separated edge list is one of its shapes.
    package static func csvOptions(_ options: LinksImportOptions) -> CSVOptions {
        var csv = options.csv
        csv.detectsWhitespace = true
        return csv
    }

    /// As ``init(input:options:resolver:)``, from any table: a CSV file's or an Excel sheet's.
    package init(table: any TableRecords, options: LinksImportOptions, resolver: PersonResolver) throws {
        self.options = options
        fileName = table.displayName
        reader = table
        guard let header = try reader.next() else {
            throw OrgMapError.invalidInput(file: fileName, problems: [InputProblem(line: nil, message: "the file is empty; expected a header such as source,target,weight,kind,date and one row per link")], more: 0)
        }
        self.header = header
        let fields = header.fields.map { $0.trimmed }
        do {
            columns = try LinkColumns(headers: fields, format: options.format, weight: options.weight, overrides: options.columns, isLink: {
                var scratch: [UInt8] = []
                return fields.prefix(2).allSatisfy { field in
                    Array(field.utf8).withUnsafeBufferPointer { resolver.person($0, scratch: &scratch) != nil }
                }
            }, file: fileName, line: header.line)
        } catch let error as OrgMapError {
            throw table.explainingHeader(error)
        }
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
        let considered = summary.rowsRead - summary.outsideWindow
        if !options.allowUnknown, considered > 0, summary.nobodyRows * 2 > considered {
            let named = summary.unknown.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map { "'\($0.key)'" }.joined(separator: ", ")
            throw OrgMapError.invalidInput(file: fileName, problems: [InputProblem(line: nil, message: "\(summary.nobodyRows) of \(plural(considered, "row")) name nobody in snapshot \(snapshotID)'s org chart (such as \(named)); people are matched by the org chart's id, then email. Is this the right snapshot, or does the file name people another way? Nothing was imported; --allow-unknown imports the rows that do match")], more: 0)
        }
        summary.sha256 = try reader.finishDigest()
        summary.windows1252From = reader.windows1252From
        summary.strayCells = reader.strayCells
        return summary
    }

    private func parse(resolver: PersonResolver, snapshotID: Int64, summary: inout LinkFileSummary, problems: inout ProblemCollector, put: (LinkBatch) -> Bool) throws {
        let width = columns.width
        var throttle = ProgressThrottle(report: options.progress)
        var date = [UInt8](repeating: 0, count: 10)
        // The row's day where batches can read it: an array's storage may not be lent past its closure.
        let dayBytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 10)
        defer { dayBytes.deallocate() }
        // `YYYY-MM-DD` compares as text: the window's bounds as bytes, checked against each row's date.
        let since = options.since.map { Array($0.description.utf8) }, until = options.until.map { Array($0.description.utf8) }
        var number = [CChar](repeating: 0, count: 64)
        var scratch: [UInt8] = []
        var batch = LinkBatch()
        // A file without a header: the record read as one is the first link.
        var pending = columns.headerless
        while try pending || reader.advance() {
            pending = false
            summary.rowsRead += 1
            throttle.tick(rows: summary.rowsRead, table: reader)
            let line = reader.recordLine
            guard reader.fieldCount >= width else {
                problems.add(InputProblem(line: line, message: columns.headerless ? "expected \(width) fields, as in the first line, found \(reader.fieldCount)" : "expected \(width) fields, as in the header, found \(reader.fieldCount)"))
                continue
            }
            // Bytes, not strings, on this path: it runs millions of times (docs/benchmarks.md).
            let problem: InputProblem? = reader.withRecord { fields in
                var weight = 1.0
                if let w = columns.weight, columns.weightInDictionary {
                    guard let value = LinkValue.dictionaryWeight(fields, from: w, scratch: &number) else {
                        return InputProblem(line: line, column: w + 1, message: "expected attributes such as {'weight': 2.5}, with a weight 0 or more")
                    }
                    weight = value
                } else if let w = columns.weight {
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
                        return InputProblem(line: line, column: k + 1, columnName: header.fields[k], message: "invalid UTF-8; if the file is Windows-1252 or Latin-1, import it with --encoding cp1252 (or latin1), or leave --encoding at auto")
                    }
                    kind = fields[k]
                }
                if hasDate { for i in 0..<10 { dayBytes[i] = date[i] } }
                let dateBytes = hasDate ? UnsafeBufferPointer(dayBytes) : UnsafeBufferPointer(start: nil, count: 0)
                if columns.recipientLists {
                    return message(fields, line: line, weight: weight, kind: kind, date: dateBytes, resolver: resolver, snapshotID: snapshotID, summary: &summary, scratch: &scratch, batch: &batch)
                }
                let target = columns.targets[0]
                let a = fields[columns.source], b = fields[target]
                guard !a.isEmpty, !b.isEmpty else {
                    return InputProblem(line: line, message: "expected two people, in columns \(columns.source + 1) and \(target + 1); one is empty")
                }
                let sourceID = resolver.person(a, scratch: &scratch), targetID = resolver.person(b, scratch: &scratch)
                guard let sourceID, let targetID else {
                    for (value, id) in [(a, sourceID), (b, targetID)] where id == nil { summary.unknown[String(decoding: value, as: UTF8.self), default: 0] += 1 }
                    summary.unknownRows += 1
                    if sourceID == nil && targetID == nil { summary.nobodyRows += 1 }
                    if summary.firstUnknownLines.count < 5 { summary.firstUnknownLines.append(line) }
                    guard options.strict else { return nil }
                    return InputProblem(line: line, message: "'\(String(decoding: sourceID == nil ? a : b, as: UTF8.self))' is nobody in snapshot \(snapshotID)'s org chart (matched by id or email); without --strict such links are counted and skipped")
                }
                if sourceID == targetID { summary.selfLinks += 1; return nil }
                if weight == 0 { summary.zeroWeight += 1; return nil }
                batch.append(source: sourceID, target: targetID, weight: weight, kind: kind, date: dateBytes)
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

    /// A message log's row: the sender linked with each recipient of its To, Cc and Bcc cells, weight each.
    private func message(
        _ fields: CSVFields, line: Int, weight: Double, kind: UnsafeBufferPointer<UInt8>, date: UnsafeBufferPointer<UInt8>,
        resolver: PersonResolver, snapshotID: Int64, summary: inout LinkFileSummary, scratch: inout [UInt8], batch: inout LinkBatch
    ) -> InputProblem? {
        let sender = fields[columns.source]
        guard !sender.isEmpty else {
            return InputProblem(line: line, column: columns.source + 1, columnName: header.fields[columns.source], message: "expected a sender; the cell is empty")
        }
        let sourceID = resolver.person(sender, scratch: &scratch)
        var recipients = 0, known = 0
        var firstUnknown: String?
        for column in columns.targets {
            RecipientList.forEach(fields[column]) { entry in
                recipients += 1
                guard let id = resolver.person(entry, scratch: &scratch) else {
                    let text = String(decoding: entry, as: UTF8.self)
                    summary.unknown[text, default: 0] += 1
                    if firstUnknown == nil { firstUnknown = text }
                    return
                }
                known += 1
                guard let sourceID else { return }
                if id == sourceID { summary.selfLinks += 1; return }
                if weight == 0 { summary.zeroWeight += 1; return }
                batch.append(source: sourceID, target: id, weight: weight, kind: kind, date: date)
            }
        }
        if recipients == 0 { summary.noRecipients += 1; return nil }
        if sourceID == nil {
            summary.unknown[String(decoding: sender, as: UTF8.self), default: 0] += 1
            firstUnknown = firstUnknown ?? String(decoding: sender, as: UTF8.self)
            if known == 0 { summary.nobodyRows += 1 }
        }
        guard let firstUnknown else { return nil }
        summary.unknownRows += 1
        if summary.firstUnknownLines.count < 5 { summary.firstUnknownLines.append(line) }
        guard options.strict else { return nil }
        return InputProblem(line: line, message: "'\(firstUnknown)' is nobody in snapshot \(snapshotID)'s org chart (matched by id or email); without --strict such people are counted and skipped")
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

    /// The `weight` of a networkx attribute dictionary spread over fields `first`… (`{'weight':` `3}`): 1 when
    /// the dictionary has no weight, nil when it is not a dictionary or its weight is not a number 0 or more.
    static func dictionaryWeight(_ fields: CSVFields, from first: Int, scratch: inout [CChar]) -> Double? {
        var text: [UInt8] = []
        for i in first..<fields.count { text += fields[i]; text.append(0x20) }
        guard text.first == UInt8(ascii: "{"), text.lastIndex(of: UInt8(ascii: "}")) != nil else { return nil }
        let keys = [Array("'weight'".utf8), Array("\"weight\"".utf8)]
        guard let (start, key) = keys.lazy.compactMap({ key in text.firstRange(of: key).map { ($0.lowerBound, key) } }).first else { return 1 }
        var i = start + key.count
        while i < text.count, text[i] == 0x20 || text[i] == UInt8(ascii: ":") { i += 1 }
        var end = i
        while end < text.count, let c = Optional(text[end]), (c >= 48 && c <= 57) || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { end += 1 }
        return text[i..<end].withContiguousStorageIfAvailable { weight($0, scratch: &scratch) } ?? Array(text[i..<end]).withUnsafeBufferPointer { weight($0, scratch: &scratch) }
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
