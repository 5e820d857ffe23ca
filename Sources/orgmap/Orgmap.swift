import ArgumentParser
import Foundation

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
            record of who works with whom (calendars, a Slack export, an edge list or a Viva Insights \
            export) into a SQLite database, one dated snapshot per import, and reports which engineering \
            leaders lack cross-department ties, which departments have no bridge into engineering, and who \
            should meet whom.

            Try it on the embedded sample organization:
              orgmap demo

            With your own exports:
              orgmap import people people.csv --as-of 2026-11-01
              orgmap import links calendars/        # .ics files; or a Slack export, or a CSV
              orgmap links > audit.csv              # what was taken from them, pair by pair
              orgmap report > leadership-gaps.md
              orgmap diff      # after a second import: gaps opened, closed

            The database is orgmap.sqlite in the current folder unless --db or ORGMAP_DB says otherwise; \
            `orgmap imports` and `orgmap snapshots` list what it holds, and take an import back.
            Exit status: 0 success, 1 bad input or failure (nothing written), 2 findings reached \
            report --fail-on, 64 usage error.
            """,
        version: version,
        subcommands: [DemoCommand.self, Import.self, Report.self, PlanCommand.self, Diff.self, Leaders.self, Departments.self, Links.self, Org.self, Snapshots.self, Imports.self, PolicyCommand.self, Generate.self]
    )

    /// Parses and runs the command, as ArgumentParser's own `main` does, but first answers a mistyped command
    /// or subcommand with the nearest one ("did you mean 'report'?", "did you mean 'people'?").
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = CommandSuggestion.mistyped(arguments, root: Orgmap.self) {
            FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

/// The nearest command to a mistyped one.
enum CommandSuggestion {
    /// What to say when `arguments` name a command that does not exist, at any depth (`orgmap reprot`,
    /// `orgmap import peple`); nil when the command path is right, and past the first option or argument of a
    /// command that takes them (a command with a default subcommand takes its arguments too).
    static func mistyped(_ arguments: [String], root: any ParsableCommand.Type) -> String? {
        var command = root
        var path = [root._commandName]
        for argument in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, command.configuration.defaultSubcommand == nil, !argument.hasPrefix("-") else { return nil }
            if let next = subcommands.first(where: { $0._commandName == argument }) {
                command = next
                path.append(argument)
                continue
            }
            if argument == "help" { return nil }
            let names = subcommands.map { $0._commandName }
            let nearest = names.min { distance(argument, $0) < distance(argument, $1) }
            let hint = nearest.flatMap { distance(argument, $0) <= max(2, argument.count / 3) ? " Did you mean '\($0)'?" : nil } ?? ""
            let parent = path.joined(separator: " ")
            let what = path.count == 1 ? "an orgmap command" : "a command of '\(parent)' (\(names.joined(separator: ", ")))"
            return "'\(argument)' is not \(what).\(hint) See '\(parent) --help'."
        }
        return nil
    }

    /// Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`.
    static func distance(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
