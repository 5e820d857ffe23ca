import Foundation
import Testing
@testable import OrgImport
import OrgModel
import OrgSample

/// The guarantee the fuzzer (`fuzz/run`) checks, kept in the test suite: whatever the bytes, the CSV reader and
/// the org chart parser either read them or refuse them with ``OrgMapError/invalidInput(file:problems:more:)``
/// naming a line. They never crash, never hang, and never return a field past the size limit.
struct FuzzRegressionTests {
    static let regressionFolder = "Fixtures/fuzz-regressions"

    /// Every file of the regression corpus: inputs the fuzzer found interesting, and hand-made hostile ones.
    static let regressionFiles: [String] = {
        guard let folder = Bundle.module.url(forResource: regressionFolder, withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.sorted()
    }()

    @Test func theRegressionCorpusIsThere() {
        #expect(Self.regressionFiles.count >= 20)
    }

    @Test(arguments: regressionFiles)
    func regressionInputIsReadOrRefused(_ name: String) throws {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: Self.regressionFolder))
        let bytes = try [UInt8](Data(contentsOf: url))
        for options in Self.readerConfigurations {
            _ = readOrRefuse(bytes, options)
        }
        parseOrRefuse(bytes)
    }

    /// The configurations the fuzzer runs: detected delimiter, tiny limits in Latin-1, an explicit tab.
    static let readerConfigurations: [CSVOptions] = {
        var detected = CSVOptions()
        detected.maxFieldBytes = 4_096
        detected.maxFields = 512
        var latin1 = CSVOptions(delimiter: UInt8(ascii: ";"), encoding: .latin1)
        latin1.maxFieldBytes = 16
        latin1.maxFields = 8
        return [CSVOptions(), detected, latin1, CSVOptions(delimiter: UInt8(ascii: "\t"))]
    }()

    /// Found by the fuzzer: a quoted field of nothing but doubled quotes skipped the size check, so a file of
    /// quotes could make the reader hold it whole. (Fixed in `CSVReader.readQuotedField`.)
    @Test(arguments: [Array("\"".utf8), Array("a,\"".utf8)])
    func doubledQuotesCannotPassTheFieldLimit(prefix: [UInt8]) {
        var options = CSVOptions()
        options.maxFieldBytes = 16
        let bytes = prefix + [UInt8](repeating: UInt8(ascii: "\""), count: 2 * 40) + Array("\"\n".utf8)
        let found = problems { _ = try records(bytes, options) }
        #expect(found.first?.message.hasPrefix("a field is longer than 16 bytes") == true, "\(found)")
    }

    // MARK: - Properties

    /// Random short byte strings, drawn mostly from the bytes the reader treats specially.
    @Test func randomBytesAreReadOrRefused() {
        var random = SplitMix64(seed: 0x0051_7A7E)
        let special: [UInt8] = Array("\",;\t\r\n# a1".utf8) + [0, 0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0xFF, 0xFE, 0x80]
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...48, using: &random)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &random) ? special.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            for options in Self.readerConfigurations {
                if let records = readOrRefuse(bytes, options) {
                    // Every record but a blank one consumes at least one byte: reading ends.
                    #expect(records.count <= bytes.count, "\(bytes)")
                }
            }
            parseOrRefuse(bytes)
            parseOrRefuse(Array("id,name,manager\n".utf8) + bytes)
        }
    }

    /// Random tables written by a reference RFC 4180 writer come back field for field, on the line they start on,
    /// with each delimiter given and detected, every line ending, with and without a byte order mark.
    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")])
    func randomTablesRoundTrip(delimiter: UInt8) throws {
        var random = SplitMix64(seed: UInt64(delimiter))
        for _ in 0..<1_500 {
            let columns = Int.random(in: 2...5, using: &random)
            let table = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                (0..<columns).map { _ in randomField(using: &random) }
            }
            let style = ReferenceCSVWriter(
                delimiter: delimiter,
                lineEnd: ["\n", "\r\n", "\r"].randomElement(using: &random)!,
                finalLineEnd: Bool.random(using: &random),
                byteOrderMark: Bool.random(using: &random),
                quoteEveryCandidateDelimiter: false)
            let (bytes, lines) = style.write(table)
            let given = try records(bytes, CSVOptions(delimiter: delimiter))
            #expect(given.map(\.fields) == table, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            #expect(given.map(\.line) == lines)

            // Detection sees only the real delimiter outside quotes when fields quote the other candidates.
            var detecting = style
            detecting.quoteEveryCandidateDelimiter = true
            let (detectable, _) = detecting.write(table)
            let reader = CSVReader(input: ByteInput(bytes: detectable, name: "t.csv"))
            var detected: [[String]] = []
            while let record = try reader.next() { detected.append(record.fields) }
            #expect(reader.delimiter == delimiter)
            #expect(detected == table, "\(String(decoding: detectable, as: UTF8.self).debugDescription)")
        }
    }

    /// Random edge lists written as network tools write them (fields apart by runs of spaces and tabs, blanks at
    /// either end of a line, fields with spaces quoted) come back field for field, detected or given.
    @Test func randomWhitespaceTablesRoundTrip() throws {
        var random = SplitMix64(seed: 0x5EAC_E5)
        let tokens = ["1", "42", "ann@x.com", "3.5", "{'weight':", "2}", "Ann Lee", "é", "a,b", "x;y"]
        let blanks = [" ", "  ", "\t", " \t ", "\t\t"]
        for _ in 0..<1_500 {
            let columns = Int.random(in: 2...4, using: &random)
            let table = (0..<Int.random(in: 1...6, using: &random)).map { _ in (0..<columns).map { _ in tokens.randomElement(using: &random)! } }
            let lineEnd = ["\n", "\r\n", "\r"].randomElement(using: &random)!
            let text = table.map { row in
                let lead = Bool.random(using: &random) ? blanks.randomElement(using: &random)! : ""
                let trail = Bool.random(using: &random) ? blanks.randomElement(using: &random)! : ""
                let fields = row.map { $0.contains(" ") ? "\"\($0)\"" : $0 }
                var line = lead + fields[0]
                for field in fields.dropFirst() { line += blanks.randomElement(using: &random)! + field }
                return line + trail
            }.joined(separator: lineEnd) + (Bool.random(using: &random) ? lineEnd : "")
            #expect(try records(text, CSVOptions(delimiter: CSVOptions.whitespace)).map(\.fields) == table, "\(text.debugDescription)")
            var detecting = CSVOptions()
            detecting.detectsWhitespace = true
            let reader = CSVReader(input: ByteInput(bytes: Array(text.utf8), name: "t.txt"), options: detecting)
            var read: [[String]] = []
            // A first line with a tab (or a comma, a semicolon) is read with that delimiter instead, which may refuse
            // a quoted field followed by a space: only whitespace-detected files are checked.
            do { while let record = try reader.next() { read.append(record.fields) } } catch {}
            if reader.delimiter == CSVOptions.whitespace { #expect(read == table, "\(text.debugDescription)") }
        }
    }
}

