import Foundation
@testable import OrgImport
import OrgModel
import OrgSample
import Testing

/// Every row of a sheet as text, with its Excel row number.
func rows(_ reader: SheetReader) throws -> [(line: Int, fields: [String])] {
    var out: [(Int, [String])] = []
    while try reader.advance() {
        out.append((reader.recordLine, (0..<reader.fieldCount).map(reader.string)))
    }
    return out
}

/// The fields of each row, without the row numbers.
func fields(_ rows: [(line: Int, fields: [String])]) -> [[String]] {
    rows.map(\.fields)
}

/// Writes a workbook with `write` in a fresh folder and runs `body` on its path.
func withWorkbook<T>(inlineStrings: Bool = false, _ write: (XLSXWriter) throws -> Void, _ body: (String) throws -> T) throws -> T {
    try withTemporaryDirectory { folder in
        let path = folder.appendingPathComponent("book.xlsx").path
        let writer = try XLSXWriter(path: path, inlineStrings: inlineStrings)
        try write(writer)
        try writer.close()
        return try body(path)
    }
}

/// The parts of a hand-made workbook: one sheet by default, no shared strings or styles unless given.
struct HandMadeWorkbook {
    var sheets: [(name: String, xml: String)] = []
    var sharedStrings: String?
    var styles: String?
    var workbookProperties = ""
    /// Extra entries, by path.
    var extra: [String: String] = [:]

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A worksheet holding `rows` (the XML inside `<sheetData>`).
    static func sheet(_ rows: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="\#(main)" xmlns:r="\#(relationships)"><dimension ref="A1"/><sheetData>\#(rows)</sheetData></worksheet>"#
    }

    func entries() -> [RawZipEntry] {
        var files: [String: String] = extra
        var sheetElements = ""
        var rels = ""
        for (i, sheet) in sheets.enumerated() {
            sheetElements += #"<sheet name="\#(sheet.name)" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
            rels += #"<Relationship Id="rId\#(i + 1)" Type="\#(Self.relationships)/worksheet" Target="/xl/worksheets/sheet\#(i + 1).xml"/>"#
            files["xl/worksheets/sheet\(i + 1).xml"] = sheet.xml
        }
        if let sharedStrings {
            files["xl/sharedStrings.xml"] = sharedStrings
            rels += #"<Relationship Id="rId90" Type="\#(Self.relationships)/sharedStrings" Target="sharedStrings.xml"/>"#
        }
        if let styles {
            files["xl/styles.xml"] = styles
            rels += #"<Relationship Id="rId91" Type="\#(Self.relationships)/styles" Target="styles.xml"/>"#
        }
        files["xl/workbook.xml"] = files["xl/workbook.xml"] ?? #"<workbook xmlns="\#(Self.main)" xmlns:r="\#(Self.relationships)">\#(workbookProperties)<sheets>\#(sheetElements)</sheets></workbook>"#
        files["xl/_rels/workbook.xml.rels"] = files["xl/_rels/workbook.xml.rels"] ?? #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)</Relationships>"#
        return files.sorted { $0.key < $1.key }.map { RawZipEntry.deflated($0.key, Data($0.value.utf8)) }
    }

    /// Writes the workbook and runs `body` on it.
    func open<T>(_ body: (Workbook) throws -> T) throws -> T {
        try withTemporaryDirectory { folder in
            let url = try write(RawZip.build(entries()), named: "hand.xlsx", in: folder)
            return try body(try Workbook(path: url.path))
        }
    }
}

/// The error `body` throws, which must be a `WorkbookError`.
func workbookError(_ body: () throws -> Void) throws -> WorkbookError {
    try #require(throws: WorkbookError.self) { try body() }
}
