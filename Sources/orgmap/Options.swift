import ArgumentParser
import Foundation
import OrgImport
import OrgMapKit
import OrgModel
import OrgStore

/// `--db`, shared by every command that uses the database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The orgmap database file (default: $\(DatabaseLocation.environmentVariable), else \(DatabaseLocation.defaultPath) in the current folder).", valueName: "path"))
    var db: String?

    var path: String { DatabaseLocation.path(given: db) }

    /// Opens an existing database; a missing file is reported as "nothing imported yet", not created.
    func openExisting() throws -> AppDatabase { try DatabaseLocation.openExisting(path) }
}

/// `--policy`, for every command that analyzes.
struct PolicyOption: ParsableArguments {
    @Option(help: ArgumentHelp("A YAML policy file (see `orgmap policy init`); default: the built-in policy.", valueName: "file"))
    var policy: String?
}

/// The options every command that analyzes one snapshot shares.
struct AnalysisOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The snapshot to analyze (default: the latest).", valueName: "id"))
    var snapshot: Int64?

    @OptionGroup var policy: PolicyOption
    @OptionGroup var dates: LinkDates
    @OptionGroup var privacy: PrivacyOptions

    var request: AnalysisRequest {
        AnalysisRequest(snapshot: snapshot, policyFile: policy.policy, since: dates.sinceDate, until: dates.untilDate, privacy: privacy.privacy)
    }
}

/// After a command that read links: a note on standard error when some snapshots' links were read row by row for
/// want of a pack (`orgmap snapshots pack`). Advice only: a failure to work it out is not the command's.
func advisePacking(_ snapshots: [Int64], request: AnalysisRequest, in db: AppDatabase) {
    if let advice = try? History.packAdvice(snapshots: snapshots, since: request.since, until: request.until, in: db) { note(advice) }
}

/// `--since` and `--until`: the links that count, by their date. For every command that analyzes.
struct LinkDates: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Only links dated on or after this day, YYYY-MM-DD (undated links are left out). The first of a month is read fastest.",
        valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp(
        "Only links dated on or before this day, YYYY-MM-DD (undated links are left out). The last day of a month is read fastest.",
        valueName: "date"))
    var until: String?

    var sinceDate: CalendarDate? { since.flatMap(CalendarDate.init) }
    var untilDate: CalendarDate? { until.flatMap(CalendarDate.init) }

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, CalendarDate(value) == nil {
                throw ValidationError("\(name) \(value): expected a date as YYYY-MM-DD, such as 2026-09-01")
            }
        }
        if let since, let until, let s = sinceDate, let u = untilDate, s > u { throw ValidationError("--since \(since) is after --until \(until)") }
    }
}

/// `--anonymize` and `--min-group-size`, for every command that exports people or departments.
struct PrivacyOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Replace names, emails and HR ids with stable pseudonyms (Person 3f2a9c, P-3f2a9c) in every format, and suppress the figures of departments with fewer than \(Privacy.defaultMinimumGroupSize) people unless --min-group-size says otherwise. Titles, teams and department names are kept. Set \(Privacy.keyVariable) to a secret so that nobody without it can recompute the pseudonyms from HR ids."))
    var anonymize = false

    @Option(help: ArgumentHelp(
        "Replace the figures of departments with fewer than N people by a 'suppressed' marker (default: \(Privacy.defaultMinimumGroupSize) with --anonymize, none without; 1 suppresses nothing). Leader-level figures are kept.",
        valueName: "N"))
    var minGroupSize: Int?

    func validate() throws {
        if let minGroupSize, minGroupSize < 1 {
            throw ValidationError("--min-group-size \(minGroupSize): expected a whole number of people, 1 or more (1 suppresses nothing)")
        }
    }

    var privacy: Privacy {
        Privacy(anonymize: anonymize, key: Privacy.key(in: ProcessInfo.processInfo.environment), minimumGroupSize: minGroupSize)
    }
}

/// `--output`, for the commands that write a report.
struct OutputOption: ParsableArguments {
    @Option(help: ArgumentHelp("Write to this file instead of standard output (replaced whole, never half-written).", valueName: "file"))
    var output: String?

    /// Prints `text` on standard output, or writes it to the file and says so on standard error with `summary`.
    func deliver(_ text: String, summary: String) throws {
        guard let output else { return emit(text) }
        try OutputFile.write(text, to: output)
        note("Wrote \(output): \(summary).")
    }
}

/// How an input table (CSV or Excel workbook) is read, shared by `import people` and `import links`.
struct CSVReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Excel workbooks (.xlsx): the sheet to read, by its tab's name (default: the first visible sheet with data).", valueName: "name"))
    var sheet: String?

    @Option(help: ArgumentHelp("The field delimiter: comma, semicolon, tab, pipe, whitespace (runs of spaces and tabs) or one character (default: a first line 'sep=X', else detected from the header).", valueName: "delimiter"))
    var delimiter: String?

    @Option(help: ArgumentHelp("The file's text encoding: auto (UTF-8; from the first line that is not, Windows-1252, with a warning), utf-8 (strict), cp1252 or latin1.", valueName: "encoding"))
    var encoding: String = "auto"

    @Flag(help: "Print only warnings and errors on standard error (no column mapping, no progress).")
    var quiet = false

    func validate() throws { _ = try csvOptions() }

    func csvOptions() throws -> CSVOptions {
        var options = CSVOptions()
        options.delimiter = try delimiter.map(Self.parseDelimiter)
        guard let encoding = TextEncoding(name: encoding) else {
            throw ValidationError("--encoding \(encoding) is not supported; use auto, utf-8, cp1252 or latin1")
        }
        options.encoding = encoding
        return options
    }

    static func parseDelimiter(_ text: String) throws -> UInt8 {
        switch text.lowercased() {
        case "comma", ",": return UInt8(ascii: ",")
        case "semicolon", ";": return UInt8(ascii: ";")
        case "tab", "\\t", "\t": return UInt8(ascii: "\t")
        case "pipe", "|": return UInt8(ascii: "|")
        case "whitespace", "space", " ": return CSVOptions.whitespace
        default:
            guard text.utf8.count == 1, let byte = text.utf8.first, byte != UInt8(ascii: "\""), byte != 10, byte != 13 else {
                throw ValidationError("--delimiter \(text): expected comma, semicolon, tab, pipe or a single character other than a quote")
            }
            return byte
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension DiffFormat: ExpressibleByArgument {}
extension ListingFormat: ExpressibleByArgument {}

/// `--column FIELD=HEADER` values, checked against the command's fields.
enum ColumnMapping {
    static func parse<Field: RawRepresentable & CaseIterable>(_ values: [String], as: Field.Type) throws -> [(Field, String)] where Field.RawValue == String {
        try values.map { mapping in
            let parts = mapping.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let field = Field(rawValue: parts[0].trimmingCharacters(in: .whitespaces).lowercased()), !parts[1].isEmpty else {
                throw ValidationError("--column \(mapping): expected FIELD=HEADER with FIELD one of \(Field.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return (field, parts[1])
        }
    }
}
