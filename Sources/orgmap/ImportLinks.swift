import ArgumentParser
import OrgImport
import OrgMapKit

extension LinkFormat: ExpressibleByArgument {}
extension VivaWeight: ExpressibleByArgument {}

struct ImportLinks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Import collaboration links (who works with whom) into a snapshot.",
        discussion: """
            Two layouts are read, detected from the header:

            An edge list: two people by id or email per row (source,target / from,to / person_a,person_b / \
            email_a,email_b), an optional weight (default 1), kind (meeting, chat, email, project, 1:1...) \
            and date (YYYY-MM-DD):
              source,target,weight,kind,date
              NW002,NW004,3,meeting,2026-10-14

            The Microsoft Viva Insights person-to-person export (PrimaryCollaborator_PersonId, \
            SecondaryCollaborator_PersonId, MetricDate, Strong_tie_score, Diverse_tie_score...); --weight \
            picks the score used. Rows whose weight is 0 are skipped.

            Links attach to the latest snapshot, or to --snapshot. People are matched by the id of the org \
            chart, then by email. Links naming someone not in the org chart are counted and skipped with a \
            warning (--strict makes them an error); links from a person to themselves are skipped. Dotted-line \
            managers of the org chart already count as links. The import is one transaction: on any error \
            nothing is written.

            Examples:
              orgmap import links meetings.csv
              orgmap import links viva-p2p.csv --weight diverse --snapshot 2
            """
    )

    @Argument(help: ArgumentHelp("The links CSV, or - for standard input.", valueName: "file"))
    var file: String

    @Option(help: "auto (detect from the header), edges or viva-p2p.")
    var format: LinkFormat = .auto

    @Option(help: "For Viva Insights files: the score used as weight: strong, diverse or none (every link weighs 1).")
    var weight: VivaWeight = .strong

    @Option(help: ArgumentHelp("The snapshot to attach the links to (default: the latest).", valueName: "id"))
    var snapshot: Int64?

    @Flag(help: "Fail when a link names someone who is not in the org chart, instead of skipping it.")
    var strict = false

    @OptionGroup var reading: CSVReadingOptions
    @OptionGroup var database: DatabaseOptions

    func options() throws -> LinksImportOptions {
        var options = LinksImportOptions()
        options.format = format
        options.vivaWeight = weight
        options.snapshotID = snapshot
        options.strict = strict
        options.csv = try reading.csvOptions()
        return options
    }

    func run() throws {
        var options = try options()
        options.progress = TerminalProgress.reporter(quiet: reading.quiet, label: "importing \(file)")
        defer { TerminalProgress.finish(quiet: reading.quiet) }
        let outcome = try LinksImport(source: .path(file), options: options)
            .run(in: try database.openExisting(), logger: Diagnostics.logger(quiet: reading.quiet))
        emit(outcome.summary + "\n")
    }
}
