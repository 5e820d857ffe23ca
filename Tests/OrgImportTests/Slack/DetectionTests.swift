import Foundation
import OrgImport
import OrgModel
import Testing

@Suite("Detecting a Slack export")
struct DetectionTests {
    private func detect(zip files: [String: String]) throws -> Bool {
        try withTemporaryDirectory { folder in
            let zip = folder.appendingPathComponent("maybe.zip")
            try writeZip(files, to: zip)
            return isSlackExport(try ZipArchive(url: zip))
        }
    }

    @Test("the fixture folder is an export")
    func folder() throws {
        let detected = try withTemporaryDirectory { folder in
            try writeFolder(SlackFixture.files, at: folder)
            return isSlackExport(try FolderArchive(url: folder))
        }
        #expect(detected)
    }

    @Test("users.json with any one conversation list is enough")
    func anyList() throws {
        #expect(try detect(zip: ["users.json": "[]", "mpims.json": "[]"]))
        #expect(try detect(zip: ["users.json": "[]", "groups.json": "[]"]))
    }

    @Test("one top-level folder holding the export counts, even beside macOS's __MACOSX folder")
    func singleTopLevelFolder() throws {
        #expect(try detect(zip: [
            "export/users.json": "[]", "export/channels.json": "[]", "__MACOSX/export/._users.json": "",
        ]))
    }

    @Test("not an export: users.json alone, a list alone, two candidate folders, or two levels deep")
    func negatives() throws {
        #expect(try !detect(zip: ["users.json": "[]"]))
        #expect(try !detect(zip: ["channels.json": "[]", "general/2023-01-01.json": "[]"]))
        #expect(try !detect(zip: [
            "a/users.json": "[]", "a/channels.json": "[]", "b/users.json": "[]", "b/channels.json": "[]",
        ]))
        #expect(try !detect(zip: ["outer/inner/users.json": "[]", "outer/inner/channels.json": "[]"]))
    }
}