// MARK: - Helpers

/// Reads `bytes` to the end: the records, or nil when the reader refused them with one located problem.
/// Any other outcome is a test failure.
@discardableResult
func readOrRefuse(_ bytes: [UInt8], _ options: CSVOptions) -> [CSVRecord]? {
    let reader = CSVReader(input: ByteInput(bytes: bytes, name: "fuzz.csv"), options: options)
    var out: [CSVRecord] = []
    do {
        while let record = try reader.next() {
            #expect(record.line > (out.last?.line ?? 0))
            #expect(!record.fields.isEmpty && record.fields.count <= options.maxFields)
            // The limit counts the file's bytes: one per character in Latin-1, and in Windows-1252 from the line
            // where --encoding auto switched to it (a field of 4 KiB of '€' is 12 KiB of UTF-8).
            let singleByte = options.encoding == .latin1 || options.encoding == .windows1252 || reader.windows1252From.map { record.line >= $0 } == true
            #expect(record.fields.allSatisfy { (singleByte ? $0.unicodeScalars.count : $0.utf8.count) <= options.maxFieldBytes })
            out.append(record)
        }
        return out
    } catch let OrgMapError.invalidInput(file, problems, _) {
        #expect(file == "fuzz.csv")
        #expect(problems.count == 1 && problems[0].line != nil, "\(problems)")
        return nil
    } catch {
        Issue.record("unexpected error \(error) for \(bytes)")
        return nil
    }
}

