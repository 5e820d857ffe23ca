import Foundation
import OrgImport
import OrgModel
import Testing

@Suite("Reading a Slack export")
struct ReadSlackExportTests {
    private func readFixture(_ files: [String: String] = SlackFixture.files) throws -> SlackExportContents {
        try withTemporaryDirectory { folder in
            try writeFolder(files, at: folder)
            return try readSlackExport(FolderArchive(url: folder))
        }
    }

    @Test("every thread, mention and DM link, with its weight and UTC day")
    func links() throws {
        let contents = try readFixture()
        #expect(contents.links.count == 15)
        #expect(sorted(contents.links) == sorted(SlackFixture.expectedLinks))
        #expect(contents.links.allSatisfy { $0.kind == "chat" })
    }

    @Test("skips are counted by reason, and messages, files and conversations are counted")
    func counts() throws {
        let contents = try readFixture()
        #expect(contents.skipped == [.membership: 1, .bot: 3, .noUser: 1, .notAnObject: 1, .invalidTimestamp: 1])
        var expected = SlackExportContents.Counts()
        expected.conversations = 5
        expected.unlistedConversations = 1
        expected.dayFiles = 7
        expected.messages = 21
        expected.usedMessages = 14
        #expect(contents.counts == expected)
    }

    @Test("the user directory keeps every field and orders the identities to match on")
    func userDirectory() throws {
        let users = try readFixture().users
        #expect(users.count == 7)
        let alice = try #require(users[SlackFixture.alice])
        #expect(alice == SlackUser(
            id: "U01ALICE", name: "alice", realName: "Alice Archer", profileRealName: "Alice Archer",
            displayName: "ali", email: "alice@example.com", isBot: false, isDeleted: false))
        #expect(alice.candidateIdentities == ["alice@example.com"])
        // A blank email: the names, profile first.
        #expect(users[SlackFixture.bob]?.email == nil)
        #expect(users[SlackFixture.bob]?.candidateIdentities == ["Robert Baker", "Bob Baker", "bob"])
        // Deactivated, with the top-level real_name emptied as Slack does.
        #expect(users[SlackFixture.carol]?.isDeleted == true)
        #expect(users[SlackFixture.carol]?.realName == nil)
        #expect(users[SlackFixture.carol]?.candidateIdentities == ["carol@example.com"])
        // An email field without an address; the repeated real name appears once.
        #expect(users[SlackFixture.dave]?.email == nil)
        #expect(users[SlackFixture.dave]?.candidateIdentities == ["Dave Davis", "dave"])
        #expect(users[SlackFixture.bot]?.isBot == true)
        #expect(users["USLACKBOT"]?.isBot == true)
        #expect(users[SlackFixture.erin]?.isBot == false)
    }

    @Test(
        "a zip reads like the folder, at the root or inside a single top-level folder",
        arguments: ["", "Acme Slack export Oct 30 2023 - Nov 2 2023/"])
    func zipLayouts(prefix: String) throws {
        let contents = try withTemporaryDirectory { folder in
            let zip = folder.appendingPathComponent("export.zip")
            try writeZip(SlackFixture.files, to: zip, prefix: prefix)
            return try readSlackExport(ZipArchive(url: zip))
        }
        #expect(sorted(contents.links) == sorted(SlackFixture.expectedLinks))
        #expect(contents.counts.messages == 21)
        #expect(contents.users.count == 7)
    }

    @Test("a missing groups.json leaves private channels unlisted but still read; present, they are listed")
    func groupsList() throws {
        var files = SlackFixture.files
        files["secret-project/2023-11-03.json"] = #"""
            [{"type": "message", "user": "U04DAVE", "text": "<@U01ALICE> budget?", "ts": "1699012800.000100"}]
            """#
        let expectedLink = SlackLink(
            userA: SlackFixture.dave, userB: SlackFixture.alice, weight: 1, date: date(2023, 11, 3), reason: .mention)

        let withoutList = try readFixture(files)
        #expect(withoutList.counts.unlistedConversations == 2)
        #expect(withoutList.links.contains(expectedLink))

        files["groups.json"] = #"[{"id": "G02SECRET", "name": "secret-project", "members": ["U01ALICE", "U04DAVE"]}]"#
        let withList = try readFixture(files)
        #expect(withList.counts.unlistedConversations == 1)
        #expect(withList.counts.conversations == 6)
        #expect(withList.links.contains(expectedLink))
    }

    @Test("a DM folder named by the conversation's name instead of its id is still a DM")
    func dmFolderByName() throws {
        var files = SlackFixture.files
        files["dms.json"] = #"[{"id": "D01AB", "name": "alice-bob", "members": ["U01ALICE", "U02BOB"]}]"#
        files["alice-bob/2023-11-01.json"] = files.removeValue(forKey: "D01AB/2023-11-01.json")
        let contents = try readFixture(files)
        #expect(sorted(contents.links) == sorted(SlackFixture.expectedLinks))
        #expect(contents.counts.unlistedConversations == 1)
    }

    @Test("a day file that is not valid JSON is an error naming the archive, the entry and the position")
    func invalidDayFile() throws {
        var files = SlackFixture.files
        files["general/2023-10-31.json"] = #"[{"type": "message", "user": "U02BOB", "ts": oops}]"#
        try withTemporaryDirectory { folder in
            let zip = folder.appendingPathComponent("broken.zip")
            try writeZip(files, to: zip, prefix: "export/")
            let error = try #require(throws: SlackExportError.self) { try readSlackExport(ZipArchive(url: zip)) }
            #expect(error.archive == zip)
            #expect(error.entry == "export/general/2023-10-31.json")
            guard case .invalidJSON(let expected, let detail) = error.problem else {
                Issue.record("expected invalidJSON, got \(error.problem)")
                return
            }
            #expect(expected == "a JSON array of messages")
            #expect(detail.contains("character") || detail.contains("column"))
            #expect(error.description.hasPrefix("\(zip.path): export/general/2023-10-31.json: invalid JSON"))
        }
    }

    @Test("nesting deep enough to exhaust a recursive parser is an error, not a crash")
    func deeplyNestedDayFile() throws {
        var files = SlackFixture.files
        files["general/2023-10-31.json"] = String(repeating: "[", count: 100_000)
        let error = try #require(throws: SlackExportError.self) { try readFixture(files) }
        #expect(error.entry == "general/2023-10-31.json")
        guard case .invalidJSON = error.problem else {
            Issue.record("expected invalidJSON, got \(error.problem)")
            return
        }
    }

    @Test("a day file holding valid JSON that is not an array is an error")
    func dayFileNotAnArray() throws {
        var files = SlackFixture.files
        files["D01AB/2023-11-01.json"] = #"{"messages": []}"#
        let error = try #require(throws: SlackExportError.self) { try readFixture(files) }
        #expect(error.entry == "D01AB/2023-11-01.json")
        #expect(error.problem == .unexpectedStructure(expected: "a JSON array of messages"))
    }

    @Test(
        "users.json must be an array of objects with ids",
        arguments: [
            (#"{"members": []}"#, "a JSON array of user objects"),
            ("[1]", "a JSON array of user objects; element 0 is not an object"),
            (#"[{"id": "U1"}, {"name": "ghost"}]"#, "every user to have a string \"id\"; element 1 has none"),
        ])
    func malformedUsers(json: String, expected: String) throws {
        var files = SlackFixture.files
        files["users.json"] = json
        let error = try #require(throws: SlackExportError.self) { try readFixture(files) }
        #expect(error.entry == "users.json")
        #expect(error.problem == .unexpectedStructure(expected: expected))
    }

    @Test("users.json that is not JSON at all is an invalid-JSON error")
    func usersNotJSON() throws {
        var files = SlackFixture.files
        files["users.json"] = "<html>Sign in to Slack</html>"
        let error = try #require(throws: SlackExportError.self) { try readFixture(files) }
        #expect(error.entry == "users.json")
        guard case .invalidJSON(let expected, _) = error.problem else {
            Issue.record("expected invalidJSON, got \(error.problem)")
            return
        }
        #expect(expected == "a JSON array of user objects")
    }

    @Test("a conversation without an id is an error naming its list")
    func conversationWithoutID() throws {
        var files = SlackFixture.files
        files["channels.json"] = #"[{"name": "general"}]"#
        let error = try #require(throws: SlackExportError.self) { try readFixture(files) }
        #expect(error.entry == "channels.json")
        #expect(error.problem == .unexpectedStructure(
            expected: "every conversation to have a string \"id\"; element 0 has none"))
    }

    @Test("a folder that is not an export says what was expected and what was found")
    func notAnExport() throws {
        try withTemporaryDirectory { folder in
            try writeFolder(["notes.txt": "hello", "photos/cat.jpg": "jpeg", "users.json": "[]"], at: folder)
            let error = try #require(throws: SlackExportError.self) { try readSlackExport(FolderArchive(url: folder)) }
            #expect(error.problem == .notASlackExport(found: ["notes.txt", "photos/cat.jpg", "users.json"], total: 3))
            #expect(error.description == "\(folder.path): not a Slack export: expected users.json and one of "
                + "channels.json, groups.json, dms.json, mpims.json at the top level or in a single top-level "
                + "folder; found: notes.txt, photos/cat.jpg, users.json")
        }
    }
}
