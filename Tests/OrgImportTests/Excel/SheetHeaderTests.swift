@testable import OrgImport
import OrgModel
import OrgSample
import Testing

/// Finding the header below title rows, and dropping cells strayed right of the table.
struct SheetHeaderTests {
    func table(_ rows: [(Int, Int, [XLSXWriter.Cell])]) throws -> (table: [(line: Int, fields: [String])], skipped: Int, header: Int, dropped: Int) {
        try withWorkbook({ writer in
            try writer.addSheet(named: "Sheet1")
            for (row, column, cells) in rows { try writer.appendRow(cells, at: row, column: column) }
        }) { path throws in
            let reader = try Workbook(path: path).firstSheetWithData()
            let header = try reader.findHeader()
            let read = try OrgImportTests.rows(reader)
            return (read, header.skippedRows, header.line, reader.droppedCells)
        }
    }

    static let header: [XLSXWriter.Cell] = ["Employee ID", "Name", "Email", "Title", "Department", "Manager ID"].map { .text($0) }
    static func person(_ i: Int) -> [XLSXWriter.Cell] {
        [.integer(i), .text("P \(i)"), .text("p\(i)@example.com"), .text("Engineer"), .text("R&D"), i == 1 ? .empty : .integer(1)]
    }

    @Test func titleDateAndBlankRowAboveTheHeaderAreSkipped() throws {
        let read = try table([
            (1, 1, [.text("Employee Directory")]),
            (2, 1, [.text("Generated"), .date(CalendarDate(year: 2026, month: 11, day: 3)!)]),
            (4, 1, Self.header), (5, 1, Self.person(1)), (6, 1, Self.person(2)),
        ])
        #expect(read.skipped == 2)
        #expect(read.header == 4)
        #expect(read.table.map(\.line) == [4, 5, 6])
        #expect(read.table[0].fields == ["Employee ID", "Name", "Email", "Title", "Department", "Manager ID"])
        #expect(read.table[1].fields == ["1", "P 1", "p1@example.com", "Engineer", "R&D"])
        #expect(read.dropped == 0)
    }

    @Test func aTwoCellTitleNarrowerThanHalfTheTableIsNotTheHeader() throws {
        let read = try table([(1, 1, [.text("Report"), .text("People")]), (3, 2, Self.header), (4, 2, Self.person(1))])
        #expect(read.skipped == 1)
        #expect(read.header == 3)
        // The table starts in column B: column A stays, empty.
        #expect(read.table[0].fields == [""] + Self.header.map { if case .text(let t) = $0 { t } else { "" } })
    }

    @Test func aHeaderOnTheFirstRowSkipsNothing() throws {
        let read = try table([(1, 1, Self.header), (2, 1, Self.person(1))])
        #expect((read.skipped, read.header, read.table.count) == (0, 1, 2))
    }

    @Test func withoutATextRowTheFirstRowIsTheHeader() throws {
        let read = try table([(1, 1, [.integer(1), .integer(2)]), (2, 1, [.integer(3), .integer(4)])])
        #expect((read.skipped, read.header) == (0, 1))
        #expect(fields(read.table) == [["1", "2"], ["3", "4"]])
    }

    @Test func cellsBeyondAnEmptyHeaderColumnAreDropped() throws {
        var rows: [(Int, Int, [XLSXWriter.Cell])] = [(1, 1, Self.header)]
        rows.append((2, 1, Self.person(1) + [.empty, .empty, .empty, .text("note far right")]))
        rows.append((3, 1, Self.person(2) + [.text("next to the table"), .empty, .text("dropped")]))
        rows.append((4, 13, [.text("a row of nothing but a stray note")]))
        rows.append((5, 1, Self.person(3)))
        let read = try table(rows)
        #expect(read.table.map(\.line) == [1, 2, 3, 5])
        #expect(read.table[1].fields == ["1", "P 1", "p1@example.com", "Engineer", "R&D"])
        #expect(read.table[2].fields == ["2", "P 2", "p2@example.com", "Engineer", "R&D", "1", "next to the table"])
        #expect(read.dropped == 3)
    }

    @Test func theHeaderIsLookedForInTheFirstTwentyRowsOnly() throws {
        var rows: [(Int, Int, [XLSXWriter.Cell])] = (1...20).map { ($0, 1, [.text("title \($0)")]) }
        rows.append((21, 1, Self.header))
        let read = try table(rows)
        #expect((read.skipped, read.header) == (0, 1))
    }
}
