import Foundation
@testable import OrgImport
import OrgModel
import OrgSample
import Testing

/// Opening workbooks: their parts, choosing a sheet, and the files that are not workbooks orgmap reads.
struct WorkbookTests {
    static let oneRow = HandMadeWorkbook.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="B1" s="1"><v>1</v></c></row>"#)
    static let empty = HandMadeWorkbook.sheet(#"<row r="1"><c r="A1" s="1"/></row><row r="2"/>"#)

    @Test func partsAreFoundThroughTheRelationships() throws {
        var book = HandMadeWorkbook()
        book.sheets = [("Notes", Self.empty), ("Staff", Self.oneRow), ("Archive", Self.oneRow)]
        book.workbookProperties = #"<workbookPr date1904="1" defaultThemeVersion="166925"/>"#
        book.styles = #"<styleSheet xmlns="\#(HandMadeWorkbook.main)"><cellXfs><xf numFmtId="0"/><xf numFmtId="15"/></cellXfs></styleSheet>"#
        try book.open { workbook throws in
            #expect(workbook.sheetNames == ["Notes", "Staff", "Archive"])
            #expect(workbook.date1904)
            // The first sheet with a non-empty cell, in tab order; the reader stands before its first row.
            let first = try workbook.firstSheetWithData()
            #expect(first.sheetName == "Staff")
            #expect(fields(try rows(first)) == [["x", "1904-01-02"]])
            #expect(try workbook.sheet(named: "archive").sheetName == "Archive")
            #expect(try rows(try workbook.sheet(named: "Notes")).isEmpty)
            let unknown = try workbookError { _ = try workbook.sheet(named: "People") }
            #expect(unknown.reason == .unknownSheet)
            #expect(unknown.description.hasSuffix(#"hand.xlsx: no sheet is named "People"; the workbook's sheets: "Notes", "Staff", "Archive""#))
        }
    }

    @Test func exactNamesWinOverOtherCase() throws {
        var book = HandMadeWorkbook()
        book.sheets = [("staff", Self.empty), ("Staff", Self.oneRow)]
        try book.open { workbook throws in
            #expect(try workbook.sheet(named: "Staff").sheetName == "Staff")
            #expect(try workbook.sheet(named: "STAFF").sheetName == "staff")
        }
    }

    @Test func hiddenSheetsComeLast() throws {
        var book = HandMadeWorkbook()
        book.sheets = [("Lookup", Self.oneRow), ("Staff", Self.oneRow)]
        book.extra["xl/workbook.xml"] = #"<workbook xmlns="\#(HandMadeWorkbook.main)" xmlns:r="\#(HandMadeWorkbook.relationships)"><sheets><sheet name="Lookup" sheetId="1" state="hidden" r:id="rId1"/><sheet name="Staff" sheetId="2" r:id="rId2"/></sheets></workbook>"#
        try book.open { workbook throws in
            #expect(try workbook.firstSheetWithData().sheetName == "Staff")
        }
    }

    @Test func aWorkbookWithoutDataSaysSo() throws {
        var book = HandMadeWorkbook()
        book.sheets = [("Sheet1", Self.empty), ("Sheet2", HandMadeWorkbook.sheet(""))]
        try book.open { workbook throws in
            let error = try workbookError { _ = try workbook.firstSheetWithData() }
            #expect(error.reason == .noData)
            #expect(error.message == #"the workbook has no data in any sheet (sheets: "Sheet1", "Sheet2")"#)
        }
    }

    @Test func aBadSharedStringIndexNamesTheSheetAndCell() throws {
        try withWorkbook({ writer in
            try writer.addSheet(named: "Staff")
            try writer.appendRow([.text("a"), .text("b")])
        }) { path throws in
            // The same workbook with its shared string table cut to one string.
            let zip = try ZipArchive(url: URL(fileURLWithPath: path))
            var entries: [RawZipEntry] = []
            for name in zip.entryPaths {
                var data = try zip.read(name)
                if name == "xl/sharedStrings.xml" {
                    data = Data(#"<sst xmlns="\#(HandMadeWorkbook.main)"><si><t>a</t></si></sst>"#.utf8)
                }
                entries.append(.deflated(name, data))
            }
            try RawZip.build(entries).write(to: URL(fileURLWithPath: path))
            let error = try workbookError { _ = try rows(try Workbook(path: path).firstSheetWithData()) }
            #expect(error.description == #"\#(path): sheet "Staff", cell B1: shared string 1 does not exist (the workbook has 1, numbered from 0)"#)
            guard case .invalidInput(let file, let problems, _) = error.orgMapError else { Issue.record("not an input error"); return }
            #expect(file == path)
            #expect(problems.map(\.description) == [#"sheet "Staff", cell B1: shared string 1 does not exist (the workbook has 1, numbered from 0)"#])
        }
    }

    // MARK: Not a workbook orgmap reads

    func detect(_ data: Data, named name: String) throws -> SpreadsheetKind? {
        try withTemporaryDirectory { folder in
            try SpreadsheetKind.detect(path: try write(data, named: name, in: folder).path)
        }
    }

    func detectionError(_ data: Data, named name: String) throws -> WorkbookError {
        try withTemporaryDirectory { folder in
            let url = try write(data, named: name, in: folder)
            let error = try workbookError { _ = try SpreadsheetKind.detect(path: url.path) }
            // Opening it as a workbook says the same.
            let opened = try workbookError { _ = try Workbook(path: url.path) }
            #expect(opened == error)
            #expect(error.file == url.path)
            return error
        }
    }

    static let ole2 = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))

