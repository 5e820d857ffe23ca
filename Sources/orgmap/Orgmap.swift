import ArgumentParser

@main
struct Orgmap: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "orgmap",
        abstract: "Map an organization into SQLite and show where engineering leadership is cut off from the rest of the company.",
        discussion: """
            Import an org chart exported from your HR system (BambooHR, Workday, Rippling, HiBob, Personio, \
            Pingboard, Entra ID, draw.io, Visio...) into a SQLite database, one dated snapshot per import, \
            then look at it.

            Try it on the embedded sample organization:
              orgmap demo

            With your own export:
              orgmap import people people.csv --as-of 2026-11-01
              orgmap org
              orgmap snapshots

            The database is orgmap.sqlite in the current folder unless --db or ORGMAP_DB says otherwise.
            Exit status: 0 success, 1 bad input or failure, 64 usage error.
            """,
        version: version,
        subcommands: [Demo.self, Import.self, Report.self, Diff.self, Leaders.self, Departments.self, Org.self, Snapshots.self, PolicyCommand.self, Generate.self]
    )
}
