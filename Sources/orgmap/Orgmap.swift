import ArgumentParser

@main
struct Orgmap: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "orgmap",
        abstract: "Map an organization into SQLite and show where engineering leadership is cut off from the rest of the company.",
        discussion: """
            Engineering managers work inside their team; technology leaders must collaborate across \
            departments. orgmap measures that: it imports an org chart exported from your HR system \
            (BambooHR, Workday, Rippling, HiBob, Personio, Pingboard, Entra ID, draw.io, Visio...) and a \
            record of who works with whom (an edge list, or a Viva Insights person-to-person export) into \
            a SQLite database, one dated snapshot per import, and reports which engineering leaders lack \
            cross-department ties, which departments have no bridge into engineering, and who should meet whom.

            Try it on the embedded sample organization:
              orgmap demo

            With your own exports:
              orgmap import people people.csv --as-of 2026-11-01
              orgmap import links links.csv
              orgmap report > leadership-gaps.md
              orgmap diff      # after a second import: gaps opened, closed

            The database is orgmap.sqlite in the current folder unless --db or ORGMAP_DB says otherwise.
            Exit status: 0 success, 1 bad input or failure (nothing written), 2 findings reached \
            report --fail-on, 64 usage error.
            """,
        version: version,
        subcommands: [DemoCommand.self, Import.self, Report.self, Diff.self, Leaders.self, Departments.self, Links.self, Org.self, Snapshots.self, Imports.self, PolicyCommand.self, Generate.self]
    )
}
