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

        var problems = ProblemCollector(file: file, limit: options.maxProblems)
        var rowsRead = 0, selfLinks = 0, zeroWeight = 0
        var unknown: [String: Int] = [:]
        var unknownRows = 0
        var firstUnknownLines: [Int] = []
        let width = header.fields.count
        let record = try db.importLinks(snapshotID: snapshot.id, fileName: file) { writer in
            while let row = try reader.next() {
                rowsRead += 1
                let fields = row.fields
                guard fields.count >= width else {
                    problems.add(InputProblem(line: row.line, message: "expected \(width) fields, as in the header, found \(fields.count)"))
                    continue
                }
                func field(_ i: Int?) -> String? {
                    guard let i else { return nil }
                    let v = fields[i].trimmed
                    return v.isEmpty ? nil : v
                }
                let weight: Double
                if let w = columns.weight {
                    guard let text = field(w), let value = Double(text), value.isFinite, value >= 0 else {
                        problems.add(InputProblem(line: row.line, column: w + 1, columnName: header.fields[w], message: "expected a weight, a number 0 or more, found '\(fields[w])'"))
                        continue
                    }
                    weight = value
                } else {
                    weight = 1
                }
                var date: String?
                if let d = field(columns.date) {
                    guard let parsed = LinkDate.parse(d, monthFirst: columns.monthFirstDates) else {
                        problems.add(InputProblem(line: row.line, column: columns.date! + 1, columnName: header.fields[columns.date!], message: "expected a date as \(columns.monthFirstDates ? "M/D/YYYY" : "YYYY-MM-DD (ISO 8601)"), found '\(d)'"))
                        continue
                    }
                    date = parsed
                }
                guard let a = field(columns.source), let b = field(columns.target) else {
                    problems.add(InputProblem(line: row.line, message: "expected two people, in columns \(columns.source + 1) and \(columns.target + 1); one is empty"))
                    continue
                }
                let sourceID = writer.person(a), targetID = writer.person(b)
                guard let sourceID, let targetID else {
                    for value in [a, b] where writer.person(value) == nil { unknown[value, default: 0] += 1 }
                    unknownRows += 1
                    if firstUnknownLines.count < 5 { firstUnknownLines.append(row.line) }
                    if options.strict {
                        problems.add(InputProblem(line: row.line, message: "'\(sourceID == nil ? a : b)' is nobody in snapshot \(snapshot.id)'s org chart (matched by id or email); without --strict such links are counted and skipped"))
                    }
                    continue
                }
                if sourceID == targetID { selfLinks += 1; continue }
                if weight == 0 { zeroWeight += 1; continue }
                if problems.problems.isEmpty { try writer.insert(source: sourceID, target: targetID, weight: weight, kind: field(columns.kind), date: date) }
            }
            try problems.throwIfAny()
            if rowsRead == 0 {
                throw OrgMapError.invalidInput(file: file, problems: [InputProblem(line: header.line, message: "the header has no rows under it; expected one row per link")], more: 0)
            }
            let warnings = (unknownRows > 0 ? 1 : 0) + (selfLinks > 0 ? 1 : 0)
            return ImportRecord(kind: "links", fileName: file, sha256: input.finishDigest(), rowsRead: rowsRead, rowsStored: writer.stored, rowsSkipped: rowsRead - writer.stored, warnings: warnings, duration: Date().timeIntervalSince(started))
        }
        if unknownRows > 0 {
            let named = unknown.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map { "'\($0.key)' (\($0.value))" }.joined(separator: ", ")
            logger.warning("\(file): \(unknownRows) link\(unknownRows == 1 ? "" : "s") name someone who is not in snapshot \(snapshot.id)'s org chart and \(unknownRows == 1 ? "was" : "were") skipped (lines \(firstUnknownLines.map(String.init).joined(separator: ", "))\(unknownRows > firstUnknownLines.count ? ", …" : "")); most frequent: \(named). Use --strict to make this an error")
        }
        if selfLinks > 0 { logger.warning("\(file): \(selfLinks) link\(selfLinks == 1 ? "" : "s") from a person to themselves skipped") }
        if zeroWeight > 0 { logger.info("\(file): \(zeroWeight) row\(zeroWeight == 1 ? "" : "s") with weight 0 skipped") }
        return LinksImportResult(
            snapshot: snapshot, fileName: file, format: columns.format, rowsRead: rowsRead, stored: record.rowsStored,
            selfLinks: selfLinks, unknownEndpoints: unknownRows, zeroWeight: zeroWeight, duration: Date().timeIntervalSince(started))
    }
}

/// Link dates: ISO 8601 (`2026-11-03`, `2026-11-03T09:30:00Z`) or, in Viva exports, `11/3/2026`.
enum LinkDate {
    static func parse(_ text: String, monthFirst: Bool) -> String? {
        if monthFirst || text.utf8.contains(UInt8(ascii: "/")) {
            let parts = text.split(separator: " ").first.map { $0.split(separator: "/") } ?? []
            guard parts.count == 3, let m = Int(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 else { return nil }
            return CalendarDate(year: y, month: m, day: d)?.description
        }
        let bytes = text.utf8
        guard bytes.count >= 10 else { return nil }
        if bytes.count > 10 {
            let next = bytes[bytes.index(bytes.startIndex, offsetBy: 10)]
            guard next == UInt8(ascii: "T") || next == UInt8(ascii: " ") else { return nil }
        }
        let day = bytes.count == 10 ? text : String(Substring(bytes.prefix(10)))
        return CalendarDate(day) != nil ? day : nil
    }
}
