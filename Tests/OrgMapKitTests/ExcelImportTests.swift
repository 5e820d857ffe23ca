import Foundation
import OrgImport
@testable import OrgMapKit
import OrgModel
import OrgSample
import Testing

/// Org charts, edge lists and surveys saved as Excel workbooks (issue 12), imported through the same paths as
/// CSV files: the workbooks are written here with OrgSample's writer, as HR tools and Microsoft Forms lay them
/// out.
struct ExcelImportTests {
    typealias Cell = XLSXWriter.Cell

    /// Writes `sheets` (name, rows; a row may start at a given row number) to `name` in the workspace.
    static func workbook(_ workspace: Workspace, _ name: String, inlineStrings: Bool = false, _ sheets: [(String, [(row: Int?, cells: [Cell])])]) throws {
        let writer = try XLSXWriter(path: workspace.path(name), inlineStrings: inlineStrings)
        for (sheet, rows) in sheets {
            try writer.addSheet(named: sheet)
            for row in rows { try writer.appendRow(row.cells, at: row.row) }
        }
        try writer.close()
    }

    /// Efficient Office (the BambooHR fixture) as a BambooHR report saved as .xlsx: a title, the date it was
    /// made and a blank row above the header; ids as numbers; a hire date column; a note right of the table.
    static func efficientOfficeRows() -> [(row: Int?, cells: [Cell])] {
        let people: [(Int, String, String, String, String, String, String, Int?)] = [
            (1, "Charlotte", "Abbott", "cabbott@efficientoffice.com", "CEO", "Executive", "2019-03-01", nil),
            (2, "Ashley", "Adams", "aadams@efficientoffice.com", "VP of Engineering", "Engineering", "2020-06-15", 1),
            (3, "Christina", "Agluinaldo", "cagluinaldo@efficientoffice.com", "Engineering Manager", "Engineering", "2021-01-04", 2),
            (4, "Shannon", "Anderson", "sanderson@efficientoffice.com", "Software Engineer", "Engineering", "2022-09-12", 3),
            (5, "Maja", "Andev", "mandev@efficientoffice.com", "Director, Sales", "Sales", "2020-02-03", 1),
            (6, "Eric", "Asture", "easture@efficientoffice.com", "Account Executive", "Sales", "2023-05-22", 5),
            (7, "Cheryl", "Barnet", "cbarnet@efficientoffice.com", "HR Generalist", "Human Resources", "2021-11-08", 1),
        ]
        var rows: [(row: Int?, cells: [Cell])] = [
            (1, [.text("Employee Directory")]),
            (2, [.text("Generated"), .date(CalendarDate("2026-11-01")!)]),
            (4, ["Employee #", "First Name", "Last Name", "Work Email", "Job Title", "Department", "Hire Date", "Reports To"].map(Cell.text)),
        ]
        for (id, first, last, email, title, department, hired, manager) in people {
            var cells: [Cell] = [.integer(id), .text(first), .text(last), .text(email), .text(title), .text(department), .date(CalendarDate(hired)!)]
            cells.append(manager.map(Cell.integer) ?? .empty)
            // A note beside the table, after an empty column.
            if id == 3 { cells += [.empty, .text("on leave in December")] }
            rows.append((nil, cells))
        }
        return rows
    }

    static func efficientOffice(inlineStrings: Bool = false) throws -> Workspace {
        let workspace = try Workspace()
        try workbook(workspace, "people.xlsx", inlineStrings: inlineStrings, [("Employees", efficientOfficeRows())])
        try workspace.importPeople("people.xlsx")
        return workspace
    }

    // MARK: org charts

    @Test(arguments: [false, true])
    func anHRReportSavedAsAWorkbookImportsBelowItsTitle(inlineStrings: Bool) throws {
        let workspace = try Workspace()
        try Self.workbook(workspace, "people.xlsx", inlineStrings: inlineStrings, [("Employees", Self.efficientOfficeRows())])
        let outcome = try workspace.importPeople("people.xlsx")
        let file = try #require(outcome.file)
        #expect(file.layout == .sheet(name: "Employees", headerRow: 4, skippedRows: 2))
        #expect(file.delimiter == nil)
        // Numbers as written: 1, not 1.0; managers matched by those ids.
        #expect(file.people.map(\.key) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(file.people.map(\.name).prefix(2) == ["Charlotte Abbott", "Ashley Adams"])
        #expect(file.managerRows == [-1, 0, 1, 2, 0, 4, 0])
        #expect(file.lines == [5, 6, 7, 8, 9, 10, 11])
        #expect(file.warnings.map(\.message) == ["1 cell right of the table (after an empty column) left out, as notes beside it"])
        #expect(workspace.log.text.contains("people.xlsx: read as sheet 'Employees' of an Excel workbook, header on row 4 (2 rows above it skipped), id ← 'Employee #'"), "\(workspace.log.text)")
        // The workbook's own SHA-256, as for any file: the same workbook again is nothing new.
        let digest = try FileDigest.sha256(of: workspace.source("people.xlsx"))
        #expect(file.sha256 == digest)
        let again = try workspace.importPeople("people.xlsx")
        #expect(again.unchanged != nil)
    }

