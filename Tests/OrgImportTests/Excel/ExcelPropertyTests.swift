import Foundation
@testable import OrgImport
import OrgModel
import OrgSample
import Testing

/// Random grids written by `XLSXWriter` read back as the same cells.
struct ExcelPropertyTests {
    /// Text with XML's specials, Office's escapes, control characters, white space at the ends, and
    /// characters of every UTF-8 length.
    static let alphabet: [String] = ["a", "Z", "0", " ", "&", "<", ">", "\"", "'", ";", "_x", "_x0041_", "\t", "\n", "\r", "\r\n", "\u{1}", "é", "€", "日", "😀", "]]>", "&amp;", "-", "="]

    func randomText(_ rng: inout SplitMix) -> String {
        (0..<Int(rng.next() % 12)).map { _ in Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] }.joined()
    }

    /// A cell and the text the reader gives for it.
    func randomCell(_ rng: inout SplitMix) -> (XLSXWriter.Cell, String) {
        switch rng.next() % 6 {
        case 0:
            return (.empty, "")
        case 1:
            let value = Int(rng.next() % 2_000_000) - 1_000_000
            return (.integer(value), "\(value)")
        case 2:
            let value = Double(Int64(bitPattern: rng.next())) / Double(1 << (rng.next() % 60))
            return (.number(value), ExcelNumber.plain(value))
        case 3:
            let date = CalendarDate(year: 1901 + Int(rng.next() % 8000), month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28))!
            return (.date(date), date.description)
        default:
            let text = randomText(&rng)
            return (.text(text), text)
        }
    }

    @Test(arguments: [false, true])
    func randomGridsReadBackAsWritten(inlineStrings: Bool) throws {
        var rng = SplitMix(seed: inlineStrings ? 7 : 11)
        for round in 0..<60 {
            var expected: [(Int, [String])] = []
            var written: [(Int, Int, [XLSXWriter.Cell])] = []
            var row = 0
            for _ in 0..<Int(rng.next() % 30) {
                row += 1 + Int(rng.next() % 3)
                let column = 1 + Int(rng.next() % 4)
                let pairs = (0..<Int(rng.next() % 9)).map { _ in randomCell(&rng) }
                written.append((row, column, pairs.map(\.0)))
                var fields = [String](repeating: "", count: column - 1) + pairs.map(\.1)
                while fields.last == "" { fields.removeLast() }
                if !fields.isEmpty { expected.append((row, fields)) }
            }
            let read = try withWorkbook(inlineStrings: inlineStrings, { writer in
                try writer.addSheet(named: "Round \(round)")
                for (row, column, cells) in written { try writer.appendRow(cells, at: row, column: column) }
            }) { path throws in
                try rows(try Workbook(path: path).sheet(named: "Round \(round)"))
            }
            #expect(read.map(\.line) == expected.map(\.0), "round \(round)")
            #expect(read.map(\.fields) == expected.map(\.1), "round \(round)")
        }
    }

    @Test func theScannerGivesTheSameRowsWhateverTheChunks() throws {
        var rng = SplitMix(seed: 3)
        try withWorkbook({ writer in
            try writer.addSheet(named: "Sheet1")
            for _ in 0..<40 { try writer.appendRow((0..<6).map { _ in randomCell(&rng).0 }) }
        }) { path throws in
            let zip = try ZipArchive(url: URL(fileURLWithPath: path))
            let sheet = [UInt8](try zip.read("xl/worksheets/sheet1.xml"))
            let strings = try SharedStrings(xml: [UInt8](try zip.read("xl/sharedStrings.xml")))
            let styles = try CellStyles(xml: [UInt8](try zip.read("xl/styles.xml")))
            let whole = try rows(SheetReader(xml: sheet, sharedStrings: strings, styles: styles))
            #expect(whole.count > 30)
            for chunk in [1, 2, 3, 5, 8, 13, 100, 4096] {
                let read = try rows(SheetReader(xml: sheet, sharedStrings: strings, styles: styles, chunkSize: chunk))
                #expect(read.map(\.line) == whole.map(\.line))
                #expect(read.map(\.fields) == whole.map(\.fields))
            }
        }
    }
}

/// SplitMix64, for reproducible random grids.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
