import Foundation
import OrgModel

/// Results written to a file rather than standard output.
public enum OutputFile {
    /// Writes `text` next to `path` and renames it into place: a reader never sees half a report, and a failure
    /// leaves the old file as it was.
    public static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw OrgMapError.unwritableFile(path: path, reason: error.localizedDescription)
        }
    }

    /// Writes `bytes` to a new file at `path`; an existing file is left alone unless `replacing`.
    public static func create(_ bytes: [UInt8], at path: String, replacing: Bool) throws {
        if !replacing, FileManager.default.fileExists(atPath: path) {
            throw OrgMapError.invalidArgument("\(path) already exists; use --force to replace it")
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw OrgMapError.unwritableFile(path: path, reason: error.localizedDescription)
        }
    }
}