    @Test func aWorkbookGivesTheSameAnalysisAsTheSameChartInCSV() throws {
        let fromCSV = try Workspace()
        try fromCSV.copyImportFixture("bamboohr.csv")
        try fromCSV.importPeople("bamboohr.csv")
        let fromExcel = try Self.efficientOffice()
        let csv = try fromCSV.report(.json), excel = try fromExcel.report(.json)
        func leaders(_ json: String) throws -> [String] {
            try #require(object(json)["leaders"] as? [[String: Any]]).map { "\($0["title"] ?? "") \($0["tier"] ?? "") \($0["tier_reason"] ?? "")" }
        }
        #expect(try leaders(excel) == leaders(csv))
        #expect(try !leaders(excel).isEmpty)
    }

    /// Workbooks another program wrote (openpyxl and pandas, see Fixtures/README-xlsx.md): inline strings with no
    /// shared string table, openpyxl's styles and date cells, pandas' datetimes.
    @Test func workbooksWrittenByOpenpyxlAndPandas() throws {
        let workspace = try Workspace()
        try workspace.copyImportFixture("openpyxl-directory.xlsx")
        let people = try #require(try workspace.importPeople("openpyxl-directory.xlsx").file)
        #expect(people.layout == .sheet(name: "Employee Directory", headerRow: 4, skippedRows: 2))
        #expect(people.people.map(\.key) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(people.people.map(\.name).last == "Cheryl Barnet")
        #expect(people.managerRows == [-1, 0, 1, 2, 0, 4, 0])
        #expect(people.warnings.isEmpty)
        try workspace.copyImportFixture("pandas-links.xlsx")
        let links = try workspace.importLinks("pandas-links.xlsx")
        #expect(links.stored == 3)
        #expect(try TabularShapesTests.ties(workspace) == ["2-5 2.5", "2-7 1", "3-4 1"])
        let db = try workspace.database()
        var listing = ""
        _ = try PairListing(snapshot: nil).write(from: db) { listing += $0 }
        #expect(listing.contains(",2026-10-03,2026-10-03,"), "\(listing)")
    }

    @Test func theSheetIsChosenByName() throws {
        let workspace = try Workspace()
        try Self.workbook(workspace, "report.xlsx", [
            ("Read me", [(nil, [.text("Exported from HiBob on 2026-11-01. One row per employee.")])]),
            ("Staff", Self.efficientOfficeRows()),
        ])
        // The first sheet with data is the note: one column, no people columns; the error names the other sheets.
        let unmapped = problems { try workspace.importPeople("report.xlsx") }
        #expect(unmapped.first?.message.hasSuffix("(this is sheet 'Read me'; the workbook also has 'Staff': choose one with --sheet)") == true, "\(unmapped)")
        let outcome = try workspace.importPeople("report.xlsx") { $0.sheet = "staff" }
        #expect(outcome.file?.people.count == 7)
        let unknown = problems { try workspace.importPeople("report.xlsx", asOf: "2026-11-02") { $0.sheet = "People" } }
        #expect(unknown.map(\.message) == [#"no sheet is named "People"; the workbook's sheets: "Read me", "Staff""#])
    }

    @Test func sheetOnACSVIsAnError() throws {
        let workspace = try Workspace()
        try workspace.copyImportFixture("bamboohr.csv")
        let text = message { try workspace.importPeople("bamboohr.csv") { $0.sheet = "Staff" } }
        #expect(text.contains("--sheet Staff chooses a sheet of an Excel workbook (.xlsx)"), "\(text)")
    }

