import Foundation
import GRDB
import Testing
import OrgImport
@testable import OrgMapKit
import OrgModel
import OrgSample
@testable import OrgStore

/// `PeopleImport` stores rows while the file is still being read; what lands in the database must be exactly
/// the chart the file describes, whatever order managers come in.
struct PeopleImportTests {
    func run(_ source: InputSource, into db: AppDatabase, asOf: String = "2026-11-01") throws -> PeopleImport.Outcome {
        try PeopleImport(source: source, asOf: day(asOf)).run(into: .database(db), logger: quiet)
    }

    func run(_ csv: String, into db: AppDatabase, asOf: String = "2026-11-01") throws -> PeopleImport.Outcome {
        try run(.bytes(Array(csv.utf8), name: "people.csv"), into: db, asOf: asOf)
    }

    func stored(_ result: PeopleImport.Outcome, in db: AppDatabase) throws -> [Person] {
        try Array(db.organization(snapshotID: try #require(result.snapshot).id).people)
    }

    @Test(arguments: ["bamboohr.csv", "workday.csv", "pingboard.csv", "visio.csv", "drawio.csv", "d3-org-chart.csv", "northwind-employees.csv", "uk-organogram.csv", "viva-attributes.csv"])
    func everyFixtureIsStoredAsRead(_ name: String) throws {
        let db = try AppDatabase.inMemory()
        let result = try run(Fixtures.orgChart(name), into: db)
        #expect(try stored(result, in: db) == result.file?.people)
    }

    /// Reports before their managers (a file sorted by name), managers by name, and dotted lines: each
    /// manager not known while reading is set once the file is read.
    @Test func managersAfterTheirReportsAreSet() throws {
        let db = try AppDatabase.inMemory()
        // A first snapshot, so the second's ids do not start at 1.
        _ = try run("id,name,manager\nX1,Xavier Ode,\n", into: db, asOf: "2026-10-01")
        let csv = """
            Employee ID,Name,Department,Team,Manager,Dotted Line Manager
            E4,Dee Four,Engineering,Platform,Cat Three,Bea Two
            E3,Cat Three,Engineering,,Bea Two,
            E2,Bea Two,Engineering,,Al One,
            E5,Eve Five,Sales,Field,Al One,Cat Three
            E1,Al One,Executive,,,
            """
        let result = try run(csv, into: db)
        #expect(result.file?.managerMatchedBy == .name)
        let people = try stored(result, in: db)
        #expect(people == result.file?.people)
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
        let result = try run(shuffled, into: db)
        #expect(result.file?.people.count == 3_000)
        #expect(try stored(result, in: db) == result.file?.people)
    }

    /// Keys are matched as Swift compares text: "José" composed (NFC) and decomposed (NFD, as macOS writes)
    /// are one person, as duplicate or as manager.
    @Test func composedAndDecomposedKeysAreOnePerson() throws {
        let composed = "Jos\u{E9} Ruiz", decomposed = "Jose\u{301} Ruiz"
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        let db = try AppDatabase.inMemory()
        let result = try run("name,manager,department\n\(composed),,Ingenier\u{ED}a\nAna Lima,\(decomposed),Ingenieri\u{301}a\n", into: db)
        let people = try stored(result, in: db)
        #expect(people.map(\.managerKey) == [nil, composed])
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM department") } == 1)
        #expect(throws: OrgMapError.self) {
            try run("name,manager\n\(composed),\n\(decomposed),\n", into: db)
        }
    }

    /// Rows with long fields are handed over in batches of at most 8 MiB of text.
    @Test func longFieldsAreStoredWhole() throws {
        let long = String(repeating: "a", count: 900_000)
        var csv = "id,name,manager,title\n0,Root,,CEO\n"
        for i in 1...30 { csv += "\(i),Person \(i),0,\(long)\(i)\n" }
        let db = try AppDatabase.inMemory()
        let result = try run(csv, into: db)
        let people = try stored(result, in: db)
        #expect(people == result.file?.people)
        #expect(people.last?.title == long + "30")
    }

    /// A file that fails its checks after thousands of rows were already stored leaves nothing behind.
    @Test func aProblemAtTheEndRollsBackWhatWasStored() throws {
        let db = try AppDatabase.inMemory()
        var csv = "id,name,manager\n0,Root,\n"
        for i in 1..<10_000 { csv += "\(i),Person \(i),\(i / 5)\n" }
        csv += "10000,Last,nobody\n"
        #expect(throws: OrgMapError.self) { try run(csv, into: db) }
        #expect(throws: OrgMapError.self) { try db.snapshot() }
    }
}


/// What `orgmap import people` says and does, in process.
struct ImportPeopleWorkflowTests {
    @Test func importsAndSummarizes() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("people.csv")
        let outcome = try workspace.importPeople("people.csv", asOf: "2026-10-01")
        #expect(outcome.summary(database: "orgmap.sqlite").hasPrefix("Imported 5 people in 3 departments from people.csv as snapshot 1 (as of 2026-10-01) into orgmap.sqlite in "))
        #expect(workspace.log.text.contains("manager ← 'Manager Email'"))
        #expect(workspace.log.text.contains("managers matched by email"))
        let snapshots = try ListingFormat.text.snapshots(in: try workspace.database())
        #expect(snapshots.contains("2026-10-01"))
        #expect(snapshots.contains("people.csv"))
    }

