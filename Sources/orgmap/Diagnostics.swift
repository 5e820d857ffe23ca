import Foundation
import Logging
import OrgImport

/// Prints diagnostics to standard error as `warning: message`; standard output stays for results.
struct DiagnosticLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let prefix = event.level >= .warning ? "\(event.level == .warning ? "warning" : "error"): " : ""
        FileHandle.standardError.write(Data((prefix + event.message.description + "\n").utf8))
    }
}

enum Diagnostics {
    /// The logger every command hands to the library; `quiet` keeps only warnings and errors.
    static func logger(quiet: Bool = false) -> Logger {
        var logger = Logger(label: "orgmap") { _ in DiagnosticLogHandler() }
        logger.logLevel = quiet ? .warning : .info
        return logger
    }
}

/// Writes a result to standard output.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Writes one line for the user to standard error, where it stays out of results piped elsewhere.
func note(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Progress on standard error, only when it is a terminal and not `--quiet`: one line, rewritten in place.
enum TerminalProgress {
    static func reporter(quiet: Bool, label: String) -> (@Sendable (ImportProgress) -> Void)? {
        guard !quiet, isatty(STDERR_FILENO) != 0 else { return nil }
        return { progress in
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(label): \(progress.description)".utf8))
        }
    }

    /// Clears the progress line before the final summary.
    static func finish(quiet: Bool) {
        guard !quiet, isatty(STDERR_FILENO) != 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
