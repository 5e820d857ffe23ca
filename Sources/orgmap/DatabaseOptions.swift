import ArgumentParser
import Foundation
import OrgStore

/// `--db`, shared by every command that uses the database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The orgmap database file (default: $ORGMAP_DB, else orgmap.sqlite in the current folder).", valueName: "path"))
    var db: String?

    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["ORGMAP_DB"], !env.isEmpty { return env }
        return "orgmap.sqlite"
    }


    /// Opens an existing database; a missing file is reported as "nothing imported yet", not created.
    func openExisting() throws -> AppDatabase { try AppDatabase.open(path: path, create: false) }
}

/// `--format`, for commands that print either a table or JSON.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
