import Foundation
import Logging

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
