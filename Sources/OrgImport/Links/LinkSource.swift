import Foundation
import OrgModel

/// One path given to `orgmap import links`, classified from its content (or as `--format` says).
package enum LinkSource {
    /// A CSV file, standard input or an Excel workbook: an edge list or a Viva Insights export, told apart by the
    /// header.
    case table(InputSource)
    /// iCalendar files: one file, every `.ics` file of a folder (recursively), or of a zip.
    case calendars([CalendarFile])
    /// A Slack workspace export: its zip or its unpacked folder.
    case slack(any EntryArchive)
    /// A network survey's answers (`--format survey`): a table read whole, people named by name, email or id.
    case survey(InputSource)

    /// Classifies `path`: a folder or a zip holds a Slack export or calendars; a file that starts with
    /// `BEGIN:VCALENDAR` is a calendar; anything else is a table. `format` other than `auto` forces the kind,
    /// and a path that does not hold it is an error saying what was found.
    package static func classify(_ source: InputSource, format: LinkFormat) throws -> LinkSource {
        let path: String
        switch source {
        case .bytes(let bytes, let name):
            if format == .survey { return .survey(source) }
            let calendar = format == .ics || (format == .auto && Self.startsLikeCalendar(bytes))
            return calendar ? .calendars([CalendarFile(bytes: bytes, name: name)]) : .table(source)
        case .path(let given):
            path = given
        }
        if path == "-" {
            if format == .survey { return .survey(source) }
            guard [.auto, .edges, .vivaP2P].contains(format) else {
                throw OrgMapError.invalidArgument("standard input (-) can only be read as a CSV; give \(format.rawValue) sources as files or folders")
            }
            return .table(source)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw OrgMapError.unreadableFile(path: path, reason: "No such file or directory")
        }
        let url = URL(fileURLWithPath: path)
        // An Excel workbook is a table (a survey's answers included); an .xls or a Numbers document is an error
        // saying how to save it.
        if try reportingWorkbookErrors({ try SpreadsheetKind.detect(path: path) }) == .xlsx {
            switch format {
            case .survey: return .survey(source)
            case .auto, .edges, .vivaP2P: return .table(source)
            case .ics, .slack:
                throw OrgMapError.invalidArgument("\(path) is an Excel workbook, not \(format == .ics ? "a calendar" : "a Slack export"); --format \(format.rawValue) reads those")
            }
        }
        if try isFolder.boolValue || Self.startsLikeZip(path) {
            guard format != .edges, format != .vivaP2P, format != .survey else {
                throw OrgMapError.invalidArgument("\(path) is a \(isFolder.boolValue ? "folder" : "zip archive"), not a CSV; --format \(format.rawValue) reads one CSV file")
            }
            let archive = try reportingExportErrors { try openArchive(at: url) }
            let slack = isSlackExport(archive)
            if format == .slack || (format == .auto && slack) {
                guard slack else {
                    throw OrgMapError.invalidInput(file: path, problems: [InputProblem(line: nil, message: "not a Slack export: expected users.json and channels.json (or groups.json, dms.json, mpims.json) at its top; found \(Self.sample(archive.entryPaths))")], more: 0)
                }
                return .slack(archive)
            }
            let calendars = archive.entryPaths.filter { $0.lowercased().hasSuffix(".ics") }
            guard !calendars.isEmpty else {
                throw OrgMapError.invalidInput(file: path, problems: [InputProblem(line: nil, message: "no calendar in it: expected .ics files (or a Slack export); found \(Self.sample(archive.entryPaths))")], more: 0)
            }
            return .calendars(calendars.map { CalendarFile(archive: archive, path: $0) })
        }
        let calendar = Self.startsLikeCalendar(try prefix(path, 512))
        switch format {
        case .ics:
            return .calendars([CalendarFile(file: url)])
        case .slack:
            throw OrgMapError.invalidInput(file: path, problems: [InputProblem(line: nil, message: "not a Slack export: expected its zip or its unpacked folder")], more: 0)
        case .auto:
            return calendar ? .calendars([CalendarFile(file: url)]) : .table(source)
        case .edges, .vivaP2P:
            return .table(source)
        case .survey:
            return .survey(source)
        }
    }

    /// "users.json, general/2026-10-01.json, … (41 entries)" for messages; "nothing" when empty.
    private static func sample(_ paths: [String]) -> String {
        guard !paths.isEmpty else { return "nothing" }
        let shown = paths.prefix(5).joined(separator: ", ")
        return paths.count > 5 ? "\(shown), … (\(paths.count) entries)" : shown
    }

    private static func prefix(_ path: String, _ count: Int) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw OrgMapError.unreadableFile(path: path, reason: FileManager.default.isReadableFile(atPath: path) ? "cannot open it" : "permission denied")
        }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: count)) ?? Data())
    }

    /// A zip's first record (or, for an empty zip, its end record) starts with `PK`.
    private static func startsLikeZip(_ path: String) throws -> Bool {
        let bytes = try prefix(path, 4)
        return bytes == [0x50, 0x4B, 0x03, 0x04] || bytes == [0x50, 0x4B, 0x05, 0x06]
    }

    /// `BEGIN:VCALENDAR` in any case, after a byte order mark and blank lines.
    private static func startsLikeCalendar(_ start: [UInt8]) -> Bool {
        var bytes = start.prefix(512)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = String(decoding: bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }, as: UTF8.self)
        return text.uppercased().hasPrefix("BEGIN:VCALENDAR")
    }
}

/// One calendar file: on disk, an entry of a folder or zip archive, or bytes in memory.
package struct CalendarFile: Sendable {
    private enum Origin: Sendable {
        case file(String)
        case entry(any EntryArchive, String)
        case bytes([UInt8])
    }

    private let origin: Origin
    /// As messages name it: the file's path, or the archive's followed by the entry's.
    package let name: String

    init(file: URL) {
        origin = .file(file.path)
        name = file.relativePath
    }

    init(archive: any EntryArchive, path: String) {
        origin = .entry(archive, path)
        name = "\(archive.url.relativePath)/\(path)"
    }

    init(bytes: [UInt8], name: String) {
        origin = .bytes(bytes)
        self.name = name
    }

    package func bytes() throws -> [UInt8] {
        switch origin {
        case .bytes(let bytes): return bytes
        case .entry(let archive, let path): return Array(try reportingExportErrors { try archive.read(path) })
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw OrgMapError.unreadableFile(path: name, reason: "cannot read it")
            }
            return Array(data)
        }
    }
}
