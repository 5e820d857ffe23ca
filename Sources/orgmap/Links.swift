import ArgumentParser
import Foundation
import OrgMapKit

extension PairListing.Format: ExpressibleByArgument {}

struct Links: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the links of a snapshot, one row per pair of people, to audit what was imported.",
        discussion: """
            Each pair of people who have links, whatever their sources: both people (id, email, name), the \
            weight summed over every link, how many links, the first and last dates, and their kinds \
            (meeting, chat, ...). Heaviest pairs first. Check what orgmap took from a calendar or a chat \
            export before trusting a report built on it.

            Columns: a_id,a_email,a_name,b_id,b_email,b_name,weight,links,first_date,last_date,kinds

            Examples:
              orgmap links > links-audit.csv
              orgmap links --snapshot 2 --format json
              orgmap links --anonymize       # pseudonyms, as in the reports
            """
    )

    @Option(help: ArgumentHelp("The snapshot to list (default: the latest).", valueName: "id"))
    var snapshot: Int64?

    @Option(help: "csv or json.")
    var format: PairListing.Format = .csv

    @Flag(help: ArgumentHelp("Replace ids, names and emails with the pseudonyms the reports use (keyed with \(Privacy.keyVariable) when it is set)."))
    var anonymize = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let privacy = Privacy(anonymize: anonymize, key: Privacy.key(in: ProcessInfo.processInfo.environment))
        try PairListing(snapshot: snapshot, format: format, privacy: privacy).write(from: try database.openExisting(), to: emit)
    }
}
