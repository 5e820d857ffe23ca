import ArgumentParser

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import an org chart (people) into the database.",
        subcommands: [ImportPeople.self]
    )
}
