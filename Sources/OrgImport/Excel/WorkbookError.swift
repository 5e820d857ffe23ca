import OrgModel

/// Why a spreadsheet could not be read. The message names the file and, where it applies, the part of the
/// workbook, the sheet and the cell or row, and says what was expected.
public struct WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem, for callers that react to some (a CSV fallback, tests).
    public enum Reason: Sendable, Equatable {
        /// The file cannot be opened or read.
        case unreadable
        /// An `.xlsx` that is not a zip archive, or a zip cut short or corrupt.
        case damagedZip
        /// A zip archive without a workbook in it.
        case notAWorkbook
        /// An Excel 97–2003 workbook (`.xls`) or a password-protected one: both are OLE2 compound files.
        case legacyOrEncrypted
        /// An Apple Numbers document.
        case appleNumbers
        /// An Excel binary workbook (`.xlsb`).
        case binaryWorkbook
        /// An OpenDocument spreadsheet (`.ods`).
        case openDocument
        /// A part of the workbook is malformed XML or breaks SpreadsheetML's rules.
        case malformed
        /// A cell, a row or a part is over a size limit.
        case tooLarge
        /// No sheet has that name.
        case unknownSheet
        /// No sheet holds any non-empty cell.
        case noData
    }

    /// The workbook's path as given.
    public let file: String
    /// Where in the workbook: `xl/styles.xml`, `sheet "Staff", cell C7`, `sheet "Staff", row 12`; nil for
    /// the file as a whole.
    public let place: String?
    public let reason: Reason
    /// What is wrong and, where it helps, what to do.
    public let message: String

    public init(file: String, place: String? = nil, reason: Reason, message: String) {
        self.file = file
        self.place = place
        self.reason = reason
        self.message = message
    }

    public var description: String {
        [file, place, message].compactMap { $0 }.joined(separator: ": ")
    }

    /// The error as users see every input problem: the file, and the place and message as one problem.
    public var orgMapError: OrgMapError {
        .invalidInput(file: file, problems: [InputProblem(line: nil, message: place.map { "\($0): \(message)" } ?? message)], more: 0)
    }
}

extension WorkbookError {
    static func from(_ error: ArchiveError, file: String) -> WorkbookError {
        switch error.problem {
        case .unreadable(let reason):
            return WorkbookError(file: file, place: error.entry, reason: .unreadable, message: "cannot be read: \(reason)")
        case .notAZipArchive:
            return WorkbookError(file: file, reason: .damagedZip, message: "not an Excel workbook: an .xlsx file is a zip archive, and this one does not start like one")
        case .entryNotFound:
            return WorkbookError(file: file, place: error.entry, reason: .notAWorkbook, message: "the workbook lacks this part")
        case .entryTooLarge:
            return WorkbookError(file: file, place: error.entry, reason: .tooLarge, message: error.problem.explanation)
        case .truncatedZip, .corruptZip, .corruptEntry:
            return WorkbookError(file: file, place: error.entry, reason: .damagedZip, message: "the workbook is damaged: \(error.problem.explanation); save it again from Excel")
        }
    }
}
