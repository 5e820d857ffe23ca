import ArgumentParser
import OrgImport

/// How an input CSV is read, shared by `import people` and `import links`.
struct CSVReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The field delimiter: comma, semicolon, tab, pipe or one character (default: detected from the header).", valueName: "delimiter"))
    var delimiter: String?

    @Option(help: ArgumentHelp("The file's text encoding: utf-8 or latin1.", valueName: "encoding"))
    var encoding: String = "utf-8"

    @Flag(help: "Print only warnings and errors on standard error (no column mapping, no progress).")
    var quiet = false

    func validate() throws { _ = try csvOptions() }

    func csvOptions() throws -> CSVOptions {
        var options = CSVOptions()
        options.delimiter = try delimiter.map(Self.parseDelimiter)
        guard let encoding = TextEncoding(name: encoding) else {
            throw ValidationError("--encoding \(encoding) is not supported; use utf-8 or latin1")
        }
        options.encoding = encoding
        return options
    }

    static func parseDelimiter(_ text: String) throws -> UInt8 {
        switch text.lowercased() {
        case "comma", ",": return UInt8(ascii: ",")
        case "semicolon", ";": return UInt8(ascii: ";")
        case "tab", "\\t", "\t": return UInt8(ascii: "\t")
        case "pipe", "|": return UInt8(ascii: "|")
        default:
            guard text.utf8.count == 1, let byte = text.utf8.first, byte != UInt8(ascii: "\""), byte != 10, byte != 13 else {
                throw ValidationError("--delimiter \(text): expected comma, semicolon, tab, pipe or a single character other than a quote")
            }
            return byte
        }
    }
}
