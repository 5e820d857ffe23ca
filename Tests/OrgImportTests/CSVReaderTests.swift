import Testing
@testable import OrgImport
import OrgModel

/// Reads every record of `bytes`.
func records(_ bytes: [UInt8], _ options: CSVOptions = CSVOptions()) throws -> [CSVRecord] {
    let reader = CSVReader(input: ByteInput(bytes: bytes, name: "t.csv"), options: options)
    var out: [CSVRecord] = []
    while let r = try reader.next() { out.append(r) }
    return out
}

func records(_ text: String, _ options: CSVOptions = CSVOptions()) throws -> [CSVRecord] {
    try records(Array(text.utf8), options)
}

/// The problems of an `OrgMapError.invalidInput` or `.invalidPolicy`, or a test failure.
func problems(of body: () throws -> Void) -> [InputProblem] {
    do {
        try body()
        Issue.record("expected an invalid input error")
    } catch let OrgMapError.invalidInput(_, problems, _) {
        return problems
    } catch let OrgMapError.invalidPolicy(_, problems) {
        return problems
    } catch {
        Issue.record("unexpected error \(error)")
    }
    return []
}

struct CSVReaderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let input: String
        let expected: [[String]]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain", input: "a,b\n1,2\n", expected: [["a", "b"], ["1", "2"]]),
        Case(name: "no final newline", input: "a,b\n1,2", expected: [["a", "b"], ["1", "2"]]),
        Case(name: "CRLF", input: "a,b\r\n1,2\r\n", expected: [["a", "b"], ["1", "2"]]),
        Case(name: "CR only", input: "a,b\r1,2\r", expected: [["a", "b"], ["1", "2"]]),
        Case(name: "quoted delimiter", input: "name,title\n\"Raman, Priya\",CTO\n", expected: [["name", "title"], ["Raman, Priya", "CTO"]]),
        Case(name: "doubled quotes", input: "a\n\"She said \"\"hi\"\"\"\n", expected: [["a"], ["She said \"hi\""]]),
        Case(name: "line break in quotes", input: "a,b\n\"line one\r\nline two\",x\n", expected: [["a", "b"], ["line one\r\nline two", "x"]]),
        Case(name: "empty fields", input: "a,b,c\n,,\n", expected: [["a", "b", "c"], ["", "", ""]]),
        Case(name: "empty quoted field", input: "a,b\n\"\",x\n", expected: [["a", "b"], ["", "x"]]),
        Case(name: "blank lines skipped", input: "a\n\n1\n\r\n2\n\n", expected: [["a"], ["1"], ["2"]]),
        Case(name: "BOM", input: "\u{FEFF}id,name\n1,x\n", expected: [["id", "name"], ["1", "x"]]),
        Case(name: "semicolon detected", input: "id;name;title\n1;\"A, B\";x\n", expected: [["id", "name", "title"], ["1", "A, B", "x"]]),
        Case(name: "Excel's sep= line", input: "sep=;\r\nid;name\r\n1;\"A, B\"\r\n", expected: [["id", "name"], ["1", "A, B"]]),
        Case(name: "sep= line after a BOM", input: "\u{FEFF}SEP=|\nid|name\n1|x\n", expected: [["id", "name"], ["1", "x"]]),
        Case(name: "sep= is a header when it is not alone", input: "sep=;,x\n1,2\n", expected: [["sep=;", "x"], ["1", "2"]]),
        Case(name: "tab detected", input: "id\tname\n1\tJo, Ann\n", expected: [["id", "name"], ["1", "Jo, Ann"]]),
        Case(name: "comment lines before the header", input: "# label: %name%\n# connect: {\"from\": \"manager\"}\nname,id\nA,1\n", expected: [["name", "id"], ["A", "1"]]),
        Case(name: "hash later is data", input: "id,name\n#7,x\n", expected: [["id", "name"], ["#7", "x"]]),
        Case(name: "quote inside a plain field is kept", input: "a,b\n5'10\",x\n", expected: [["a", "b"], ["5'10\"", "x"]]),
        Case(name: "unicode", input: "name\nChloé Martin\n田中 由紀\n", expected: [["name"], ["Chloé Martin"], ["田中 由紀"]]),
    ]

    @Test(arguments: cases)
    func reads(_ c: Case) throws {
        #expect(try records(c.input).map(\.fields) == c.expected)
    }

    @Test func linesCountPhysicalLinesAcrossQuotedBreaks() throws {
        let r = try records("a,b\n\"1\n2\n3\",x\ny,z\r\n\r\nw,v\n")
        #expect(r.map(\.line) == [1, 2, 5, 7])
    }

    @Test func givenDelimiterWins() throws {
        var options = CSVOptions()
        options.delimiter = UInt8(ascii: "|")
        #expect(try records("a|b,c\n1|2,3\n", options).map(\.fields) == [["a", "b,c"], ["1", "2,3"]])
    }

    @Test func latin1() throws {
        let bytes: [UInt8] = Array("name\nJos".utf8) + [0xE9] + Array("\n".utf8)
        let p = problems { _ = try records(bytes, CSVOptions(encoding: .utf8)) }
        #expect(p.first?.line == 2)
        #expect(p.first?.message.contains("--encoding cp1252") == true)
        var options = CSVOptions()
        options.encoding = .latin1
        #expect(try records(bytes, options).map(\.fields) == [["name"], ["José"]])
    }

    @Test func windows1252FromTheFirstLineThatIsNotUTF8() throws {
        // UTF-8 "é" on line 2, then Windows-1252 curly apostrophe and é on line 3.
        let bytes: [UInt8] = Array("name\nJosé\nO".utf8) + [0x92] + Array("Brien Ren".utf8) + [0xE9] + [0x0A, 0x80] + Array("uro\n".utf8)
        let reader = CSVReader(input: ByteInput(bytes: bytes, name: "t.csv"))
        var names: [String] = []
        while let record = try reader.next() { names.append(record.fields[0]) }
        #expect(names == ["name", "José", "O’Brien René", "€uro"])
        #expect(reader.windows1252From == 3)
        #expect(try records(bytes, CSVOptions(encoding: .windows1252)).map(\.fields[0]) == ["name", "JosÃ©", "O’Brien René", "€uro"])
    }

    @Test func whitespaceDelimitedWhenAllowedAndDetected() throws {
        var options = CSVOptions()
        options.detectsWhitespace = true
        let text = "  1   2  3.5  \n\t4 5\t{'weight': 1}\n\"Ann Lee\" 7\n   \n"
        #expect(try records(text, options).map(\.fields) == [["1", "2", "3.5"], ["4", "5", "{'weight':", "1}"], ["Ann Lee", "7"]])
        // Org charts keep spaces inside header names: one field.
        #expect(try records("Employee ID\n1\n").map(\.fields) == [["Employee ID"], ["1"]])
        #expect(try records("a b\n1 2\n", CSVOptions(delimiter: CSVOptions.whitespace)).map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func unterminatedQuoteNamesTheLineItOpened() {
        let p = problems { _ = try records("a,b\n1,2\n3,\"open\nstill open\n") }
        #expect(p.first?.line == 3)
        #expect(p.first?.column == 2)
        #expect(p.first?.message.contains("never closed") == true)
    }

    @Test func garbageAfterClosingQuote() {
        let p = problems { _ = try records("a,b\n\"x\"y,2\n") }
        #expect(p.first?.line == 2)
        #expect(p.first?.message.contains("after a closing quote") == true)
    }

    @Test func nulByteIsAnError() {
        let p = problems { _ = try records([UInt8]("a,b\n1,".utf8) + [0] + [UInt8]("2\n".utf8)) }
        #expect(p.first?.line == 2)
        #expect(p.first?.message.contains("NUL") == true)
    }

    @Test func utf16IsRefused() {
        let p = problems { _ = try records([0xFF, 0xFE, 0x61, 0x00]) }
        #expect(p.first?.message.contains("UTF-16") == true)
    }

    @Test func fieldOverTheLimit() {
        var options = CSVOptions()
        options.maxFieldBytes = 1000
        let p = problems { _ = try records("a\n" + String(repeating: "x", count: 5000) + "\n", options) }
        #expect(p.first?.line == 2)
        #expect(p.first?.message.contains("longer than 1000 bytes") == true)
        let q = problems { _ = try records("a\n\"" + String(repeating: "x", count: 5000) + "\"\n", options) }
        #expect(q.first?.line == 2)
    }

    @Test func tooManyFields() {
        var options = CSVOptions()
        options.maxFields = 100
        let p = problems { _ = try records("a\n" + String(repeating: ",", count: 500) + "\n", options) }
        #expect(p.first?.message.contains("more than 100 fields") == true)
    }

    /// Records cross the 256 KiB read buffer in every possible place: CRLF split, quotes split, doubled quotes split.
    @Test func recordsAcrossBufferBoundaries() throws {
        var text = "id,name,notes\r\n"
        var expected: [[String]] = [["id", "name", "notes"]]
        var i = 0
        while text.utf8.count < 700_000 {
            let notes = i % 3 == 0 ? "said \"\"ok\"\", then\r\nleft" : "plain \(i)"
            text += "\(i),\"Person, \(i)\",\"\(notes)\"\r\n"
            expected.append([String(i), "Person, \(i)", notes.replacingOccurrences(of: "\"\"", with: "\"")])
            i += 1
        }
        let r = try records(text)
        #expect(r.count == expected.count)
        #expect(r.map(\.fields) == expected)
        #expect(r.last!.line == 1 + i + (i + 1) / 3)
    }
}