    @Test(arguments: ["staff.xls", "staff.xlsx", "staff"])
    func legacyAndEncryptedWorkbooks(name: String) throws {
        let error = try detectionError(Self.ole2, named: name)
        #expect(error.reason == .legacyOrEncrypted)
        #expect(error.message == "an Excel 97–2003 workbook (.xls) or a password-protected workbook: save it as .xlsx (Excel Workbook) without a password, or as CSV UTF-8")
    }

    @Test func appleNumbersDocuments() throws {
        let zip = RawZip.build([.stored("Index/Document.iwa", Data([1, 2, 3])), .stored("Metadata/Properties.plist", Data("x".utf8))])
        let error = try detectionError(zip, named: "Staff.numbers")
        #expect(error.reason == .appleNumbers)
        #expect(error.message == "an Apple Numbers document: export it as .xlsx or CSV (File ▸ Export To)")
        #expect(try detectionError(RawZip.build([.stored("Index.zip", Data([1]))]), named: "old").reason == .appleNumbers)
        try withTemporaryDirectory { folder in
            let bundle = folder.appendingPathComponent("Staff.numbers")
            try writeFolder(["Index/Document.iwa": "x", "Data/image.png": "y"], at: bundle)
            let error = try workbookError { _ = try SpreadsheetKind.detect(path: bundle.path) }
            #expect(error.reason == .appleNumbers)
            // Any other folder is not a spreadsheet.
            #expect(try SpreadsheetKind.detect(path: folder.path) == nil)
        }
    }