/// Parses `bytes` as an org chart: it must succeed or fail with `invalidInput` naming the file.
func parseOrRefuse(_ bytes: [UInt8]) {
    do {
        let file = try PeopleFile.read(ByteInput(bytes: bytes, name: "fuzz.csv"))
        #expect(file.people.count == file.lines.count)
        #expect(file.people.count <= file.rowsRead)
    } catch let OrgMapError.invalidInput(file, problems, _) {
        #expect(file == "fuzz.csv")
        #expect(!problems.isEmpty)
    } catch {
        Issue.record("unexpected error \(error) for \(bytes)")
    }
}

/// A field of up to 8 pieces drawn from plain text and everything CSV must escape.
private func randomField(using random: inout SplitMix64) -> String {
    let pieces = ["a", "Priya", " ", "\"", "\"\"", ",", ";", "\t", "\r", "\n", "\r\n", "#", "é", "👩‍💻", "\u{FEFF}", "'", "=1+2"]
    return (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
}

/// A reference RFC 4180 writer: a field is quoted, with its quotes doubled, when it holds the delimiter, a quote
/// or a line break; also when it could be read as a `#` comment line or a byte order mark at the start of the
/// file, orgmap's two extensions.
struct ReferenceCSVWriter {
    var delimiter: UInt8
    var lineEnd: String
    var finalLineEnd: Bool
    var byteOrderMark: Bool
    /// Quote fields holding any of `,`, `;` and tab, so delimiter detection sees only the real one.
    var quoteEveryCandidateDelimiter: Bool

    /// The file's bytes, and the line each record starts on.
    func write(_ table: [[String]]) -> (bytes: [UInt8], lines: [Int]) {
        var out: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        var lines: [Int] = []
        var line = 1
        for (r, row) in table.enumerated() {
            lines.append(line)
            for (c, field) in row.enumerated() {
                if c > 0 { out.append(delimiter) }
                let bytes = Array(field.utf8)
                let special: Set<UInt8> = quoteEveryCandidateDelimiter ? [delimiter, 0x22, 0x0A, 0x0D, 0x2C, 0x3B, 0x09] : [delimiter, 0x22, 0x0A, 0x0D]
                let startOfFile = r == 0 && c == 0 && (field.hasPrefix("#") || field.hasPrefix("\u{FEFF}"))
                if startOfFile || bytes.contains(where: special.contains) {
                    out.append(0x22)
                    for b in bytes {
                        if b == 0x22 { out.append(b) }
                        out.append(b)
                    }
                    out.append(0x22)
                } else {
                    out += bytes
                }
                line += lineBreaks(in: field)
            }
            if r < table.count - 1 || finalLineEnd { out += Array(lineEnd.utf8) }
            line += 1
        }
        return (out, lines)
    }

    /// CRLF, a lone CR and a lone LF each end one line.
    private func lineBreaks(in text: String) -> Int {
        let bytes = Array(text.utf8)
        return bytes.indices.filter { bytes[$0] == 0x0A || (bytes[$0] == 0x0D && (bytes.index(after: $0) == bytes.endIndex || bytes[$0 + 1] != 0x0A)) }.count
    }
}

