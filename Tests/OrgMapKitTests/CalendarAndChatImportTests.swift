import Foundation
import OrgImport
@testable import OrgMapKit
import OrgModel
import OrgReport
import OrgSample
import OrgStore
import Testing

/// `import links` with calendars, Slack exports and several sources at once, and `orgmap links` listing what
/// was stored.
struct CalendarAndChatImportTests {
    /// The sample's org chart imported, its files (people, links, calendars) in the folder.
    static func sample() throws -> Workspace {
        let workspace = try Workspace()
        _ = try Demo.writeSample(into: workspace.folder.path)
        try workspace.importPeople(SampleOrg.peopleFileName, asOf: SampleOrg.asOf.description)
        return workspace
    }

    static func importLinks(_ workspace: Workspace, _ paths: [String], _ configure: (inout LinksImportOptions) -> Void = { _ in }) throws -> LinksImport.Outcome {
        var options = LinksImportOptions()
        configure(&options)
        return try LinksImport(sources: paths.map { .path(workspace.path($0)) }, options: options).run(in: try workspace.database(), logger: workspace.log.logger)
    }

    /// Calendars and a CSV in one command: one import, one log entry, both sources' links.
    @Test func severalSourcesAreOneImport() throws {
        let workspace = try Self.sample()
        try workspace.write("extra.csv", "source,target,weight,kind,date\nNW002,NW030,2,chat,2026-10-20\n")
        let outcome = try Self.importLinks(workspace, [SampleCalendars.folderName, "extra.csv"])
        #expect(outcome.stored == 571)
        #expect(Set(outcome.formats) == [.ics, .edges])
        let imports = try workspace.database().imports().filter { $0.kind == .links }
        #expect(imports.count == 1)
        #expect(imports.first?.fileName == "\(workspace.path(SampleCalendars.folderName)), \(workspace.path("extra.csv"))")
        #expect(imports.first?.rowsStored == 571)
        #expect(imports.first?.sha256.count == 64)
    }

    /// A bad source anywhere in the command leaves the snapshot without any of the command's links.
    @Test func aBadSourceRollsBackEveryOther() throws {
        let workspace = try Self.sample()
        try workspace.write("bad.csv", "source,target,weight\nNW002,NW030,-1\n")
        let error = message { _ = try Self.importLinks(workspace, [SampleCalendars.folderName, "bad.csv"]) }
        #expect(error.contains("bad.csv: line 2, column 3 (weight): expected a weight, a number 0 or more, found '-1'"))
        #expect(try workspace.database().linkCounts().isEmpty)
        #expect(try workspace.database().imports().filter { $0.kind == .links }.isEmpty)
    }