    @Test func binaryAndOpenDocumentSpreadsheets() throws {
        let xlsb = RawZip.build([.deflated("[Content_Types].xml", Data("<Types/>".utf8)), .deflated("xl/workbook.bin", Data([0, 1]))])
        let binary = try detectionError(xlsb, named: "staff.xlsb")
        #expect(binary.reason == .binaryWorkbook)
        #expect(binary.message == "an Excel binary workbook (.xlsb): save it as .xlsx (Excel Workbook) or as CSV UTF-8")
        let ods = RawZip.build([.stored("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)), .deflated("content.xml", Data("<x/>".utf8))])
        let open = try detectionError(ods, named: "staff.ods")
        #expect(open.reason == .openDocument)
        #expect(open.message == "an OpenDocument spreadsheet (.ods): save it as .xlsx (Excel Workbook) or as CSV UTF-8")
    }

    @Test func zipsThatAreNotWorkbooks() throws {
        let noWorkbook = RawZip.build([.deflated("[Content_Types].xml", Data("<Types/>".utf8)), .deflated("xl/styles.xml", Data("<styleSheet/>".utf8))])
        let error = try detectionError(noWorkbook, named: "staff.zip")
        #expect(error.reason == .notAWorkbook)
        #expect(error.message == "a zip archive, but not an Excel workbook: it has no xl/workbook.xml; save it again from Excel, or as CSV UTF-8")
        let slack = RawZip.build([.deflated("users.json", Data("[]".utf8))])
        #expect(try detectionError(slack, named: "staff.xlsx").reason == .notAWorkbook)
        // Any other zip, and text, are no spreadsheet: the caller reads them as it would have.
        #expect(try detect(slack, named: "export.zip") == nil)
        #expect(try detect(Data("id,name\n1,Ada\n".utf8), named: "staff.csv") == nil)
        #expect(try detect(Data("id\tname\n".utf8), named: "staff.xls") == nil)
        #expect(try SpreadsheetKind.detect(path: "/nonexistent/staff.xlsx") == nil)
    }

    @Test func damagedZips() throws {
        try withWorkbook({ writer in
            try writer.addSheet(named: "Staff")
            try writer.appendRow([.text("a")])
        }) { path throws in
            let whole = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(try detect(whole, named: "ok.xlsx") == .xlsx)
            let truncated = try detectionError(whole.prefix(whole.count / 2), named: "cut.xlsx")
            #expect(truncated.reason == .damagedZip)
            #expect(truncated.message == "the workbook is damaged: the zip archive is truncated: its central directory is missing; save it again from Excel")
        }
        let text = try detectionError(Data("Name,Email\n".utf8), named: "staff.xlsx")
        #expect(text.reason == .damagedZip)
        #expect(text.message.hasPrefix("not an Excel workbook: an .xlsx file is a zip archive"))
    }

    @Test func aDamagedSheetEntryIsNamed() throws {
        var book = HandMadeWorkbook()
        book.sheets = [("Staff", Self.oneRow)]
        var entries = book.entries()
        let sheet = try #require(entries.firstIndex { $0.name == "xl/worksheets/sheet1.xml" })
        entries[sheet].crc ^= 1
        try withTemporaryDirectory { folder in
            let url = try write(RawZip.build(entries), named: "crc.xlsx", in: folder)
            let workbook = try Workbook(path: url.path)
            let error = try workbookError { _ = try rows(try workbook.sheet(named: "Staff")) }
            #expect(error.reason == .damagedZip)
            #expect(error.description == "\(url.path): xl/worksheets/sheet1.xml: the workbook is damaged: the entry is corrupt: its CRC-32 checksum does not match its data; save it again from Excel")
        }
    }

    @Test func malformedWorkbookPartsAreNamed() throws {
        var book = HandMadeWorkbook()
        book.sheets = [("Staff", Self.oneRow)]
        book.styles = "<styleSheet><cellXfs></styleSheet>"
        try book.open { workbook throws in
            let error = try workbookError { _ = try workbook.sheet(named: "Staff") }
            #expect(error.description.hasSuffix("hand.xlsx: xl/styles.xml: malformed XML at byte 21: expected </cellXfs>, found </styleSheet>"))
        }
        book.styles = nil
        book.extra["xl/_rels/workbook.xml.rels"] = #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"#
        try book.open { workbook throws in
            let error = try workbookError { _ = try workbook.firstSheetWithData() }
            #expect(error.reason == .noData)
            let missing = try workbookError { _ = try workbook.sheet(named: "Staff") }
            #expect(missing.description.hasSuffix(#"hand.xlsx: sheet "Staff": the workbook lists this sheet but holds no part for it"#))
        }
    }
}
