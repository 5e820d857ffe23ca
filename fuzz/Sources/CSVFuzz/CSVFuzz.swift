#if canImport(Glibc)
import Glibc
#endif
import FuzzerDriver
import OrgImport
import OrgModel

@main
enum CSVFuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
}

/// One fuzz input: every input goes through the CSV reader under four configurations (the last splitting at
/// whitespace), with a round-trip check, through the message-log recipient list parser, and through the org
/// chart parser (header mapping, rows, manager resolution).
/// The only acceptable failure is ``OrgMapError/invalidInput(file:problems:more:)``; anything else traps.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    var detected = CSVOptions()
    detected.maxFieldBytes = 4_096
    detected.maxFields = 512
    if let records = readAll(bytes, detected) { checkRoundTrip(records.records, delimiter: records.delimiter, options: detected) }

    var latin1 = CSVOptions(delimiter: UInt8(ascii: ";"), encoding: .latin1)
    latin1.maxFieldBytes = 16
    latin1.maxFields = 8
    _ = readAll(bytes, latin1)

    _ = readAll(bytes, CSVOptions(delimiter: UInt8(ascii: "\t")))

    // Edge lists of network tools: fields split at runs of spaces and tabs.
    var whitespace = CSVOptions(delimiter: CSVOptions.whitespace)
    whitespace.maxFieldBytes = 4_096
    whitespace.maxFields = 512
    _ = readAll(bytes, whitespace)

    // A message log's recipients cell: every entry lies inside the cell, trimmed and never empty.
    bytes.withUnsafeBufferPointer { cell in
        RecipientList.forEach(cell) { entry in
            precondition(!entry.isEmpty, "an empty recipient")
            precondition(entry.first != 0x20 && entry.last != 0x20, "an untrimmed recipient")
            if let base = entry.baseAddress, let start = cell.baseAddress {
                precondition(base >= start && base + entry.count <= start + cell.count, "a recipient outside its cell")
            }
        }
    }

    var people = PeopleImportOptions()
    people.allowUnknownManagers = bytes.count % 2 == 0
    people.maxProblems = 8
    do {
        let file = try PeopleFile.read(ByteInput(bytes: bytes, name: "fuzz.csv"), options: people)
        precondition(file.people.count == file.lines.count)
        precondition(file.people.count <= file.rowsRead)
    } catch let error as OrgMapError {
        guard case let .invalidInput(file, problems, _) = error, file == "fuzz.csv", !problems.isEmpty else {
            fatalError("unexpected error: \(error)")
        }
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}

/// Every record, or nil when the reader refused the input (as it may, with `invalidInput`).
private func readAll(_ bytes: [UInt8], _ options: CSVOptions) -> (records: [CSVRecord], delimiter: UInt8)? {
    let reader = CSVReader(input: ByteInput(bytes: bytes, name: "fuzz.csv"), options: options)
    var records: [CSVRecord] = []
    do {
        var previousLine = 0
        while let record = try reader.next() {
            precondition(record.line > previousLine, "record lines must increase")
            precondition(!record.fields.isEmpty && record.fields.count <= options.maxFields)
            // The limit counts the file's bytes: one per character in Latin-1, and in Windows-1252 from the line
            // where --encoding auto switched to it (a field of 4 KiB of '€' is 12 KiB of UTF-8).
            let singleByte = options.encoding == .latin1 || options.encoding == .windows1252 || reader.windows1252From.map { record.line >= $0 } == true
            precondition(record.fields.allSatisfy { (singleByte ? $0.unicodeScalars.count : $0.utf8.count) <= options.maxFieldBytes })
            previousLine = record.line
            records.append(record)
        }
        return (records, reader.delimiter)
    } catch let error as OrgMapError {
        guard case let .invalidInput(file, problems, _) = error, file == "fuzz.csv", problems.count == 1, problems[0].line != nil else {
            fatalError("unexpected error: \(error)")
        }
        return nil
    } catch {
        fatalError("unexpected error type: \(error)")
    }
}

/// Writes the records back with every field quoted and reads them again: the fields must be the same.
private func checkRoundTrip(_ records: [CSVRecord], delimiter: UInt8, options: CSVOptions) {
    var out: [UInt8] = []
    for record in records {
        for (i, field) in record.fields.enumerated() {
            if i > 0 { out.append(delimiter) }
            out.append(UInt8(ascii: "\""))
            for b in field.utf8 {
                if b == UInt8(ascii: "\"") { out.append(b) }
                out.append(b)
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "\n"))
    }
    var again = options
    again.delimiter = delimiter
    // Written back as UTF-8: a field read as Windows-1252 may be up to three times its bytes in the file.
    again.maxFieldBytes = options.maxFieldBytes * 3
    guard let reread = readAll(out, again) else { fatalError("the reader refused its own records written back") }
    precondition(reread.records.map(\.fields) == records.map(\.fields), "round trip changed the fields")
}
