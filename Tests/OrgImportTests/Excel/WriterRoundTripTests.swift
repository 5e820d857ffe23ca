import Foundation
@testable import OrgImport
import OrgModel
import OrgSample
import Testing

/// Workbooks written by `XLSXWriter` read back by `Workbook` and `SheetReader`.
struct WriterRoundTripTests {
    @Test func anHRExportReadsAsItsCells() throws {
        try withWorkbook({ writer in
            try writer.addSheet(named: "Employees")
            try writer.appendRow([.text("Employee Directory")])
            try writer.appendRow([.text("Generated 2026-11-03")])
            try writer.appendRow([.text("Employee ID"), .text("Name"), .text("Start date"), .text("FTE"), .text("Manager ID")], at: 4)
            try writer.appendRow([.integer(1001), .text("Ada Lovelace"), .date(CalendarDate(year: 2019, month: 3, day: 1)!), .number(1), .empty])
            try writer.appendRow([.integer(1002), .text("Ben  Berg "), .date(CalendarDate(year: 1999, month: 12, day: 31)!), .number(0.5), .integer(1001)])
            try writer.appendRow([.integer(1003), .text("Chloé & <Co>"), .empty, .number(0.1 + 0.2), .integer(1001), .empty, .empty, .text("note")])
        }) { path throws in
            let workbook = try Workbook(path: path)
            #expect(workbook.sheetNames == ["Employees"])
            let read = try rows(try workbook.firstSheetWithData())
            #expect(read.map(\.line) == [1, 2, 4, 5, 6, 7])
            #expect(fields(read) == [
                ["Employee Directory"],
                ["Generated 2026-11-03"],
                ["Employee ID", "Name", "Start date", "FTE", "Manager ID"],
                ["1001", "Ada Lovelace", "2019-03-01", "1"],
                ["1002", "Ben  Berg ", "1999-12-31", "0.5", "1001"],
                ["1003", "Chloé & <Co>", "", "0.30000000000000004", "1001", "", "", "note"],
            ])
            let table = try workbook.firstSheetWithData()
            #expect(try table.findHeader() == SheetHeader(line: 4, skippedRows: 2, keptColumns: 6))
            let tableRows = try rows(table)
            #expect(tableRows.map(\.line) == [4, 5, 6, 7])
            #expect(tableRows.last?.fields == ["1003", "Chloé & <Co>", "", "0.30000000000000004", "1001"])
            #expect(table.droppedCells == 1)
        }
    }
}
