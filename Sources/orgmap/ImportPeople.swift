import ArgumentParser
import Foundation
import OrgImport
import OrgMapKit
import OrgModel

struct ImportPeople: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Import an org chart (CSV or Excel workbook) as a new dated snapshot.",
        discussion: """
            Reads the CSV or Excel workbook (.xlsx) your HR or org-chart tool exports (BambooHR, Workday, \
            Rippling, HiBob, Personio, Pingboard, Entra ID, draw.io, Visio, d3-org-chart, UK organograms...). \
            A workbook is read from its first visible sheet with data (--sheet chooses), from the header row \
            below any title rows; cells keep what Excel shows (an id 1001 stays 1001, dates are YYYY-MM-DD). \
            Save .xls, Numbers and .ods files as .xlsx or CSV first. Headers are recognised \
            whatever their case, spaces and punctuation: Employee ID / Employee # / PersonId, Name or First \
            Name + Last Name, Email, Title / Job Title, Department / Division, Team, Manager / Manager ID / \
            Manager Email / Reports To / Supervisor / parentId, Dotted Line Manager, Level, Location. \
            The mapping used is printed on standard error; map any column by hand with --column. A \
            directory export without a manager column (Entra ID, Google Workspace) is imported with a \
            warning: reporting lines are unknown, and tiers come from titles.

            Forgiving where nothing is lost: a first line 'sep=;' (Excel) sets the delimiter; an empty last \
            header cell may be missing from rows; '.', '-', 'N/A', 'NULL', '(none)' in a manager column mean \
            no manager; text that is not UTF-8 is read as Windows-1252 from its first such line, with a \
            warning (--encoding chooses).

            Managers are matched by id, email or full name, whichever the column's values match. The file \
            is checked as a whole (duplicate ids, unknown or ambiguous managers, cycles, ragged rows) and \
            stored in one transaction: on any problem nothing is written and every problem is listed with \
            its line.

            One snapshot a day: the same file again for the same --as-of does nothing (its SHA-256 tells); a \
            different chart for a day that has one is refused, unless --replace replaces it and its links.

            Examples:
              orgmap import people bamboohr.csv --as-of 2026-11-01
              orgmap import people "Employee Report.xlsx" --sheet Staff
              orgmap import people export.csv --column manager="Line Manager" --column id="Staff No"
              cat people.csv | orgmap import people - --dry-run
            """
    )

    @Argument(help: ArgumentHelp("The org chart CSV, or - for standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The date the org chart describes, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @Option(name: .customLong("column"), parsing: .singleValue, help: ArgumentHelp("Map a field to a header by hand, as FIELD=HEADER. Fields: \(PeopleColumn.allCases.map(\.rawValue).joined(separator: ", ")). Repeatable.", valueName: "field=header"))
    var columns: [String] = []

    @Flag(help: "Import people whose manager is nobody in the file as roots, with a warning, instead of failing.")
    var allowUnknownManagers = false

    @Flag(help: "Read and check the file, print what would be imported, write nothing.")
    var dryRun = false

    @Flag(help: "When a different org chart already has a snapshot for this --as-of day, replace it (its links are removed with it) instead of refusing.")
    var replace = false

    @OptionGroup var reading: CSVReadingOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        _ = try options()
        _ = try date()
    }

    func options() throws -> PeopleImportOptions {
        var options = PeopleImportOptions()
        options.allowUnknownManagers = allowUnknownManagers
        options.csv = try reading.csvOptions()
        options.sheet = reading.sheet
        for (field, header) in try ColumnMapping.parse(columns, as: PeopleColumn.self) { options.columnOverrides[field] = header }
        return options
    }

    func date() throws -> CalendarDate {
        guard let asOf else { return CalendarDate.today() }
        guard let date = CalendarDate(asOf) else {
            throw ValidationError("--as-of \(asOf): expected a date as YYYY-MM-DD, such as 2026-11-01")
        }
        return date
    }

    func run() throws {
        var options = try options()
        options.progress = TerminalProgress.reporter(quiet: reading.quiet, label: "reading \(file)")
        defer { TerminalProgress.finish(quiet: reading.quiet) }
        let outcome = try PeopleImport(source: .path(file), asOf: try date(), options: options, dryRun: dryRun, replace: replace)
            .run(into: .file(database.path), logger: Diagnostics.logger(quiet: reading.quiet))
        emit(outcome.summary(database: database.path) + "\n")
    }
}
