import ArgumentParser

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import an org chart (people) or collaboration links into the database.",
        discussion: """
            First the org chart, then who works with whom:
              orgmap import people people.csv --as-of 2026-11-01
              orgmap import links meetings.csv
            """,
        subcommands: [ImportPeople.self, ImportLinks.self]
    )
}
