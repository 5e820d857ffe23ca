import Foundation
import GRDB
import Testing
@testable import OrgImport
import OrgModel
import OrgSample
@testable import OrgStore

/// `PeopleImport.run` stores rows while the file is still being read; what lands in the database must be
/// exactly the chart the file describes, whatever order managers come in.
struct PeopleImportTests {
    func run(_ input: ByteInput, into db: AppDatabase, _ configure: (inout PeopleImportOptions) -> Void = { _ in }) throws -> PeopleImportResult {
        var options = PeopleImportOptions()
        configure(&options)
        return try PeopleImport.run(input: input, asOf: "2026-11-01", options: options, dryRun: false, into: .database(db), logger: quiet)
    }

    func stored(_ result: PeopleImportResult, in db: AppDatabase) throws -> [Person] {
        try db.organization(snapshotID: try #require(result.snapshot).id).people
    }

    @Test(arguments: PeopleFileTests.formats.map(\.file))
    func everyFixtureIsStoredAsRead(_ name: String) throws {
        let db = try AppDatabase.inMemory()
        let result = try run(try fixture(name), into: db)
        #expect(try stored(result, in: db) == result.file.people)
    }

    /// Reports before their managers (a file sorted by name), managers by name, and dotted lines: each
    /// manager not known while reading is set once the file is read.
    @Test func managersAfterTheirReportsAreSet() throws {
        let db = try AppDatabase.inMemory()
        // A first snapshot, so the second's ids do not start at 1.
        _ = try run(ByteInput(bytes: Array("id,name,manager\nX1,Xavier Ode,\n".utf8), name: "first.csv"), into: db)
        let csv = """
            Employee ID,Name,Department,Team,Manager,Dotted Line Manager
            E4,Dee Four,Engineering,Platform,Cat Three,Bea Two
            E3,Cat Three,Engineering,,Bea Two,
            E2,Bea Two,Engineering,,Al One,
            E5,Eve Five,Sales,Field,Al One,Cat Three
            E1,Al One,Executive,,,
            """
        let result = try run(ByteInput(bytes: Array(csv.utf8), name: "people.csv"), into: db)
        #expect(result.file.managerMatchedBy == "name")
        let people = try stored(result, in: db)
        #expect(people == result.file.people)
        #expect(people.map(\.key) == ["E4", "E3", "E2", "E5", "E1"])
        #expect(people.map(\.managerKey) == ["E3", "E2", "E1", "E1", nil])
        #expect(people.map(\.dottedLineManagerKeys) == [["E2"], [], [], ["E3"], []])
        #expect(people[0].team == "Platform" && people[3].team == "Field")
    }

    /// A generated org of a few thousand people, its rows shuffled so most managers come after their reports.
    @Test func shuffledGeneratedOrgIsStoredAsRead() throws {
        var options = SyntheticOrg.Options()
        options.people = 3_000
        options.departments = 9
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orgmap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("people.csv").path
        try SyntheticOrg(options).writePeople(to: path)
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        var random = SplitMix64(seed: 7)
        let header = lines.removeFirst()
        lines.shuffle(using: &random)
        let shuffled = ([header] + lines).joined(separator: "\n")

        let db = try AppDatabase.inMemory()
        let result = try run(ByteInput(bytes: Array(shuffled.utf8), name: "people.csv"), into: db)
        #expect(result.file.people.count == 3_000)
        #expect(try stored(result, in: db) == result.file.people)
    }

    /// Keys are matched as Swift compares text: "José" composed (NFC) and decomposed (NFD, as macOS writes)
    /// are one person, as duplicate or as manager.
    @Test func composedAndDecomposedKeysAreOnePerson() throws {
        let composed = "Jos\u{E9} Ruiz", decomposed = "Jose\u{301} Ruiz"
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        let db = try AppDatabase.inMemory()
        let result = try run(ByteInput(bytes: Array("name,manager,department\n\(composed),,Ingenier\u{ED}a\nAna Lima,\(decomposed),Ingenieri\u{301}a\n".utf8), name: "people.csv"), into: db)
        let people = try stored(result, in: db)
        #expect(people.map(\.managerKey) == [nil, composed])
        #expect(try db.reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM department") } == 1)
        #expect(throws: OrgMapError.self) {
            try run(ByteInput(bytes: Array("name,manager\n\(composed),\n\(decomposed),\n".utf8), name: "people.csv"), into: db)
        }
    }

    /// Rows with long fields are handed over in batches of at most 8 MiB of text.
    @Test func longFieldsAreStoredWhole() throws {
        let long = String(repeating: "a", count: 900_000)
        var csv = "id,name,manager,title\n0,Root,,CEO\n"
        for i in 1...30 { csv += "\(i),Person \(i),0,\(long)\(i)\n" }
        let db = try AppDatabase.inMemory()
        let result = try run(ByteInput(bytes: Array(csv.utf8), name: "people.csv"), into: db)
        let people = try stored(result, in: db)
        #expect(people == result.file.people)
        #expect(people.last?.title == long + "30")
    }

    /// A file that fails its checks after thousands of rows were already stored leaves nothing behind.
    @Test func aProblemAtTheEndRollsBackWhatWasStored() throws {
        let db = try AppDatabase.inMemory()
        var csv = "id,name,manager\n0,Root,\n"
        for i in 1..<10_000 { csv += "\(i),Person \(i),\(i / 5)\n" }
        csv += "10000,Last,nobody\n"
        #expect(throws: OrgMapError.self) { try run(ByteInput(bytes: Array(csv.utf8), name: "people.csv"), into: db) }
        #expect(throws: OrgMapError.self) { try db.snapshot() }
    }
}

extension PeopleImportTests {
    /// Rows are handed to the inserting thread only while the file has no problem: after a bad row the rest is
    /// read, to list every problem, but nothing more is stored only to be rolled back.
    @Test(arguments: [
        (5_000, "5000,Bad,nobody", 10_000),  // an unknown manager shows only once the file is read: every row was handed over
        (5_000, "5000,Ragged", 4_096),       // a ragged row: the full batch before it, and nothing after
        (5_000, "10,Twice,0", 4_096),        // a duplicate id, likewise
        (20, "5000,Ragged", 0),              // a problem in the first batch: nothing at all
    ])
    func rowsStopBeingHandedOverOnceTheFileHasAProblem(at position: Int, bad: String, handed: Int) throws {
        var csv = "id,name,manager\n0,Root,\n"
        for i in 1..<10_000 { csv += i == position ? "\(bad)\n" : "\(i),Person \(i),0\n" }
        var count = 0
        let failed: Bool
        do {
            _ = try PeopleFile.read(ByteInput(bytes: Array(csv.utf8), name: "people.csv"), options: PeopleImportOptions(), streamingTo: { count += $0.count })
            failed = false
        } catch is OrgMapError {
            failed = true
        }
        #expect(failed)
        #expect(count == handed)
    }
}
