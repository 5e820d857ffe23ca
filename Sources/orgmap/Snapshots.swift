import ArgumentParser
import Foundation
import OrgMapKit

struct Snapshots: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the imported org chart snapshots, remove one with its links, or pack their links.",
        discussion: """
            Each `orgmap import people` is a snapshot, dated with --as-of.

            Examples:
              orgmap snapshots
              orgmap snapshots --format json --db acme.sqlite
              orgmap snapshots remove 3        # asks first on a terminal; --yes does not
              orgmap snapshots pack            # links an older orgmap stored
            """,
        subcommands: [SnapshotsList.self, SnapshotsRemove.self, SnapshotsPack.self],
        defaultSubcommand: SnapshotsList.self
    )
}

struct SnapshotsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the snapshots, oldest first, with their link counts and whether their links are packed.")

    @Option(help: "text (an aligned table) or json.")
    var format: ListingFormat = .text

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        emit(try format.snapshots(in: try database.openExisting()))
    }
}

struct SnapshotsRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a snapshot: its people, reporting lines and links, in one transaction.",
        discussion: """
            The import log keeps its entries (`orgmap imports`), marked as without a snapshot. On a terminal it \
            asks first; elsewhere it needs --yes.

            Example:
              orgmap snapshots remove 3 --yes
            """
    )

    @Argument(help: ArgumentHelp("The snapshot to remove (`orgmap snapshots` lists them).", valueName: "id"))
    var id: Int64

    @Flag(help: "Remove without asking.")
    var yes = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.openExisting()
        try Confirmation.ask("Remove \(try History.describeSnapshot(id: id, in: db))?", yes: yes)
        emit(try History.removeSnapshot(id: id, in: db) + "\n")
    }
}

struct SnapshotsPack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Pack snapshots' links so that reports read them at full speed.",
        discussion: """
            Every links import packs the links it stores: summed per pair of people and month, which the report, \
            leaders, departments, diff and plan read instead of every link (docs/schema.md). Links stored by an \
            orgmap before schema version 4, or changed by hand with the sqlite3 shell, are read row by row instead: \
            the same results, in about 1.7 times the time. `orgmap snapshots` says which are packed.

            With no id, every snapshot whose links are not packed is packed; with ids, those snapshots' links are \
            packed again. One transaction a snapshot: an interruption keeps the snapshots packed before it. The \
            triggers that notice changes made by hand are put back if they were dropped or changed; every other \
            snapshot's pack is then set aside too (changes could have gone unseen), to be packed by a run with no id. \
            Links changed by hand so that they cannot be packed (a date that is no day) are said on standard error \
            and read row by row, with the same results.

            Examples:
              orgmap snapshots pack
              orgmap snapshots pack 2 3 --db acme.sqlite
            """
    )

    @Argument(help: ArgumentHelp("The snapshots to pack (default: every snapshot whose links are not packed).", valueName: "id"))
    var ids: [Int64] = []

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try History.packLinks(snapshots: ids, in: try database.openExisting(), say: { emit($0 + "\n") }, warn: { note("warning: " + $0) })
    }
}

struct Imports: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every import, or remove one links import's links.",
        discussion: """
            Each import's id, kind (people or links), snapshot, file, SHA-256 of what was read, rows read and \
            stored, and when. Importing the same links again into a snapshot, or the same org chart for the same \
            day, does nothing: the SHA-256 tells.

            Examples:
              orgmap imports
              orgmap imports --format json
              orgmap imports remove 4          # the links of import 4; asks first on a terminal
            """,
        subcommands: [ImportsList.self, ImportsRemove.self],
        defaultSubcommand: ImportsList.self
    )
}

struct ImportsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every import, oldest first.")

    @Option(help: "text (an aligned table) or json.")
    var format: ListingFormat = .text

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        emit(try History.imports(in: try database.openExisting(), format: format))
    }
}

struct ImportsRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove the links one links import stored, in one transaction.",
        discussion: """
            An org chart's import is a snapshot: remove it with `orgmap snapshots remove ID`. On a terminal it \
            asks first; elsewhere it needs --yes.

            Example:
              orgmap imports remove 4 --yes
            """
    )

    @Argument(help: ArgumentHelp("The import to remove (`orgmap imports` lists them).", valueName: "id"))
    var id: Int64

    @Flag(help: "Remove without asking.")
    var yes = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.openExisting()
        try Confirmation.ask("Remove \(try History.describeImport(id: id, in: db))?", yes: yes)
        emit(try History.removeImport(id: id, in: db) + "\n")
    }
}

/// A yes-or-no question before a removal: asked on a terminal, refused elsewhere unless --yes was given.
enum Confirmation {
    static func ask(_ question: String, yes: Bool) throws {
        if yes { return }
        guard isatty(STDIN_FILENO) != 0 else {
            throw ValidationError("\(question.dropLast()) — not confirmed: standard input is not a terminal. Add --yes to go ahead; nothing was removed.")
        }
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased(), ["y", "yes"].contains(answer) else {
            note("Nothing was removed.")
            throw ExitCode(1)
        }
    }
}
