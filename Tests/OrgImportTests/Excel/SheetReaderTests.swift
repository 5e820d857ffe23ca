import Foundation
@testable import OrgImport
import Testing

/// Sheet XML written by hand: what Excel and other tools put in cells that the writer does not produce.
struct SheetReaderTests {
    static let sharedStrings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">
        <si><t>Name</t></si>
        <si><r><rPr><b/><sz val="11"/></rPr><t>Ya</t></r><r><t xml:space="preserve">mada </t></r><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si>
        <si><t xml:space="preserve">  padded  </t></si>
        <si><t>line_x000D_
        two &amp; _x005F_x0041_</t></si>
        <si><t/></si>
        </sst>
        """

    /// Style 0 general, 1 built-in date (14), 2 custom `dd/mm/yyyy hh:mm`, 3 `[h]:mm` (a duration), 4 `0.00`,
    /// 5 `"day "0` (a quoted d), 6 built-in 49 (text).
    static let styles = """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="4"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="[h]:mm"/>
        <numFmt numFmtId="166" formatCode="&quot;day &quot;0"/><numFmt numFmtId="167" formatCode="0.00"/></numFmts>
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
        <cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="167"/><xf numFmtId="166"/><xf numFmtId="49"/></cellXfs>
        </styleSheet>
        """

    func read(_ rows: String, date1904: Bool = false, chunkSize: Int = 1 << 16) throws -> [(line: Int, fields: [String])] {
        let reader = SheetReader(
            xml: Array(HandMadeWorkbook.sheet(rows).utf8), sharedStrings: try SharedStrings(xml: Array(Self.sharedStrings.utf8)),
            styles: try CellStyles(xml: Array(Self.styles.utf8)), date1904: date1904, chunkSize: chunkSize)
        return try OrgImportTests.rows(reader)
    }

    @Test func sharedStringsConcatenateRunsAndLeavePhoneticRunsOut() throws {
        let strings = try SharedStrings(xml: Array(Self.sharedStrings.utf8))
        #expect(strings.count == 5)
        #expect((0..<5).map { strings[$0] } == ["Name", "Yamada ", "  padded  ", "line\r\ntwo & _x0041_", ""])
        #expect(strings[5] == nil)
    }

    @Test func cellTypes() throws {
        let read = try read("""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>inline &lt;b&gt;</t></is></c><c r="B2" t="inlineStr"><is><r><t>ri</t></r><r><rPr/><t>ch</t></r><rPh><t>x</t></rPh></is></c>
              <c r="C2" t="str"><f>UPPER(A2)</f><v>FORMULA</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G2" t="e"><v>#N/A</v></c></row>
            <row r="3"><c r="A3" t="d"><v>2026-11-03T00:00:00Z</v></c><c r="B3" t="d"><v>2026-11-03T09:30:15.250</v></c><c r="C3" t="d"><v>2026-11-03</v></c><c r="D3" t="n"><v> 42 </v></c></row>
            """)
        #expect(fields(read) == [
            ["Name", "Yamada ", "  padded  ", "line\r\ntwo & _x0041_"],
            ["inline <b>", "rich", "FORMULA", "TRUE", "FALSE", "#DIV/0!", "#N/A"],
            ["2026-11-03", "2026-11-03T09:30:15", "2026-11-03", "42"],
        ])
    }

    @Test func cellsArePlacedByTheirReferenceAndRowsByTheirNumber() throws {
        let read = try read("""
            <row r="2"><c r="B2" t="s"><v>0</v></c><c r="E2"><v>5</v></c><c r="F2" s="1"/><c r="G2" t="s"><v>4</v></c></row>
            <row><c><v>1</v></c><c><v>2</v></c><c r="D3"><v>4</v></c><c><v>5</v></c></row>
            <row r="7" spans="1:3"/>
            <row r="9"><c r="A9" t="s"><v>4</v></c><c r="B9" t="inlineStr"><is><t></t></is></c></row>
            <row><c r="AA10"><v>27</v></c><c r="xfd10"><v>16384</v></c></row>
            """)
        #expect(read.map(\.line) == [2, 3, 10])
        #expect(fields(read)[0] == ["", "Name", "", "", "5"])
        #expect(fields(read)[1] == ["1", "2", "", "4", "5"])
        #expect(fields(read)[2].count == 16_384)
        #expect(fields(read)[2][26] == "27")
        #expect(fields(read)[2][16_383] == "16384")
    }

    @Test func prefixedElementsEntitiesAndCDATA() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetPr/><x:sheetData>
            <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Caf&#xE9; &amp; &#8364;</x:t></x:is></x:c><x:c r='B1' t='str'><x:v><![CDATA[<&>]]></x:v></x:c></x:row>
            </x:sheetData><x:extLst><x:ext uri="x"><x:row r="99"><x:c><x:v>1</x:v></x:c></x:row></x:ext></x:extLst></x:worksheet>
            """
        for chunk in [1, 5, 1 << 16] {
            let reader = SheetReader(xml: Array(xml.utf8), chunkSize: chunk)
            let read = try rows(reader)
            #expect(read.map(\.line) == [1])
            #expect(fields(read) == [["Café & €", "<&>"]])
        }
    }

    @Test(arguments: [
        ("1001", "1001"), ("-7", "-7"), ("0", "0"), ("1.5", "1.5"), ("1E3", "1000"), ("1.5e-3", "0.0015"),
        ("2.5E+20", "250000000000000000000"), ("0.30000000000000004", "0.30000000000000004"),
        ("0.10000000000000001", "0.1"), ("1001.0", "1001"), ("007", "7"), ("-0", "0"), ("123456789012345678", "123456789012345680"),
        ("1e-7", "0.0000001"), ("-1.25E-2", "-0.0125"), ("4.0E0", "4"),
    ])
    func numbersReadAsWritten(value: String, expected: String) throws {
        #expect(fields(try read("<row><c><v>\(value)</v></c></row>")) == [[expected]])
    }

    @Test(arguments: [
        // Style 1 is a built-in date, 2 a custom date and time, 3 a duration, 4 and 5 numbers, 6 text.
        (1, "46329", false, "2026-11-03"), (1, "46329.5", false, "2026-11-03T12:00:00"), (2, "46329.75", false, "2026-11-03T18:00:00"),
        (1, "1", false, "1900-01-01"), (1, "59", false, "1900-02-28"), (1, "60", false, "1900-02-29"), (1, "61", false, "1900-03-01"),
        (1, "0.25", false, "06:00:00"), (1, "44927.99999999", false, "2023-01-02"), (1, "-1", false, "-1"),
        (1, "0", true, "00:00:00"), (1, "1", true, "1904-01-02"), (1, "44867", true, "2026-11-03"),
        (3, "1.5", false, "1.5"), (4, "2", false, "2"), (5, "3", false, "3"), (6, "46329", false, "46329"), (9, "46329", false, "46329"),
    ])
    func dateSerials(style: Int, value: String, date1904: Bool, expected: String) throws {
        #expect(fields(try read("<row><c s=\"\(style)\"><v>\(value)</v></c></row>", date1904: date1904)) == [[expected]])
    }

    @Test(arguments: [
        ("yyyy-mm-dd", true), ("d/m/yy", true), ("h:mm AM/PM", true), ("mmm d", true), ("yyyy\\-mm\\-dd", true),
        ("[$-409]mmmm d, yyyy;@", true), ("[h]:mm:ss", false), ("[mm]:ss", false), ("0.00", false), ("#,##0", false),
        ("\"Day\" 0", false), ("General", false), ("0.00_);[Red]\\(0.00\\)", false), ("@", false), ("0\\d", false),
        ("_(\"$\"* #,##0_)", false), ("[Red][<=100]0;[Blue]0", false),
    ])
    func dateFormatCodes(code: String, isDate: Bool) {
        #expect(CellStyles.isDateFormat(code) == isDate)
    }

    @Test(arguments: [
        (#"<row r="3"><c r="C3" t="s"><v>99</v></c></row>"#, #"sheet "Sheet1", cell C3: shared string 99 does not exist (the workbook has 5, numbered from 0)"#),
        (#"<row r="3"><c r="C3" t="s"><v>x</v></c></row>"#, #"sheet "Sheet1", cell C3: the shared string index "x" is not a number"#),
        (#"<row r="3"><c r="3C"><v>1</v></c></row>"#, #"sheet "Sheet1", row 3: "3C" is not a cell reference like C7 (columns A to XFD, rows 1 to 1048576)"#),
        (#"<row r="3"><c r="XFE3"><v>1</v></c></row>"#, #"sheet "Sheet1", row 3: "XFE3" is not a cell reference"#),
        (#"<row r="3"><c r="A0"><v>1</v></c></row>"#, #"sheet "Sheet1", row 3: "A0" is not a cell reference"#),
        (#"<row r="3"><c r="C3"><v>1</v></c><c r="B3"><v>1</v></c></row>"#, #"sheet "Sheet1", cell B3: the cell comes after C3 in the same row"#),
        (#"<row r="3"><c r="XFD3"><v>1</v></c><c><v>1</v></c></row>"#, #"cell XFE3: more than 16384 columns"#),
        (#"<row r="5"/><row r="4"/>"#, #"sheet "Sheet1", row 4: row 4 comes after row 5"#),
        (#"<row r="0"/>"#, #"sheet "Sheet1", row 1: the row number "0" is not a number from 1 to 1048576"#),
        (#"<row r="2"><c r="A2"><v>12abc</v></c></row>"#, #"cell A2: a number cell holds "12abc"; expected a number"#),
        (#"<row r="2"><c r="A2"><v>NaN</v></c></row>"#, #"a number cell holds "NaN""#),
        (#"<row r="2"><c r="A2" t="b"><v>yes</v></c></row>"#, #"a boolean cell holds "yes"; expected 0 or 1"#),
        (#"<row r="2"><c r="A2" t="d"><v>03/11/2026</v></c></row>"#, #"expected an ISO 8601 date"#),
        (#"<row r="2"><c r="A2" t="z"><v>1</v></c></row>"#, #"unknown cell type t="z""#),
        (#"<row r="2"><c r="A2" s="x"><v>1</v></c></row>"#, #"the style index s="x" is not a number"#),
        (#"<row r="2"><c r="A2"><v>1</v></row>"#, #"sheet "Sheet1" (xl/worksheets/sheet1.xml): malformed XML at byte"#),
    ])
    func badCellsAreErrorsNamingSheetAndCell(rows: String, message: String) throws {
        let error = try workbookError { _ = try read(rows) }
        #expect(error.description.contains(message), "\(error)")
        #expect(error.file == "book.xlsx")
        guard case .invalidInput(let file, let problems, _) = error.orgMapError else { Issue.record("not an input error"); return }
        #expect(file == "book.xlsx")
        #expect(problems.count == 1)
    }

    @Test func invalidUTF8AndOversizedCellsAreErrors() throws {
        var xml = Array(HandMadeWorkbook.sheet(#"<row r="4"><c r="B4" t="inlineStr"><is><t>ab</t></is></c></row>"#).utf8)
        let at = xml.firstIndex(of: UInt8(ascii: "b"))!
        xml[xml.index(xml.startIndex, offsetBy: xml.distance(from: xml.startIndex, to: at))] = 0xFF
        let utf8 = try workbookError { _ = try rows(SheetReader(xml: xml)) }
        #expect(utf8.description == #"book.xlsx: sheet "Sheet1", cell B4: the text is not valid UTF-8"#)

        let long = HandMadeWorkbook.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>"# + String(repeating: "x", count: 2_000) + "</t></is></c></row>")
        let tooLong = try workbookError { _ = try rows(SheetReader(xml: Array(long.utf8), maxCellBytes: 1_000)) }
        #expect(tooLong.reason == .tooLarge)
        #expect(tooLong.description.contains("cell A1: the cell holds more than 1000 bytes"))
    }

    @Test func aSheetWithoutSheetDataHasNoRows() throws {
        let chart = #"<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr/><drawing r:id="rId1" xmlns:r="r"/></chartsheet>"#
        #expect(try rows(SheetReader(xml: Array(chart.utf8))).isEmpty)
    }
}

/// The XML fixtures that also seed the fuzzer (`fuzz/run` with `FUZZ_TARGET=XLSXFuzz`).
struct ExcelFixtureTests {
    func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/xlsx"))
        return [UInt8](try Data(contentsOf: url))
    }

    @Test func theHandMadeSheetReads() throws {
        let reader = SheetReader(
            xml: try fixture("hand-sheet.xml"), sharedStrings: try SharedStrings(xml: try fixture("shared-strings.xml")),
            styles: try CellStyles(xml: try fixture("styles.xml")))
        let read = try rows(reader)
        #expect(read.map(\.line) == [1, 3, 4])
        #expect(fields(read) == [
            ["Name", "", "rich "],
            ["Name!", "TRUE", "#N/A", "2026-11-03T12:00:00", "2026-11-03", "1000", "", "line\r\ntwo & _x0041_"],
            ["0.30000000000000004", "1900-02-29", "éé<>\"'"],
        ])
    }

    @Test func theGeneratedSheetReads() throws {
        let sheet = try fixture("generated-sheet.xml")
        let error = try workbookError { _ = try rows(SheetReader(xml: sheet)) }
        #expect(error.description == #"book.xlsx: sheet "Sheet1", cell A1: shared string 0 does not exist (the workbook has 0, numbered from 0)"#)
        // With a table of placeholders, and without the styles (so the title's date stays a serial).
        let strings = try SharedStrings(xml: Array(("<sst>" + (0..<200).map { "<si><t>s\($0)</t></si>" }.joined() + "</sst>").utf8))
        let read = try rows(SheetReader(xml: sheet, sharedStrings: strings))
        #expect(read.count == 33)
        #expect(read.map(\.line).prefix(3) == [1, 2, 4])
        #expect(read[1].fields == ["s1", "46327"])
        #expect(read[2].fields.count == 6)
    }
}
