import Foundation

/// An Excel workbook (`.xlsx`) opened for reading: its sheets' names, and a ``SheetReader`` for any of them.
///
/// Opening reads the small parts only: `_rels/.rels` (where the workbook part is; `xl/workbook.xml` when it
/// does not say), the workbook part (sheet names in tab order, their relationship ids, hidden sheets, the
/// 1904 date system) and its relationships (each sheet's part, relative like `worksheets/sheet1.xml` or
/// absolute like `/xl/worksheets/sheet1.xml`; the shared strings and styles parts). The shared strings and
/// the styles are read when the first sheet is, and kept; each sheet is streamed from the zip.
public final class Workbook {
    /// The path as given, named in every error.
    public let file: String
    /// The sheets' names, in the order of their tabs.
    public let sheetNames: [String]
    /// Whether the workbook counts dates from 1904 (`<workbookPr date1904="1"/>`).
    public let date1904: Bool

    private let archive: ZipArchive
    /// Each sheet's part, nil when its relationship is missing; and whether it is hidden.
    private let sheetParts: [String?]
    private let hidden: [Bool]
    private let sharedStringsPart: String?
    private let stylesPart: String?
    private var loaded: (SharedStrings, CellStyles)?

    /// Opens the workbook at `path` and reads its list of sheets.
    ///
    /// - Throws: `WorkbookError`: the errors of ``SpreadsheetKind/detect(path:)`` (an `.xls`, a Numbers
    ///   document, a damaged zip...), "not a spreadsheet" for any other file, or a malformed workbook part.
    public convenience init(path: String) throws {
        guard let archive = try SpreadsheetKind.workbookArchive(path: path) else {
            throw WorkbookError(file: path, reason: .notAWorkbook, message: "not an Excel workbook (.xlsx)")
        }
        try self.init(path: path, archive: archive)
    }

    /// The workbook in `archive`, the zip ``SpreadsheetKind/workbookArchive(path:)`` found at `path`.
    init(path: String, archive: ZipArchive) throws {
        file = path
        self.archive = archive
        guard let main = Self.mainPart(in: archive, file: path) else {
            throw WorkbookError(file: path, reason: .notAWorkbook, message: "a zip archive, but not an Excel workbook: it has no xl/workbook.xml")
        }
        let folder = Self.folder(of: main)
        let relationships = try Self.relationships(of: main, in: archive, file: path)
        var names: [String] = []
        var parts: [String?] = []
        var hidden: [Bool] = []
        var date1904 = false
        try Self.scan(main, in: archive, file: path) { scanner, elements in
            if elements == ["workbook", "workbookPr"] {
                let value = scanner.attribute("date1904")
                date1904 = value == "1" || value == "true"
            } else if elements == ["workbook", "sheets", "sheet"] {
                guard let name = scanner.attribute("name") else {
                    throw WorkbookError(file: path, place: main, reason: .malformed, message: "sheet \(names.count + 1) has no name")
                }
                names.append(name)
                let target = scanner.attribute("id").flatMap { relationships[$0]?.target }
                parts.append(target.map { Self.resolve($0, in: folder) }.flatMap { Self.entry($0, in: archive) })
                let state = scanner.attribute("state")
                hidden.append(state == "hidden" || state == "veryHidden")
            }
        }
        sheetNames = names
        sheetParts = parts
        self.hidden = hidden
        self.date1904 = date1904
        let byType = Dictionary(relationships.values.map { (Self.typeName($0.type), $0) }, uniquingKeysWith: { first, _ in first })
        sharedStringsPart = Self.entry(byType["sharedStrings"].map { Self.resolve($0.target, in: folder) } ?? folder + "sharedStrings.xml", in: archive)
        stylesPart = Self.entry(byType["styles"].map { Self.resolve($0.target, in: folder) } ?? folder + "styles.xml", in: archive)
    }

    // MARK: Choosing a sheet

