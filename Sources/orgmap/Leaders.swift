import ArgumentParser
import OrgReport

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
    var format: OutputFormat = .text

    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let (analysis, _) = try analysis.analyze(try database.openExisting())
        emit(format == .json ? LeadersTable.json(analysis) : LeadersTable.render(analysis))
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
    var format: OutputFormat = .text

    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let (analysis, _) = try analysis.analyze(try database.openExisting())
        let rule = self.analysis.privacy.minimumGroupSize
        emit(format == .json
             ? DepartmentsTable.json(analysis, minimumGroupSize: rule)
             : DepartmentsTable.render(analysis, minimumGroupSize: rule))
    }
}
