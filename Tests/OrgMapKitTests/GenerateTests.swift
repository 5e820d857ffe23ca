import Foundation
@testable import OrgMapKit
import OrgImport
import OrgSample
import Testing

struct GenerateTests {
    func options(people: Int, departments: Int, links: Int, seed: UInt64 = 1) -> SyntheticOrg.Options {
        var options = SyntheticOrg.Options()
        (options.people, options.departments, options.links, options.seed) = (people, departments, links, seed)
        return options
    }

    @Test func sameSeedSameFilesAndEveryDepartmentFilled() throws {
        let workspace = try Workspace()
        for (folder, seed) in [("a", UInt64(1)), ("b", 1), ("c", 2)] {
            _ = try SyntheticFiles.write(options(people: 2000, departments: 16, links: 30000, seed: seed), layout: .edges, into: workspace.path(folder))
        }
        #expect(workspace.contents("a/people.csv") == workspace.contents("b/people.csv"))
        #expect(workspace.contents("a/links.csv") == workspace.contents("b/links.csv"))
        #expect(workspace.contents("a/links.csv") != workspace.contents("c/links.csv"))
        let people = String(decoding: try #require(workspace.contents("a/people.csv")), as: UTF8.self).split(separator: "\n")
        #expect(people.count == 2001)
        #expect(Set(people.dropFirst().map { $0.split(separator: ",")[4] }).count == 16)
    }

    @Test func generatedOrgImportsAndShowsThePlantedGaps() throws {
        let workspace = try Workspace()
        let paths = try SyntheticFiles.write(options(people: 1500, departments: 12, links: 40000), layout: .edges, into: workspace.folder.path)
        #expect((paths.people, paths.links) == (workspace.path("people.csv"), workspace.path("links.csv")))
        #expect(paths.calendars == nil)
        try workspace.importPeople("people.csv")
        #expect(try workspace.importLinks("links.csv").stored == 40000)
        let rules = Set((try object(try workspace.report(.json))["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
        #expect(rules.contains("department-unbridged"))
        #expect(rules.contains("low-external-ratio"))
    }

    @Test func theWorkbookHoldsTheCSVsRowsBelowATitleBlock() throws {
        let workspace = try Workspace()
        let written = try SyntheticFiles.write(options(people: 300, departments: 6, links: 0), layout: .edges, workbook: true, into: workspace.folder.path)
        let path = try #require(written.peopleWorkbook)
        #expect(path == workspace.path("people.xlsx"))
        let workbook = try Workbook(path: path)
        #expect(workbook.sheetNames == ["Employees"])
        let table = try workbook.firstSheetWithData()
        let header = try table.findHeader()
        #expect(header.skippedRows == 2)
        #expect(header.line == 4)
        var rows: [String] = []
        while try table.advance() {
            // The CEO has no manager: the CSV ends that row with an empty field, the workbook with no cell.
            let fields = (0..<table.fieldCount).map(table.string)
            rows.append((fields + [String](repeating: "", count: 6 - fields.count)).joined(separator: ","))
        }
        let csv = String(decoding: try #require(workspace.contents("people.csv")), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(rows == csv)
        // The same options give the same bytes.
        _ = try SyntheticFiles.write(options(people: 300, departments: 6, links: 0), layout: .edges, workbook: true, into: workspace.path("again"))
        #expect(workspace.contents("people.xlsx") == workspace.contents("again/people.xlsx"))
    }

    @Test func vivaLayoutImportsAsViva() throws {
        let workspace = try Workspace()
        _ = try SyntheticFiles.write(options(people: 200, departments: 6, links: 2000), layout: .viva, into: workspace.folder.path)
        try workspace.importPeople("people.csv")
        let links = try workspace.importLinks("links.csv")
        #expect(links.format == .vivaP2P)
        #expect(links.stored == 2000)
    }

    @Test func calendarsImportEachMeetingOnceAndShowTheGaps() throws {
        let workspace = try Workspace()
        let org = options(people: 200, departments: 6, links: 0)
        let written = try SyntheticFiles.write(org, layout: .edges, calendars: SyntheticCalendars.Options(), into: workspace.path("a"))
        _ = try SyntheticFiles.write(org, layout: .edges, calendars: SyntheticCalendars.Options(), into: workspace.path("b"))
        let folder = try #require(written.calendars)
        #expect(folder == workspace.path("a/calendars"))
        // Everyone has a meeting (a 1:1 at least), and the same seed writes the same bytes.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(written.calendarFiles == 200)
        #expect(names == (0..<200).map { "e\($0).ics" }.sorted())
        for name in names {
            #expect(workspace.contents("a/calendars/\(name)") == workspace.contents("b/calendars/\(name)"), "\(name)")
        }

        try workspace.importPeople("a/people.csv", asOf: "2026-11-01")
        let outcome = try LinksImport(source: .path(folder)).run(in: try workspace.database(), logger: workspace.log.logger)
        let calendars = try #require(outcome.calendars)
        #expect(calendars.files == 200)
        #expect(calendars.skippedEvents.isEmpty)
        #expect(!workspace.log.text.contains("skipped for a problem"))
        #expect(calendars.cappedSeries == 0)
        #expect(calendars.externals.isEmpty)
        // Every meeting is in the file of each person invited: read once per file, counted once.
        let duplicates = calendars.skips[.duplicate, default: 0]
        #expect(duplicates > calendars.meetings)
        #expect(calendars.occurrences == calendars.meetings + calendars.skips.values.reduce(0, +) - (calendars.skips[.schedulingMessage] ?? 0))
        // One all-hands a month, left out in each department of more than 25 people.
        let people = String(decoding: try #require(workspace.contents("a/people.csv")), as: UTF8.self).split(separator: "\n").dropFirst()
        let sizes = Dictionary(grouping: people) { $0.split(separator: ",")[4] }.mapValues(\.count)
        #expect(sizes.values.contains { $0 <= 25 })
        #expect(calendars.skips[.tooManyParticipants] == 12 * sizes.values.filter { $0 > 25 }.count)
        #expect(calendars.skips[.cancelled, default: 0] > 0)
        #expect(calendars.skips[.allDay, default: 0] > 0)

        let rules = Set((try object(try workspace.report(.json))["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
        #expect(rules.contains("department-unbridged"))
        #expect(rules.contains("low-external-ratio"))
    }

    @Test func anUnwritableFolderIsAClearError() throws {
        let workspace = try Workspace()
        try workspace.write("file", "not a folder")
        #expect(message { _ = try SyntheticFiles.write(options(people: 20, departments: 2, links: 0), layout: .edges, into: workspace.path("file/sub")) }
            .hasPrefix("cannot write \(workspace.path("file/sub")):"))
    }
}