    /// The sheet named `name`: compared exactly, then ignoring case.
    ///
    /// - Throws: `WorkbookError` (`.unknownSheet`) listing the sheets when none has that name.
    public func sheet(named name: String) throws -> SheetReader {
        if let index = sheetNames.firstIndex(of: name) ?? sheetNames.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
            return try sheet(at: index)
        }
        throw WorkbookError(file: file, reason: .unknownSheet, message: "no sheet is named \"\(name)\"; the workbook's sheets: \(quotedNames)")
    }

    /// The first visible sheet, in tab order, with at least one non-empty cell (hidden sheets are tried
    /// after the visible ones). The reader stands before that cell's row.
    ///
    /// - Throws: `WorkbookError` (`.noData`) when no sheet has any.
    public func firstSheetWithData() throws -> SheetReader {
        let order = sheetNames.indices.filter { !hidden[$0] } + sheetNames.indices.filter { hidden[$0] }
        for index in order where sheetParts[index] != nil {
            let reader = try sheet(at: index)
            if try reader.advance() {
                reader.replayCurrentRow = true
                return reader
            }
        }
        throw WorkbookError(file: file, reason: .noData, message: "the workbook has no data in any sheet (sheets: \(quotedNames))")
    }

    /// The sheet at `index` of ``sheetNames``.
    public func sheet(at index: Int) throws -> SheetReader {
        let name = sheetNames[index]
        guard let part = sheetParts[index] else {
            throw WorkbookError(file: file, place: "sheet \"\(name)\"", reason: .notAWorkbook, message: "the workbook lists this sheet but holds no part for it")
        }
        let (strings, styles) = try sharedStringsAndStyles()
        do {
            return SheetReader(
                source: try archive.openEntry(part), file: file, sheetName: name, part: part,
                sharedStrings: strings, styles: styles, date1904: date1904)
        } catch let error as ArchiveError {
            throw WorkbookError.from(error, file: file)
        }
    }

    private var quotedNames: String {
        sheetNames.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    private func sharedStringsAndStyles() throws -> (SharedStrings, CellStyles) {
        if let loaded { return loaded }
        var strings = SharedStrings()
        if let part = sharedStringsPart {
            strings = try Self.read(part, in: archive, file: file) { scanner in
                do {
                    return try SharedStrings(scanner: scanner, maxStringBytes: 1 << 20)
                } catch let problem as SharedStrings.Problem {
                    throw WorkbookError(file: file, place: part, reason: .malformed, message: "shared string \(problem.index): \(problem.message)")
                }
            }
        }
        var styles = CellStyles()
        if let part = stylesPart {
            styles = try Self.read(part, in: archive, file: file) { try CellStyles(scanner: $0) }
        }
        loaded = (strings, styles)
        return (strings, styles)
    }

    // MARK: Parts

    /// The workbook part: the target of `_rels/.rels`'s office document relationship, else
    /// `xl/workbook.xml`; nil when there is none.
    static func mainPart(in archive: ZipArchive, file: String) -> String? {
        if let relationships = try? relationships(of: "", in: archive, file: file),
           let main = relationships.values.first(where: { typeName($0.type) == "officeDocument" }),
           let part = entry(resolve(main.target, in: ""), in: archive) {
            return part
        }
        return entry("xl/workbook.xml", in: archive)
    }

    /// The relationships of `part` (`folder/_rels/name.rels`), by id; none when that part is absent.
    /// External targets (hyperlinks) are left out.
    static func relationships(of part: String, in archive: ZipArchive, file: String) throws -> [String: (type: String, target: String)] {
        let folder = self.folder(of: part)
        let name = String(part.dropFirst(folder.count))
        guard let rels = entry(folder + "_rels/" + name + ".rels", in: archive) else { return [:] }
        var found: [String: (type: String, target: String)] = [:]
        try scan(rels, in: archive, file: file) { scanner, path in
            guard path == ["Relationships", "Relationship"], scanner.attribute("TargetMode") != "External",
                  let id = scanner.attribute("Id"), let target = scanner.attribute("Target")
            else { return }
            found[id] = (scanner.attribute("Type") ?? "", target)
        }
        return found
    }

    /// The last segment of a relationship type (`…/relationships/worksheet` → `worksheet`).
    static func typeName(_ type: String) -> String {
        String(type[(type.lastIndex(of: "/").map { type.index(after: $0) } ?? type.startIndex)...])
    }

    /// `xl/` for `xl/workbook.xml`, `` for a part at the top.
    static func folder(of part: String) -> String {
        part.lastIndex(of: "/").map { String(part[...$0]) } ?? ""
    }

    /// A relationship's target as an entry path: absolute (`/xl/…`) or relative to `folder`, with `.` and
    /// `..` segments resolved.
    static func resolve(_ target: String, in folder: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        var segments: [Substring] = []
        for segment in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { _ = segments.popLast(); continue }
            segments.append(segment)
        }
        return segments.joined(separator: "/")
    }

    /// `path` as the archive spells it: exactly, else ignoring case (some writers differ from their own
    /// relationships); nil when absent.
    static func entry(_ path: String, in archive: ZipArchive) -> String? {
        if archive.contains(path) { return path }
        let lowered = path.lowercased()
        return archive.entryPaths.first { $0.lowercased() == lowered }
    }

    /// Streams a small part through the scanner, calling `body` at each start tag with the local names
    /// of the open elements.
    static func scan(_ part: String, in archive: ZipArchive, file: String, _ body: (XMLScanner, [String]) throws -> Void) throws {
        try read(part, in: archive, file: file) { scanner in
            var path: [String] = []
            while true {
                switch try scanner.next() {
                case .start:
                    path.append(scanner.localName)
                    try body(scanner, path)
                case .end:
                    path.removeLast()
                case .text:
                    continue
                case .endOfDocument:
                    return
                }
            }
        }
    }

    /// Runs `body` on a scanner of `part`, reporting XML and zip problems with the part's name.
    static func read<T>(_ part: String, in archive: ZipArchive, file: String, _ body: (XMLScanner) throws -> T) throws -> T {
        do {
            return try body(XMLScanner(source: try archive.openEntry(part)))
        } catch let error as XMLError {
            throw WorkbookError(file: file, place: part, reason: .malformed, message: "malformed XML \(error)")
        } catch let error as ArchiveError {
            throw WorkbookError.from(error, file: file)
        }
    }
}
