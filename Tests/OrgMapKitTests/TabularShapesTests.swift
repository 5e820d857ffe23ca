import Foundation
import OrgFastPath
import OrgImport
@testable import OrgMapKit
import OrgModel
import OrgStore
import Testing

/// Org charts and collaboration records as people have them (issue 12): directory exports without managers,
/// Excel's CSV quirks, network tools' edge lists, message logs and network surveys.
struct TabularShapesTests {
    /// Efficient Office (the BambooHR fixture): ids 1 to 7, in that order.
    static func efficientOffice() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.copyImportFixture("bamboohr.csv")
        try workspace.importPeople("bamboohr.csv")
        return workspace
    }

    /// The ties of the latest snapshot as "a-b weight", people by their org chart id.
    static func ties(_ workspace: Workspace) throws -> [String] {
        let db = try workspace.database()
        let snapshot = try db.snapshot(id: nil)
        let people = try db.organization(snapshotID: snapshot.id).people
        return try db.ties(snapshotID: snapshot.id).map { "\(people[$0.a].key)-\(people[$0.b].key) \($0.weight == $0.weight.rounded() ? String(Int($0.weight)) : String($0.weight))" }.sorted()
    }

    // MARK: org charts

    @Test func anEntraIDExportWithoutManagersImportsWithOneWarning() throws {
        let workspace = try Workspace()
        try workspace.copyImportFixture("entra-id-users.csv")
        let outcome = try workspace.importPeople("entra-id-users.csv")
        let warnings = try #require(outcome.file?.warnings)
        #expect(warnings.map(\.kind) == [.noManagerColumn, .unassigned])
        #expect(warnings[0].message.hasPrefix("no manager column: reporting lines unknown; tiers come from titles"))
        // Seven roots, not reported one by one.
        #expect(!workspace.log.text.contains("roots"))
        let report = try workspace.report()
        #expect(report.contains("| Ashley Adams | Chief Technology Officer | technology leader |"))
        #expect(report.contains("| Christina Agluinaldo | Engineering Manager | engineering manager |"))
        #expect(report.contains("**This org chart has no reporting lines**"))
        let json = try workspace.report(.json)
        #expect(json.contains("title matches 'Chief Technology Officer' (reporting lines unknown: tier from title)"))
    }

    @Test func aBalkanExportsEmptyLastHeaderCellIsNoRaggedRow() throws {
        let workspace = try Workspace()
        try workspace.copyImportFixture("balkan-orgchart.csv")
        let outcome = try workspace.importPeople("balkan-orgchart.csv")
        #expect(outcome.file?.people.map(\.name) == ["Charlotte Abbott", "Ashley Adams", "Christina Agluinaldo", "Shannon Anderson", "Maja Andev"])
        #expect(outcome.file?.warnings.first { $0.kind == .emptyTrailingHeader }?.message == "the header ends with 1 empty cell; 4 rows without that field read as they are")
        #expect(outcome.file?.managerRows == [-1, 0, 1, 2, 0])
    }

    @Test func aValueUnderNoHeaderIsStillAnError() throws {
        let workspace = try Workspace()
        try workspace.write("extra.csv", "id,pid,name,\n1,,Ann,\n2,1,Bob,x,y\n")
        let p = problems { try workspace.importPeople("extra.csv") }
        #expect(p.map(\.description) == ["line 3: expected 3 to 4 fields, as in the header, found 5"])
    }

    @Test func sasOrionStarIsWindows1252WithDotsForNoManager() throws {
        let workspace = try Workspace()
        try workspace.copyImportFixture("sas-orion-star.csv")
        let outcome = try workspace.importPeople("sas-orion-star.csv")
        let file = try #require(outcome.file)
        #expect(file.people.map(\.name).suffix(3) == ["André Cortés", "Jürgen Müller", "Sinéad O’Brien"])
        #expect(file.managerRows.first == -1)
        #expect(file.warnings.contains { $0.kind == .windows1252 && $0.message == "not UTF-8 from line 11 on: read as Windows-1252 (use --encoding to choose another)" })
        // Strict UTF-8 still refuses it, naming the line.
        let p = problems { try workspace.importPeople("sas-orion-star.csv", asOf: "2026-11-02") { $0.csv.encoding = .utf8 } }
        #expect(p.first?.line == 11)
    }

    @Test func excelsSepLineSetsTheDelimiter() throws {
        let workspace = try Workspace()
        try workspace.copyImportFixture("excel-sep.csv")
        let outcome = try workspace.importPeople("excel-sep.csv")
        #expect(outcome.file?.delimiter == UInt8(ascii: ";"))
        #expect(outcome.file?.people.map(\.key) == ["1", "2", "3"])
        #expect(outcome.file?.lines == [3, 4, 5])
    }

    // MARK: edge lists

    @Test(arguments: ["networkx-weighted.edgelist", "networkx-data.edgelist"])
    func networkxEdgeListsReadAsNetworkxReadsThem(file: String) throws {
        let workspace = try Self.efficientOffice()
        try workspace.copyImportFixture(file)
        let outcome = try workspace.importLinks(file)
        // 1 7 0.0 is no link: adjacency exports write every pair.
        #expect(outcome.stored == 5)
        #expect(outcome.zeroWeight == 1)
        #expect(try Self.ties(workspace) == ["1-2 3", "2-3 5", "2-5 1.5", "3-4 8", "5-6 2"])
        #expect(workspace.log.text.contains("\(file): read as edges, whitespace-separated, no header: source ← field 1, target ← field 2, weight ← "))
    }

    @Test func snapFilesHaveCommentsAndTabs() throws {
        let workspace = try Self.efficientOffice()
        try workspace.copyImportFixture("snap-email.txt")
        let outcome = try workspace.importLinks("snap-email.txt")
        #expect(outcome.stored == 5)
        #expect(try Self.ties(workspace) == ["1-2 1", "2-3 1", "2-5 1", "3-4 1", "5-6 1"])
    }

    @Test func ucinetEgoAlterAdjacencyKeepsOnlyTies() throws {
        let workspace = try Self.efficientOffice()
        try workspace.copyImportFixture("ucinet-ego-alter.csv")
        let outcome = try workspace.importLinks("ucinet-ego-alter.csv")
        #expect(outcome.rowsRead == 21)
        #expect(outcome.stored == 6)
        #expect(workspace.log.text.contains("source ← 'ego', target ← 'alter', weight ← 'edge'"))
    }

    @Test(arguments: [
        ("fromId,toId\n1,2\n", "source ← 'fromId', target ← 'toId'"),
        ("sender,recipient,timestamp\naadams@efficientoffice.com,cabbott@efficientoffice.com,2026-10-01T09:00:00Z\n1,2,2026-10-02\n", "source ← 'sender', target ← 'recipient' (lists of recipients), date ← 'timestamp'"),
        ("node1\tnode2\tvalue\n1\t2\t2\n", "source ← 'node1', target ← 'node2', weight ← 'value'"),
        ("src dst\n1 2\n", "source ← 'src', target ← 'dst'"),
        ("e1 e2 score\n  1   2   4\n", "source ← 'e1', target ← 'e2', weight ← 'score'"),
        ("Source Node,Target Node,Relationship\n1,2,mentor\n", "source ← 'Source Node', target ← 'Target Node', kind ← 'Relationship'"),
        ("u,v\n1,2\n", "source ← 'u', target ← 'v'"),
        ("i;j\n1;2\n", "source ← 'i', target ← 'j'"),
        ("person1,person2\n1,2\n", "source ← 'person1', target ← 'person2'"),
    ])
    func headerSynonyms(text: String, mapping: String) throws {
        let workspace = try Self.efficientOffice()
        try workspace.write("links.txt", text)
        let outcome = try workspace.importLinks("links.txt")
        #expect(outcome.stored >= 1)
        #expect(workspace.log.text.contains(mapping), "\(workspace.log.text)")
    }

    @Test func columnMapsAnyHeader() throws {
        let workspace = try Self.efficientOffice()
        try workspace.write("collab.csv", "Employee,Colleague,Hours Together,Week Of\n1,2,3.5,2026-10-05\n2,5,1,2026-10-05\n")
        let refused = problems { try workspace.importLinks("collab.csv") }
        #expect(refused.first?.message.contains("map them with --column source=HEADER --column target=HEADER") == true)
        let wrong = problems { try workspace.importLinks("collab.csv") { $0.columns = [.source: ["Employe"], .target: ["Colleague"]] } }
        #expect(wrong.first?.message.contains("--column source=\"Employe\" names no column") == true)
        let outcome = try workspace.importLinks("collab.csv") {
            $0.columns = [.source: ["Employee"], .target: ["colleague"], .weight: ["Hours Together"], .date: ["Week Of"]]
        }
        #expect(outcome.stored == 2)
        #expect(try Self.ties(workspace) == ["1-2 3.5", "2-5 1"])
        #expect(workspace.log.text.contains("source ← 'Employee' (--column), target ← 'Colleague' (--column), weight ← 'Hours Together' (--column), date ← 'Week Of' (--column)"))
    }

    @Test func aFileNamingMostlyNobodyIsRefused() throws {
        let workspace = try Self.efficientOffice()
        // Names where the org chart has ids: nothing would match.
        try workspace.write("names.csv", "source,target\nCharlotte Abbott,Ashley Adams\nAshley Adams,Maja Andev\n1,2\n")
        let p = problems { try workspace.importLinks("names.csv") }
        #expect(p.first?.message.hasPrefix("2 of 3 rows name nobody in snapshot 1's org chart (such as 'Ashley Adams', 'Charlotte Abbott', 'Maja Andev')") == true)
        #expect(try Self.ties(workspace).isEmpty)
        let outcome = try workspace.importLinks("names.csv") { $0.allowUnknown = true }
        #expect(outcome.stored == 1)
    }

    // MARK: message logs

    @Test func anOutlookExportLinksSendersWithEveryRecipient() throws {
        let workspace = try Self.efficientOffice()
        try workspace.copyImportFixture("outlook-export.csv")
        let outcome = try workspace.importLinks("outlook-export.csv")
        let log = workspace.log.text
        #expect(log.contains("source ← 'From: (Address)', target ← 'To: (Address)', 'CC: (Address)', 'BCC: (Address)' (lists of recipients)"), "\(log)")
        // Ashley → Charlotte, Maja, Christina; Maja → Ashley, Eric (partners@contoso.com is outside);
        // Cheryl → Charlotte, Ashley (Bcc). The vendor's newsletter names one insider; the draft has no recipient.
        #expect(try Self.ties(workspace) == ["1-2 1", "1-7 1", "2-3 1", "2-5 2", "2-7 1", "5-6 1"])
        #expect(outcome.stored == 7)
        #expect(log.contains("warning: outlook-export.csv: 2 rows name someone who is not in snapshot 1's org chart"))
        #expect(log.contains("'news@vendor.example' (1), 'partners@contoso.com' (1)"))
        #expect(log.contains("outlook-export.csv: 1 message with no recipient skipped"))
    }

    @Test func recipientsAreNotLinkedToEachOther() throws {
        let workspace = try Self.efficientOffice()
        try workspace.write("mail.csv", "from,to,cc\n1,\"2; 3, 4\",5\n")
        _ = try workspace.importLinks("mail.csv")
        #expect(try Self.ties(workspace) == ["1-2 1", "1-3 1", "1-4 1", "1-5 1"])
    }

    @Test func strictNamesTheFirstOutsider() throws {
        let workspace = try Self.efficientOffice()
        try workspace.write("mail.csv", "from,to\n1,\"2; x@example.com\"\n")
        let p = problems { try workspace.importLinks("mail.csv") { $0.strict = true } }
        #expect(p.first?.message.hasPrefix("'x@example.com' is nobody in snapshot 1's org chart") == true)
    }

    // MARK: surveys

    @Test func aGoogleFormsSurveyLinksRespondentsWithTheColleaguesTheyName() throws {
        let workspace = try Self.efficientOffice()
        try workspace.copyImportFixture("google-forms-survey.csv")
        let outcome = try workspace.importLinks("google-forms-survey.csv") { $0.format = .survey }
        let log = workspace.log.text
        #expect(log.contains("google-forms-survey.csv: survey, 6 of 6 respondents matched (respondent ← 'Email Address'); questions: 'Who do you go to for advice on technical decisions?' (8 colleagues named, 8 links), 'Who outside your own team do you work with most often?' (8 colleagues named, 8 links)"), "\(log)")
        #expect(outcome.stored == 16)
        let db = try workspace.database()
        var listing = ""
        _ = try PairListing(snapshot: nil).write(from: db) { listing += $0 }
        // Ashley and Charlotte named each other for advice, and Maja named both.
        #expect(listing.contains("1,cabbott@efficientoffice.com,Charlotte Abbott,2,aadams@efficientoffice.com,Ashley Adams,2,2,,,Who do you go to for advice on technical…\r\n"), "\(listing)")
        // Ashley named Maja; Maja named Ashley twice, one link a question.
        #expect(try Self.ties(workspace).contains("2-5 3"))
    }

    @Test func aMicrosoftFormsSurveyIsMatchedByName() throws {
        let workspace = try Self.efficientOffice()
        try workspace.copyImportFixture("microsoft-forms-survey.csv")
        // 'Jon Snow' is 1 of 8 names: more than 5%.
        let p = problems { try workspace.importLinks("microsoft-forms-survey.csv") { $0.format = .survey } }
        #expect(p.first?.message == "1 of 8 colleagues named (13%, more than 5%) match nobody in the org chart: 'Jon Snow' (line 4). Fix the names, or import what matches with --allow-unknown")
        let outcome = try workspace.importLinks("microsoft-forms-survey.csv") { $0.format = .survey; $0.allowUnknown = true }
        #expect(outcome.stored == 7)
        #expect(workspace.log.text.contains("respondent ← 'Name'"))
        #expect(workspace.log.text.contains("warning: microsoft-forms-survey.csv: 1 colleague named matches nobody in the org chart and was skipped: 'Jon Snow' (line 4)"))
    }

    @Test func ambiguousNamesAreListedWithTheirCandidates() throws {
        let workspace = try Workspace()
        try workspace.write("people.csv", "id,name,department,manager\n1,Ann Lee,Engineering,\n2,Ann Lee,Sales,1\n3,Bo Ray,Engineering,1\n")
        try workspace.importPeople("people.csv")
        try workspace.write("answers.csv", "Name,Who helps you?\nBo Ray,\"Ann Lee, 1\"\n")
        let outcome = try workspace.importLinks("answers.csv") { $0.format = .survey; $0.questions = ["Who helps you?"] }
        #expect(outcome.stored == 1)
        #expect(workspace.log.text.contains("1 colleague named matches several people and was skipped (write an email or id): 'Ann Lee' (line 2: Ann Lee (1) or Ann Lee (2))"))
    }

    @Test func surveyColumnsCanBeNamed() throws {
        let workspace = try Self.efficientOffice()
        try workspace.copyImportFixture("google-forms-survey.csv")
        let outcome = try workspace.importLinks("google-forms-survey.csv") {
            $0.format = .survey
            $0.respondent = "Email Address"
            $0.questions = ["Who outside your own team do you work with most often?"]
        }
        #expect(outcome.stored == 8)
        let wrong = problems { try workspace.importLinks("google-forms-survey.csv") { $0.format = .survey; $0.respondent = "E-mail" } }
        #expect(wrong.first?.message.hasPrefix("--respondent \"E-mail\" names no column; the header has 'Timestamp', 'Email Address'") == true)
    }

    @Test func aSurveyWithoutPeopleSaysWhatItExpected() throws {
        let workspace = try Self.efficientOffice()
        try workspace.write("poll.csv", "Timestamp,Email Address,Favourite lunch?\n2026/10/05,cabbott@efficientoffice.com,Tacos\n")
        let p = problems { try workspace.importLinks("poll.csv") { $0.format = .survey } }
        #expect(p.first?.message.hasPrefix("no question column names colleagues") == true)
    }
}
