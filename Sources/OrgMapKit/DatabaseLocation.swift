import Foundation
import OrgStore

/// Where the database is: `--db`, else `$ORGMAP_DB`, else `orgmap.sqlite` in the current folder.
public enum DatabaseLocation {
    public static let environmentVariable = "ORGMAP_DB"
    public static let defaultPath = "orgmap.sqlite"

    /// The path to use: the one given, else the environment's, else the default.
    public static func path(given: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let given { return given }
        if let path = environment[environmentVariable], !path.isEmpty { return path }
        return defaultPath
    }

    /// Opens an existing database; a missing file is reported as "nothing imported yet", never created.
    public static func openExisting(_ path: String) throws -> AppDatabase {
        try AppDatabase.open(path: path, create: false)
    }
}
