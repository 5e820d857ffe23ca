import Foundation

/// What kind of spreadsheet a path holds, told from its content (and, where content cannot tell, its name).
public enum SpreadsheetKind: Sendable, Equatable {
    /// An Office Open XML workbook (`.xlsx`, `.xlsm`), which ``Workbook`` reads.
    case xlsx

    /// `.xlsx` for a workbook ``Workbook`` can read; nil for a file that is no spreadsheet at all (a CSV, a
    /// zip of something else, a file that does not exist), so the caller reads it as it would otherwise.
    ///
    /// - Throws: `WorkbookError` for a spreadsheet orgmap cannot read, saying how to save it so it can: an
    ///   Excel 97–2003 `.xls` or a password-protected workbook (both OLE2 compound files), an Apple Numbers
    ///   document (a zip or a folder holding `Index/Document.iwa` or `Index.zip`), an Excel binary workbook
    ///   (`.xlsb`), an OpenDocument spreadsheet (`.ods`); a zip that says it is a workbook but holds none; an
    ///   `.xlsx` that is not a zip or whose zip is damaged.
    public static func detect(path: String) throws -> SpreadsheetKind? {
        try workbookArchive(path: path) == nil ? nil : .xlsx
    }

    /// As ``detect(path:)``, handing over the workbook's zip archive, opened once, for ``Workbook`` to read.
    static func workbookArchive(path: String) throws -> ZipArchive? {
        let url = URL(fileURLWithPath: path)
        let suffix = url.pathExtension.lowercased()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            let bundle = FileManager.default.fileExists(atPath: url.appendingPathComponent("Index/Document.iwa").path)
                || FileManager.default.fileExists(atPath: url.appendingPathComponent("Index.zip").path)
            if bundle || suffix == "numbers" { throw unsupported(path, .appleNumbers) }
            return nil
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        try? handle.close()
        if head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] { throw unsupported(path, .legacyOrEncrypted) }
        let isZip = head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06])
        let workbookSuffixes: Set = ["xlsx", "xlsm", "xltx", "xltm"]
        guard isZip else {
            if suffix == "numbers" { throw unsupported(path, .appleNumbers) }
            if workbookSuffixes.contains(suffix) || suffix == "xlsb" {
                throw WorkbookError(file: path, reason: .damagedZip, message: "not an Excel workbook: an .\(suffix) file is a zip archive, and this one does not start like one; save it again from Excel, or as CSV UTF-8")
            }
            return nil
        }
        let archive: ZipArchive
        do {
            archive = try ZipArchive(url: url)
        } catch let error as ArchiveError {
            // A damaged zip is a damaged workbook only when its name says it is one; else the caller's reader
            // (of Slack exports, of calendars) says what it is.
            guard workbookSuffixes.contains(suffix) else { return nil }
            throw WorkbookError.from(error, file: path)
        }
        if Workbook.mainPart(in: archive, file: path) != nil { return archive }
        if archive.contains("xl/workbook.bin") { throw unsupported(path, .binaryWorkbook) }
        if archive.contains("mimetype"), let type = try? archive.read("mimetype"),
           String(decoding: type, as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument.spreadsheet") {
            throw unsupported(path, .openDocument)
        }
        if archive.contains("Index/Document.iwa") || archive.contains("Index.zip") || suffix == "numbers" {
            throw unsupported(path, .appleNumbers)
        }
        if workbookSuffixes.contains(suffix) || archive.contains("[Content_Types].xml") && archive.entryPaths.contains(where: { $0.hasPrefix("xl/") }) {
            throw WorkbookError(file: path, reason: .notAWorkbook, message: "a zip archive, but not an Excel workbook: it has no xl/workbook.xml; save it again from Excel, or as CSV UTF-8")
        }
        return nil
    }

    /// The error for a spreadsheet format orgmap does not read, with what to do instead.
    static func unsupported(_ path: String, _ reason: WorkbookError.Reason) -> WorkbookError {
        let message: String
        switch reason {
        case .legacyOrEncrypted:
            message = "an Excel 97–2003 workbook (.xls) or a password-protected workbook: save it as .xlsx (Excel Workbook) without a password, or as CSV UTF-8"
        case .appleNumbers:
            message = "an Apple Numbers document: export it as .xlsx or CSV (File ▸ Export To)"
        case .binaryWorkbook:
            message = "an Excel binary workbook (.xlsb): save it as .xlsx (Excel Workbook) or as CSV UTF-8"
        default:
            message = "an OpenDocument spreadsheet (.ods): save it as .xlsx (Excel Workbook) or as CSV UTF-8"
        }
        return WorkbookError(file: path, reason: reason, message: message)
    }
}
