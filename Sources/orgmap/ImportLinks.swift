import ArgumentParser
import OrgImport
import OrgMapKit
import OrgModel

extension LinkFormat: ExpressibleByArgument {}
extension LinkWeight: ExpressibleByArgument {}

struct ImportLinks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Import who works with whom into a snapshot: calendars, a Slack export, or a table of links (CSV or Excel).",
        discussion: """
            Each path is read for what it holds (--format forces one kind); all the paths of one command are \
            one import, in one transaction: on any error nothing is written.

            Calendars (iCalendar .ics, as Google, Microsoft 365/Exchange and Apple export them): a file, a \
            folder of them (searched recursively), or a zip of them (Google Takeout). Each meeting links its \
            participants (the organizer and every attendee with an email, not those who declined, not rooms \
            or resources), every pair 1/(n-1), so each meeting adds 1 to each person; --weight hours uses its \
            length in hours instead. Recurring meetings are expanded in their own time zone; a meeting found \
            in several people's calendars counts once. Cancelled, all-day, one-person and crowded (more than \
            --max-attendees) meetings are left out and counted. See docs/links.md.

            A Slack workspace export (its zip, or the unzipped folder): thread replies, @mentions and direct \
            messages link their authors; bots and join/leave notices are left out. Slack users are matched by \
            email, else by name.

            A CSV: an edge list (two people by id or email per row: source,target / from,to / \
            fromId,toId / sender,recipient / ego,alter / node1,node2 / src,dst / e1,e2 / u,v / i,j / \
            person1,person2 / email_a,email_b; optional weight, kind, date as YYYY-MM-DD), or the \
            Microsoft Viva Insights person-to-person export (--weight strong, diverse or none picks its \
            score). Any other header: map it with --column. Network tools' files read as they are: no \
            header (the first row's two first fields are people of the org chart), fields separated by \
            spaces, a third number as the weight (networkx); a weight of 0 is no link. An Excel workbook \
            (.xlsx) is read as a table from its first visible sheet with data (--sheet chooses), below any \
            title rows. Standard input (-) is read as a CSV.

            A message log (from/sender with to/recipients, and cc, bcc): each cell may list several \
            recipients ("Ann Lee <ann@x.com>; bob@x.com"); the sender is linked with each, weight 1. A table \
            most of whose rows name nobody in the org chart is refused (--allow-unknown imports what matches).

            A network survey (--format survey), as Google Forms or Microsoft Forms export it: one row a \
            respondent (the Email Address, Email or Name column, or --respondent), the questions every \
            column whose answers name colleagues (or --question, repeatable), several to a cell separated by \
            commas, semicolons or line breaks, by name, email or id. Each colleague named links with the \
            respondent, weight 1 a question, kind = the question. More than 5% of names matching nobody \
            fails the import unless --allow-unknown; names matching several people are listed and skipped.

            Calendars and chat keep what starts in [--since, --until), by default the 365 days before the \
            snapshot's as-of date; a CSV keeps every row unless --since or --until is given. Links attach to \
            the latest snapshot, or --snapshot. People are matched by the org chart's id, then email; links \
            naming someone not in the org chart are counted and named in a warning (--strict makes it an \
            error for CSV files). `orgmap links` lists what was stored, pair by pair.

            Examples:
              orgmap import links calendars/                  # every .ics under the folder
              orgmap import links takeout.zip --max-attendees 12
              orgmap import links slack-export.zip
              orgmap import links meetings.csv viva-p2p.csv --weight diverse --snapshot 2
              orgmap import links graph.edgelist                          # networkx: 1 2 1.0
              orgmap import links mail.csv --column source=Sender --column target=To --column target=Cc
              orgmap import links advice-survey.csv --format survey
              orgmap import links "Survey (Responses).xlsx" --format survey --sheet "Form Responses 1"
            """
    )

    @Argument(help: ArgumentHelp("Calendar files or folders, a Slack export (zip or folder), CSV files or Excel workbooks; - for a CSV on standard input.", valueName: "path"))
    var paths: [String]

    @Option(help: "auto (from the content), ics, slack, edges, viva-p2p or survey.")
    var format: LinkFormat = .auto

    @Option(help: "Calendars: meetings (each adds 1/(n-1) to each pair; the default) or hours (its length in hours/(n-1)). Viva Insights: strong (the default), diverse or none (every link weighs 1).")
    var weight: LinkWeight?

    @Option(help: ArgumentHelp("Keep what starts on or after this day, YYYY-MM-DD (default for calendars and chat: 365 days before --until).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Keep what starts before this day, YYYY-MM-DD (default for calendars and chat: the snapshot's as-of date).", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Calendars: leave out meetings with more participants than this (an all-hands says nothing about who works with whom).", valueName: "n"))
    var maxAttendees = CalendarOptions.defaultMaxAttendees

    @Option(help: ArgumentHelp("The snapshot to attach the links to (default: the latest).", valueName: "id"))
    var snapshot: Int64?

    @Flag(help: "Fail when a CSV link names someone who is not in the org chart, instead of skipping it.")
    var strict = false

    @Flag(help: "Import what matches even when most rows of a table, or more than 5% of a survey's names, match nobody in the org chart.")
    var allowUnknown = false

    @Option(name: .customLong("column"), parsing: .singleValue, help: ArgumentHelp("Tables: map a field to a header by hand, as FIELD=HEADER. Fields: \(LinkField.allCases.map(\.rawValue).joined(separator: ", ")); target may repeat (To, Cc, Bcc).", valueName: "field=header"))
    var columns: [String] = []

    @Option(help: ArgumentHelp("Surveys: the column naming who answered (default: Email Address, Email, Name… whichever matches people).", valueName: "header"))
    var respondent: String?

    @Option(name: .customLong("question"), parsing: .singleValue, help: ArgumentHelp("Surveys: a question column (repeatable; default: every column whose answers name colleagues).", valueName: "header"))
    var questions: [String] = []

    @OptionGroup var reading: CSVReadingOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one path: a calendar file or folder, a Slack export, or a CSV") }
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, CalendarDate(value) == nil { throw ValidationError("\(name) \(value): expected a date as YYYY-MM-DD, such as 2026-09-01") }
        }
        if let since, let until, let s = CalendarDate(since), let u = CalendarDate(until), s >= u {
            throw ValidationError("--since \(since) is not before --until \(until) (--until is the first day left out)")
        }
        guard maxAttendees >= 2 else { throw ValidationError("--max-attendees \(maxAttendees): expected 2 or more (a meeting links at least two people)") }
        _ = try reading.csvOptions()
        _ = try ColumnMapping.parse(columns, as: LinkField.self)
        if (respondent != nil || !questions.isEmpty), format != .survey {
            throw ValidationError("--respondent and --question are for --format survey")
        }
    }

    func run() throws {
        var options = LinksImportOptions()
        options.format = format
        options.weight = weight
        options.snapshotID = snapshot
        options.strict = strict
        options.allowUnknown = allowUnknown
        for (field, header) in try ColumnMapping.parse(columns, as: LinkField.self) { options.columns[field, default: []].append(header) }
        options.respondent = respondent
        options.questions = questions
        options.since = since.flatMap(CalendarDate.init)
        options.until = until.flatMap(CalendarDate.init)
        options.maxAttendees = maxAttendees
        options.csv = try reading.csvOptions()
        options.sheet = reading.sheet
        options.progress = TerminalProgress.reporter(quiet: reading.quiet, label: "importing \(paths.joined(separator: ", "))")
        defer { TerminalProgress.finish(quiet: reading.quiet) }
        let outcome = try LinksImport(sources: paths.map(InputSource.path), options: options)
            .run(in: try database.openExisting(), logger: Diagnostics.logger(quiet: reading.quiet))
        emit(outcome.summary + "\n")
    }
}