    @Test func dryRunWritesNothing() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("people.csv")
        let outcome = try workspace.importPeople("people.csv", dryRun: true)
        #expect(outcome.snapshot == nil)
        #expect(outcome.summary(database: "x").hasPrefix("Dry run: people.csv is valid: 5 people in 3 departments"))
        #expect(workspace.databaseBytes == nil)
    }

    static let bad: [BadPeople] = [
        BadPeople(name: "empty file", text: "", says: "bad.csv: the file is empty"),
        BadPeople(name: "header only", text: "id,name,manager\n", says: "bad.csv: line 1: the header has no rows"),
        BadPeople(name: "ragged row", text: "id,name,manager\n1,A,\n2,B\n", says: "bad.csv: line 3: expected 3 fields"),
        BadPeople(name: "duplicate id", text: "id,name,manager\n1,A,\n1,B,\n", says: "bad.csv: line 3: duplicate id '1'"),
        BadPeople(name: "self-manager", text: "id,name,manager\n1,A,1\n", says: "bad.csv: line 2, column 3 (manager): A is their own manager"),
        BadPeople(name: "cycle", text: "id,name,manager\n1,A,\n2,B,3\n3,C,2\n", says: "bad.csv: line 3: the reporting lines form a cycle of 2 people"),
        BadPeople(name: "unknown manager", text: "id,name,manager\n1,A,\n2,B,7\n", says: "bad.csv: line 3, column 3 (manager): manager '7' is nobody in this file"),
        BadPeople(name: "ambiguous manager", text: "name,manager\nAl Bo,\nAl Bo,Cy Do\nCy Do,\nEd Fu,Al Bo\n", says: "bad.csv: line 3: duplicate id 'Al Bo'"),
        BadPeople(name: "missing columns", text: "title,department\nCTO,Eng\n", says: "bad.csv: line 1: no column identifies people"),
        BadPeople(name: "unterminated quote", text: "id,name,manager\n1,\"A,\n", says: "bad.csv: line 2, column 2: a quoted field opened here is never closed"),
        BadPeople(name: "NUL byte", text: "id,name,manager\n1,Jo\u{0}s,\n", says: "bad.csv: line 2, column 2: a NUL byte"),
    ]

    /// A bad file fails naming file and line, and leaves the database exactly as it was.
    @Test(arguments: bad)
    func badInputChangesNothing(_ b: BadPeople) throws {
        let workspace = try Workspace()
        try workspace.copyFixture("people.csv")
        try workspace.importPeople("people.csv")
        let before = try #require(workspace.databaseBytes)
        try workspace.write("bad.csv", b.text)
        let error = message { try workspace.importPeople("bad.csv") }
        #expect(error.contains(b.says), "\(error)")
        #expect(workspace.databaseBytes == before)
        #expect(try workspace.database().snapshots().count == 1)
    }

    @Test func badInputCreatesNoDatabase() throws {
        let workspace = try Workspace()
        try workspace.write("bad.csv", "id,name,manager\n1,A,2\n")
        #expect(throws: OrgMapError.self) { try workspace.importPeople("bad.csv") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path) == ["bad.csv"])
    }

    @Test func missingFileAndMissingDatabase() throws {
        let workspace = try Workspace()
        let missing = message {
            _ = try PeopleImport(source: .path(workspace.path("nope.csv")), asOf: day("2026-11-01")).run(into: .file(workspace.databasePath), logger: quiet)
        }
        #expect(missing == "cannot read \(workspace.path("nope.csv")): No such file or directory")
        #expect(message { _ = try workspace.database() }.contains("orgmap.sqlite holds no org chart yet"))
        #expect(workspace.databaseBytes == nil)
    }

    @Test func aDatabaseThatIsNotOneIsRefused() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("people.csv")
        let original = workspace.contents("people.csv")
        workspace.databasePath = workspace.path("people.csv")
        #expect(message { try workspace.importPeople("people.csv") }.contains("people.csv is not an orgmap database"))
        #expect(workspace.contents("people.csv") == original)
    }

    @Test func standardInputIsReadWholeThenStored() throws {
        // A pipe is not a regular file: the chart is read first, then stored in one go.
        #expect(!InputSource.path("-").isRegularFile)
        #expect(InputSource.bytes([], name: "x").isRegularFile)
        #expect(!InputSource.path("/dev/null").isRegularFile)
    }
}

/// One bad org chart for a table-driven test.
struct BadPeople: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let says: String
    var testDescription: String { name }
}