    /// Calendars keep, by default, what starts in the 365 days before the snapshot's as-of date.
    @Test func calendarsDefaultToTheYearBeforeTheSnapshot() throws {
        let workspace = try Self.sample()
        let event = { (uid: String, day: String) in
            "BEGIN:VEVENT\r\nUID:\(uid)\r\nDTSTART:\(day)T100000Z\r\nDTEND:\(day)T110000Z\r\nORGANIZER:mailto:daniel.okafor@northwindlabs.com\r\nATTENDEE:mailto:maya.castillo@northwindlabs.com\r\nEND:VEVENT\r\n"
        }
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + event("old", "20251031") + event("first-day", "20251101") + event("as-of", "20261101") + "END:VCALENDAR\r\n"
        try workspace.write("daniel.ics", text)
        let outcome = try Self.importLinks(workspace, ["daniel.ics"])
        // 2025-11-01 is in; 2025-10-31 is before it; the as-of day itself is the first day left out.
        #expect(outcome.stored == 1)
        #expect(workspace.log.text.contains("starting 2025-11-01 to 2026-11-01 (excluded)"))
        // The same file again is nothing new, whatever the options; removed first, it is read with the new window.
        #expect(try Self.importLinks(workspace, ["daniel.ics"]) { $0.since = day("2025-01-01") }.alreadyImported.count == 1)
        _ = try History.removeImport(id: try #require(try workspace.database().imports().last?.id), in: try workspace.database())
        let wider = try Self.importLinks(workspace, ["daniel.ics"]) { $0.since = day("2025-01-01"); $0.until = day("2026-12-01") }
        #expect(wider.stored == 3)
    }

    @Test func weightsMustSuitTheirSource() throws {
        let workspace = try Self.sample()
        #expect(message { _ = try Self.importLinks(workspace, [SampleCalendars.folderName]) { $0.weight = .strong } }
            .contains("--weight strong is for Viva Insights exports; calendars take meetings or hours"))
        #expect(message { _ = try Self.importLinks(workspace, [SampleOrg.linksFileName]) { $0.weight = .hours } }
            .contains("--weight is for Viva Insights exports (strong, diverse, none) and calendars (meetings, hours)"))
        let hours = try Self.importLinks(workspace, [SampleCalendars.folderName]) { $0.weight = .hours }
        #expect(hours.stored == 570)
    }

    @Test func aFolderWithoutCalendarsSaysWhatItFound() throws {
        let workspace = try Self.sample()
        try FileManager.default.createDirectory(atPath: workspace.path("notes"), withIntermediateDirectories: true)
        try workspace.write("notes/todo.txt", "call Ann")
        let error = message { _ = try Self.importLinks(workspace, ["notes"]) }
        #expect(error.contains("no calendar in it: expected .ics files (or a Slack export); found todo.txt"))
        #expect(message { _ = try Self.importLinks(workspace, [SampleOrg.linksFileName]) { $0.format = .slack } }
            .contains("not a Slack export: expected its zip or its unpacked folder"))
    }

    /// A small Slack export: users matched by email, else by name ("Last, First" and accents aside); bots and
    /// unknown users left out and named.
    @Test func slackExportsLinkTheirAuthors() throws {
        let workspace = try Self.sample()
        let files = [
            "users.json": #"""
            [{"id": "U1", "name": "daniel", "real_name": "Daniel Okafor", "profile": {"real_name": "Daniel Okafor", "email": "Daniel.Okafor@northwindlabs.com"}},
             {"id": "U2", "name": "marcus", "real_name": "Reid, Marcus", "profile": {"real_name": "Reid, Marcus", "email": ""}},
             {"id": "U3", "name": "tomas", "profile": {"real_name": "Tomas Alvarez"}},
             {"id": "U4", "name": "visitor", "profile": {"real_name": "Vera Visitor", "email": "vera@partner.example"}},
             {"id": "U5", "name": "deploy", "is_bot": true, "profile": {"real_name": "Deploy"}}]
            """#,
            "channels.json": #"[{"id": "C1", "name": "general", "members": ["U1", "U2", "U3", "U4"]}]"#,
            "general/2026-10-05.json": #"""
            [{"type": "message", "user": "U1", "text": "<@U2> and <@U3|tomas>, the roadmap", "ts": "1791190800.000100", "thread_ts": "1791190800.000100"},
             {"type": "message", "user": "U2", "text": "on it", "ts": "1791194400.000200", "thread_ts": "1791190800.000100", "parent_user_id": "U1"},
             {"type": "message", "user": "U4", "text": "<@U1> hello", "ts": "1791194500.000300"},
             {"type": "message", "subtype": "bot_message", "bot_id": "B1", "text": "<@U1> deployed", "ts": "1791194600.000400"},
             {"type": "message", "subtype": "channel_join", "user": "U3", "text": "joined", "ts": "1791194700.000500"}]
            """#,
        ]
        for (path, text) in files {
            try FileManager.default.createDirectory(atPath: workspace.path("slack/" + path).components(separatedBy: "/").dropLast().joined(separator: "/"), withIntermediateDirectories: true)
            try workspace.write("slack/" + path, text)
        }
        let outcome = try Self.importLinks(workspace, ["slack"])
        #expect(outcome.formats == [.slack])
        let chat = try #require(outcome.chat)
        #expect(chat.messages == 5)
        #expect(chat.skips == ["bot": 1, "membership": 1])
        #expect(chat.unmatched == ["Vera Visitor (U4)": 1])
        // Daniel mentions Marcus and Tomás, Marcus replies in Daniel's thread.
        var listing = ""
        try PairListing().write(from: try workspace.database()) { listing += $0 }
        let rows = listing.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.map { "\($0[0])-\($0[3]) \($0[6]) \($0[7]) \($0[10])" }.sorted() == ["NW002-NW004 2 2 chat", "NW002-NW011 1 1 chat"])
        #expect(workspace.log.text.contains("warning: \(workspace.path("slack")): 1 Slack user matches nobody in the org chart"))
    }

    @Test func anAmbiguousSlackNameIsAnErrorNamingTheCandidates() throws {
        let workspace = try Workspace()
        try workspace.write("people.csv", "id,name,email,manager\n1,Sam Lee,sam1@x.io,\n2,Sam Lee,sam2@x.io,1\n3,Ann Bo,ann@x.io,1\n")
        try workspace.importPeople("people.csv")
        try FileManager.default.createDirectory(atPath: workspace.path("slack/general"), withIntermediateDirectories: true)
        try workspace.write("slack/users.json", #"[{"id": "U1", "profile": {"real_name": "Sam Lee"}}]"#)
        try workspace.write("slack/channels.json", #"[{"id": "C1", "name": "general"}]"#)
        try workspace.write("slack/general/2026-10-05.json", "[]")
        let error = message { _ = try Self.importLinks(workspace, ["slack"]) }
        #expect(error.contains("Slack user U1 ('Sam Lee') matches 2 people of the org chart: Sam Lee (1), Sam Lee (2)"))
    }

    /// `orgmap links`: one row a pair, heaviest first, every source summed, dates and kinds; JSON the same.
    @Test func theListingShowsWhatWasStored() throws {
        let workspace = try Self.sample()
        try workspace.importLinks(SampleOrg.linksFileName)
        var csv = ""
        let pairs = try PairListing().write(from: try workspace.database()) { csv += $0 }
        #expect(pairs == 137)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "a_id,a_email,a_name,b_id,b_email,b_name,weight,links,first_date,last_date,kinds")
        #expect(lines.count == 137 + 2)
        let first = lines[1].split(separator: ",").map(String.init)
        #expect(Double(first[6])! >= Double(lines[2].split(separator: ",")[6])!)
        var json = ""
        try PairListing(format: .json).write(from: try workspace.database()) { json += $0 }
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.count == 137)
        #expect(Set(rows[0].keys) == Set(PairLinksTable.header))
        #expect((rows.map { $0["links"] as? Int ?? 0 }).reduce(0, +) == 570)
        var anonymous = ""
        try PairListing(privacy: Privacy(anonymize: true)).write(from: try workspace.database()) { anonymous += $0 }
        #expect(!anonymous.contains("northwindlabs.com"))
        #expect(anonymous.contains("P-"))
        #expect(anonymous.components(separatedBy: "\r\n").count == 137 + 2)
    }

    /// The same content imported again is nothing new: no row written, a notice naming the earlier import; a
    /// command mixing new and imported files is refused, since it would count the imported links twice.
    @Test func importingTheSameContentAgainChangesNothing() throws {
        let workspace = try Self.sample()
        let first = try Self.importLinks(workspace, [SampleCalendars.folderName])
        #expect(first.stored == 570)
        let again = try Self.importLinks(workspace, [SampleCalendars.folderName])
        #expect(again.stored == 0)
        #expect(again.summary.hasPrefix("Nothing imported: \(workspace.path(SampleCalendars.folderName)) was already imported into snapshot 1 (as of 2026-11-01) by import 2 on "))
        #expect(again.summary.hasSuffix("remove that import first: orgmap imports remove 2"))
        // Renamed, the same bytes are still the same content.
        try FileManager.default.copyItem(atPath: workspace.path(SampleOrg.linksFileName), toPath: workspace.path("copy.csv"))
        _ = try Self.importLinks(workspace, [SampleOrg.linksFileName])
        #expect(try Self.importLinks(workspace, ["copy.csv"]).alreadyImported.first?.name == workspace.path(SampleOrg.linksFileName))
        try workspace.write("new.csv", "source,target\nNW002,NW030\n")
        let mixed = message { _ = try Self.importLinks(workspace, ["new.csv", SampleOrg.linksFileName]) }
        #expect(mixed.contains("snapshot 1 already has the links of \(workspace.path(SampleOrg.linksFileName)) (import 3): importing them again would count them twice"))
        #expect(mixed.contains("remove import 3 first (orgmap imports remove ID)"))
        #expect(try workspace.database().linkCounts()[1] == 570 * 2)
        // Standard input is hashed once read, and rolled back when it was imported before.
        let bytes = Array(try #require(workspace.contents(SampleOrg.linksFileName)))
        let piped = try LinksImport(source: .bytes(bytes, name: "<stdin>")).run(in: try workspace.database(), logger: quiet)
        #expect(piped.alreadyImported.map(\.importID) == [3])
        #expect(try workspace.database().linkCounts()[1] == 570 * 2)
    }
}
