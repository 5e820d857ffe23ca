import Foundation
@testable import OrgImport
import OrgModel
import Testing

/// What `import links` makes of each path: detected from the content, or forced with `--format`.
struct LinkSourceTests {
    static let calendar = "\u{FEFF}\r\nbegin:vcalendar\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"

    func kind(_ source: LinkSource) -> String {
        switch source {
        case .table: "table"
        case .calendars(let files): "calendars: " + files.map(\.name).sorted().joined(separator: ", ")
        case .slack: "slack"
        case .survey: "survey"
        }
    }

    @Test func filesAreToldApartByTheirContent() throws {
        try withTemporaryDirectory { folder in
            let ics = try write(Data(Self.calendar.utf8), named: "export.txt", in: folder)
            let csv = try write(Data("source,target\nA,B\n".utf8), named: "links.ics", in: folder)
            #expect(kind(try LinkSource.classify(.path(ics.path), format: .auto)) == "calendars: \(ics.path)")
            // The name does not decide: a CSV called .ics is still a table unless --format says otherwise.
            #expect(kind(try LinkSource.classify(.path(csv.path), format: .auto)) == "table")
            #expect(kind(try LinkSource.classify(.path(csv.path), format: .ics)) == "calendars: \(csv.path)")
            #expect(kind(try LinkSource.classify(.bytes(Array(Self.calendar.utf8), name: "mem.ics"), format: .auto)) == "calendars: mem.ics")
            #expect(kind(try LinkSource.classify(.path("-"), format: .auto)) == "table")
        }
    }

    /// A folder's `.ics` files, searched recursively; a zip's too (Google Takeout's calendar export).
    @Test func foldersAndZipsOfCalendars() throws {
        try withTemporaryDirectory { folder in
            try writeFolder(["cal/ann.ics": Self.calendar, "cal/team/ben.ICS": Self.calendar, "cal/readme.txt": "x"], at: folder)
            let cal = folder.appendingPathComponent("cal").path
            #expect(kind(try LinkSource.classify(.path(cal), format: .auto)) == "calendars: \(cal)/ann.ics, \(cal)/team/ben.ICS")
            let zip = folder.appendingPathComponent("takeout.zip")
            try writeZip(["Calendar/ann@acme.io.ics": Self.calendar, "archive_browser.html": "<html>"], to: zip)
            let source = try LinkSource.classify(.path(zip.path), format: .auto)
            #expect(kind(source) == "calendars: \(zip.path)/Calendar/ann@acme.io.ics")
            if case .calendars(let files) = source { #expect(String(decoding: try files[0].bytes(), as: UTF8.self) == Self.calendar) }
        }
    }

    @Test func slackExportsInAZipOrAFolder() throws {
        try withTemporaryDirectory { folder in
            let zip = folder.appendingPathComponent("slack.zip")
            try writeZip(SlackFixture.files, to: zip, prefix: "Acme Slack export/")
            #expect(kind(try LinkSource.classify(.path(zip.path), format: .auto)) == "slack")
            try writeFolder(SlackFixture.files, at: folder.appendingPathComponent("export"))
            #expect(kind(try LinkSource.classify(.path(folder.appendingPathComponent("export").path), format: .slack)) == "slack")
        }
    }

    @Test func whatDoesNotFitIsAnErrorSayingWhatWasFound() throws {
        try withTemporaryDirectory { folder in
            let zip = folder.appendingPathComponent("photos.zip")
            try writeZip(["a.jpg": "x", "b.jpg": "y"], to: zip)
            let error = try #require(throws: OrgMapError.self) { try LinkSource.classify(.path(zip.path), format: .auto) }
            #expect("\(error)".contains("no calendar in it: expected .ics files (or a Slack export); found a.jpg, b.jpg"))
            let slack = try #require(throws: OrgMapError.self) { try LinkSource.classify(.path(zip.path), format: .slack) }
            #expect("\(slack)".contains("not a Slack export"))
            let csv = try #require(throws: OrgMapError.self) { try LinkSource.classify(.path(folder.path), format: .edges) }
            #expect("\(csv)".contains("is a folder, not a CSV; --format edges reads one CSV file"))
            let stdin = try #require(throws: OrgMapError.self) { try LinkSource.classify(.path("-"), format: .ics) }
            #expect("\(stdin)".contains("standard input (-) can only be read as a CSV"))
            let missing = try #require(throws: OrgMapError.self) { try LinkSource.classify(.path(folder.appendingPathComponent("nope").path), format: .auto) }
            #expect("\(missing)".contains("No such file or directory"))
            // A zip cut short is named as such, with the file.
            let whole = try Data(contentsOf: zip)
            let cut = try write(whole.prefix(whole.count / 2), named: "cut.zip", in: folder)
            let truncated = try #require(throws: OrgMapError.self) { try LinkSource.classify(.path(cut.path), format: .auto) }
            #expect("\(truncated)".contains("cut.zip: the zip archive is truncated"))
            #expect("\(truncated)".contains("nothing was imported"))
        }
    }
}
