import ArgumentParser
import OrgMapKit

struct Leaders: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List engineering leaders with their tier, E-I index and business departments reached.",
        discussion: """
            Examples:
              orgmap leaders
              orgmap leaders --format json --since 2026-09-01
              orgmap leaders --anonymize     # pseudonyms in place of names, emails and HR ids
            """
    )

    @Option(help: "text (an aligned table) or json.")
    var format: ListingFormat = .text

    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.openExisting()
        let analyzed = try analysis.request.analyze(db)
        emit(format.leaders(analyzed))
        advisePacking(analyzed.context.snapshotsRead, request: analysis.request, in: db)
    }
}

struct Departments: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List departments: engineering or business, and which engineering leaders reach each.",
        discussion: """
            Examples:
              orgmap departments
              orgmap departments --format json
              orgmap departments --anonymize --min-group-size 8
            """
    )

    @Option(help: "text (an aligned table) or json.")
    var format: ListingFormat = .text

    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.openExisting()
        let analyzed = try analysis.request.analyze(db)
        emit(format.departments(analyzed))
        advisePacking(analyzed.context.snapshotsRead, request: analysis.request, in: db)
    }
}