    @Test func spreadsheetsOrgmapCannotReadSayHowToSaveThem() throws {
        let workspace = try Workspace()
        // An OLE2 compound file: Excel 97–2003, or any password-protected workbook.
        try workspace.write("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        let xls = problems { try workspace.importPeople("old.xls") }
        #expect(xls.first?.message.contains("save it as .xlsx (Excel Workbook) without a password, or as CSV UTF-8") == true, "\(xls)")
        // A workbook cut short (a download that stopped).
        try Self.workbook(workspace, "full.xlsx", [("Employees", Self.efficientOfficeRows())])
        let bytes = try #require(workspace.contents("full.xlsx"))
        try workspace.write("cut.xlsx", Array(bytes.prefix(bytes.count / 2)))
        let cut = problems { try workspace.importPeople("cut.xlsx") }
        #expect(cut.first?.message.contains("save it again from Excel") == true, "\(cut)")
        #expect(workspace.databaseBytes == nil)
        // A workbook on standard input is told apart from a CSV.
        let piped = problems { _ = try PeopleFile.read(ByteInput(bytes: Array(bytes), name: "<stdin>")) }
        #expect(piped.first?.message.contains("give a workbook as a file path") == true, "\(piped)")
    }

    @Test func aBadRowIsNamedByItsSheetRow() throws {
        let workspace = try Workspace()
        var rows = Self.efficientOfficeRows()
        // Eric reports to someone who is not in the chart.
        rows[8].cells[7] = .integer(99)
        try Self.workbook(workspace, "people.xlsx", [("Employees", rows)])
        let p = problems { try workspace.importPeople("people.xlsx") }
        #expect(p.count == 1)
        #expect(p.first?.line == 10)
    }

    // MARK: links

    @Test func anEdgeListWorkbookWithDatesAndWeights() throws {
        let workspace = try Self.efficientOffice()
        try Self.workbook(workspace, "links.xlsx", [("Links", [
            (nil, ["Source", "Target", "Weight", "Date"].map(Cell.text)),
            (nil, [.integer(2), .integer(5), .number(2.5), .date(CalendarDate("2026-10-01")!)]),
            (nil, [.text("aadams@efficientoffice.com"), .integer(7), .integer(1), .date(CalendarDate("2026-10-02")!)]),
            (nil, [.integer(3), .integer(6), .integer(0), .date(CalendarDate("2026-10-03")!)]),
            (nil, [.integer(3), .integer(4), .integer(1), .empty, .empty, .text("checked by HR")]),
        ])])
        let outcome = try workspace.importLinks("links.xlsx")
        #expect(outcome.stored == 3)
        #expect(outcome.zeroWeight == 1)
        #expect(workspace.log.text.contains("links.xlsx: 1 cell right of the table (after an empty column) left out, as notes beside it"), "\(workspace.log.text)")
        #expect(try TabularShapesTests.ties(workspace) == ["2-5 2.5", "2-7 1", "3-4 1"])
        #expect(workspace.log.text.contains("links.xlsx: read as edges, sheet 'Links' of an Excel workbook, header on row 1, source ← 'Source'"), "\(workspace.log.text)")
        // Dates as Excel shows them: the window keeps October's links.
        let db = try workspace.database()
        var listing = ""
        _ = try PairListing(snapshot: nil).write(from: db) { listing += $0 }
        #expect(listing.contains(",2026-10-01,"), "\(listing)")
        // The same workbook again is nothing new.
        let again = try workspace.importLinks("links.xlsx")
        #expect(!again.alreadyImported.isEmpty)
    }

    @Test func aMicrosoftFormsWorkbookIsASurvey() throws {
        let workspace = try Self.efficientOffice()
        // Microsoft Forms' own download is a workbook: ids and times as numbers and dates, names with a trailing ';'.
        try Self.workbook(workspace, "Advice survey(1-3).xlsx", [("Form1", [
            (nil, ["ID", "Start time", "Completion time", "Email", "Name", "Who do you ask for help when you are stuck?", "Who would you like to work with more?"].map(Cell.text)),
            (nil, [.integer(1), .date(CalendarDate("2026-10-05")!), .date(CalendarDate("2026-10-05")!), .text("anonymous"), .text("Shannon Anderson"), .text("Christina Agluinaldo;Ashley Adams;"), .text("Maja Andev;")]),
            (nil, [.integer(2), .date(CalendarDate("2026-10-05")!), .date(CalendarDate("2026-10-05")!), .text("anonymous"), .text("Eric Asture"), .text("Maja Andev;"), .text("Ashley Adams;Shannon Anderson;")]),
            (nil, [.integer(3), .date(CalendarDate("2026-10-06")!), .date(CalendarDate("2026-10-06")!), .text("anonymous"), .text("Cheryl Barnet"), .text("Charlotte Abbott;")]),
        ])])
        let outcome = try workspace.importLinks("Advice survey(1-3).xlsx") { $0.format = .survey }
        #expect(outcome.stored == 7)
        #expect(workspace.log.text.contains("respondent ← 'Name'"), "\(workspace.log.text)")
        #expect(try TabularShapesTests.ties(workspace) == ["1-7 1", "2-4 1", "2-6 1", "3-4 1", "4-5 1", "4-6 1", "5-6 1"])
    }

    @Test func aWorkbookIsNeverTakenForACalendarArchive() throws {
        let workspace = try Self.efficientOffice()
        let text = message { try workspace.importLinks("people.xlsx") { $0.format = .ics } }
        #expect(text.contains("people.xlsx is an Excel workbook, not a calendar"), "\(text)")
    }
}
