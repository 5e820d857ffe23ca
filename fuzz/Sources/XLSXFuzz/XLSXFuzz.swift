#if canImport(Glibc)
import Glibc
#endif
import FuzzerDriver
import OrgImport

@main
enum XLSXFuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
}

/// A small shared string table and styles (style 1 a date), so `t="s"` and `s="1"` cells reach real code.
private let sharedStrings = try! SharedStrings(xml: Array(#"<sst xmlns="m"><si><t>Name</t></si><si><r><t>a</t></r><rPh><t>b</t></rPh></si><si><t>_x000D_&amp;</t></si></sst>"#.utf8))
private let styles = try! CellStyles(xml: Array(#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>"#.utf8))

/// One fuzz input, read as a sheet (whole, and cut into chunks of 1 to 13 bytes: the same rows or the same
/// error), as a table (header found, stray cells dropped), as a shared strings part and as a styles part.
/// The only acceptable failures are `WorkbookError` for sheets and `XMLError` or `SharedStrings.Problem` for
/// parts; anything else traps.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let date1904 = size % 2 == 1
    let whole = readSheet { SheetReader(xml: bytes, sharedStrings: sharedStrings, styles: styles, date1904: date1904, maxCellBytes: 4096) }
    let chunked = readSheet { SheetReader(xml: bytes, sharedStrings: sharedStrings, styles: styles, date1904: date1904, chunkSize: 1 + size % 13, maxCellBytes: 4096) }
    precondition(whole == chunked, "chunks changed the outcome: \(whole) versus \(chunked)")
    readTable(bytes, date1904: date1904)

    do {
        let strings = try SharedStrings(xml: bytes, maxStringBytes: 4096)
        for i in 0..<strings.count { precondition(strings[i] != nil) }
        precondition(strings[strings.count] == nil)
    } catch is XMLError {
    } catch is SharedStrings.Problem {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    do {
        let parsed = try CellStyles(xml: bytes)
        _ = parsed.formatsDates(size % 7)
    } catch is XMLError {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}

/// Every row as (line, fields, kinds), or the error's text.
private enum Outcome: Equatable {
    case rows([Int], [[String]])
    case failed(String)
}

private func readSheet(_ make: () -> SheetReader) -> Outcome {
    let reader = make()
    var lines: [Int] = []
    var rows: [[String]] = []
    do {
        while try reader.advance() {
            precondition(reader.fieldCount > 0 && reader.fieldCount <= SheetReader.maxColumns)
            precondition(reader.kind(reader.fieldCount - 1) != .empty, "a row ends in an empty field")
            precondition(lines.last.map { reader.recordLine > $0 } ?? true, "row numbers must increase")
            let fields = (0..<reader.fieldCount).map(reader.string)
            reader.withRecord { record in
                precondition(record.count == fields.count)
                for i in fields.indices { precondition(String(decoding: record[i], as: UTF8.self) == fields[i].trimmingSpaces) }
            }
            lines.append(reader.recordLine)
            rows.append(fields)
        }
        return .rows(lines, rows)
    } catch let error as WorkbookError {
        precondition(error.file == "book.xlsx")
        return .failed(error.description)
    } catch {
        fatalError("unexpected error type: \(error)")
    }
}

private func readTable(_ bytes: [UInt8], date1904: Bool) {
    do {
        let table = SheetReader(xml: bytes, sharedStrings: sharedStrings, styles: styles, date1904: date1904, maxCellBytes: 4096)
        let header = try table.findHeader()
        precondition(header.skippedRows < SheetHeader.lookahead)
        var first = true
        while try table.advance() {
            precondition(!first || table.recordLine == header.line, "the header comes first")
            first = false
            precondition(table.fieldCount > 0 && table.fieldCount <= header.keptColumns)
            precondition(table.kind(table.fieldCount - 1) != .empty)
        }
    } catch is WorkbookError {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
}

private extension String {
    /// As `CSVFields` trims: spaces, tabs and line breaks at both ends.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
