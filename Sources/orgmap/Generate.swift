import ArgumentParser
import OrgMapKit
import OrgSample

extension SyntheticOrg.LinkLayout: ExpressibleByArgument {}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic synthetic organization: an org chart CSV and a links CSV, and calendars on request.",
        discussion: """
            For benchmarks, and for trying orgmap without your own data. The same options and seed give \
            the same files on every machine. The hierarchy has a CEO, a CTO over the engineering \
            departments, heads of department and teams of 4 to 10; department sizes are skewed; titles \
            match the tiers; links are mostly inside teams and departments, with --cross-share of them \
            across departments. Gaps are planted: some senior engineering leaders never reach the \
            business, and one business department has no link to any engineering leader.

            --xlsx also writes the org chart as people.xlsx, an Excel workbook with a title, the date and \
            a blank row above the header, as HR tools export it.

            --calendars also writes a year of the organization's meetings, to 2026-11-01, as one .ics file \
            a person in calendars/, each meeting in the file of everyone invited: stand-ups, 1:1s, team \
            meetings, monthly all-hands, one-off meetings, days out of office. Import the org chart with \
            --as-of 2026-11-01, then the folder with `orgmap import links calendars/`.

            Examples:
              orgmap generate --people 2000 --links 50000
              orgmap generate --people 1000 --calendars --out org
              orgmap generate --people 100000 --xlsx --out bench/out
              orgmap generate --people 100000 --departments 40 --links 5000000 --out bench/out
              orgmap generate --links-format viva
            """
    )

    @Option(help: "How many people.")
    var people = 1_000

    @Option(help: "How many departments (at most a quarter of --people).")
    var departments = 12

    @Option(help: "How many links.")
    var links = 20_000

    @Option(help: "The seed of the generator.")
    var seed: UInt64 = 1

    @Option(help: "The share of links that cross departments, 0 to 1.")
    var crossShare = 0.15

    @Option(help: "edges (source,target,weight,kind,date) or viva (Viva Insights person-to-person columns).")
    var linksFormat: SyntheticOrg.LinkLayout = .edges

    @Flag(help: "Also write a year of meetings to 2026-11-01 as calendars, one .ics file a person, in calendars/.")
    var calendars = false

    @Flag(help: "Also write the org chart as an Excel workbook, people.xlsx, with a title block above the header as HR tools export it.")
    var xlsx = false

    @Option(help: ArgumentHelp("The folder to write people.csv and links.csv into.", valueName: "folder"))
    var out = "."

    func validate() throws {
        guard people >= 10 else { throw ValidationError("--people must be at least 10") }
        guard departments >= 2, departments <= people / 4 else { throw ValidationError("--departments must be from 2 to a quarter of --people (\(people / 4))") }
        guard links >= 0 else { throw ValidationError("--links must be 0 or more") }
        guard (0...1).contains(crossShare) else { throw ValidationError("--cross-share must be from 0 to 1") }
    }

    func run() throws {
        var options = SyntheticOrg.Options()
        options.people = people
        options.departments = departments
        options.links = links
        options.seed = seed
        options.crossDepartmentShare = crossShare
        let written = try SyntheticFiles.write(options, layout: linksFormat, calendars: calendars ? SyntheticCalendars.Options() : nil, workbook: xlsx, into: out)
        emit("Wrote \(people) people in \(departments) departments to \(written.people) and \(links) links to \(written.links).\n")
        if let workbook = written.peopleWorkbook {
            emit("Wrote the org chart as a workbook to \(workbook).\n")
        }
        if let folder = written.calendars {
            emit("Wrote \(written.calendarFiles) calendars to \(folder).\n")
        }
    }
}
