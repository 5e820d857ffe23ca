import Foundation
import Testing

struct ImportPeopleCommandTests {
    @Test func importsAndSummarizes() throws {
        let cli = try CLI()
        try cli.write("people.csv", try cli.fixture("people.csv"))
        let imported = try cli.run("import", "people", "people.csv", "--as-of", "2026-10-01")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 5 people in 3 departments from people.csv as snapshot 1 (as of 2026-10-01) into orgmap.sqlite"))
        #expect(imported.stderr.contains("manager ← 'Manager Email'"))
        #expect(imported.stderr.contains("managers matched by email"))

        let org = try cli.run("org")
        #expect(org.status == 0)
        #expect(org.stdout.contains("5 people in 3 departments, 4 levels deep, 1 root"))
        #expect(org.stdout.contains("Jordan Lee"))

        let json = try cli.run("org", "--format", "json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["people"] as? Int == 5)
        #expect(summary["depth"] as? Int == 4)

        let snapshots = try cli.run("snapshots")
        #expect(snapshots.stdout.contains("2026-10-01"))
        #expect(snapshots.stdout.contains("people.csv"))
    }

    @Test func readsStandardInputAndHonoursOrgmapDB() throws {
        let cli = try CLI()
        let result = try cli.run("import", "people", "-", stdin: try cli.fixture("people.csv"), environment: ["ORGMAP_DB": "from-env.sqlite"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.path("from-env.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: cli.path("orgmap.sqlite")))
        #expect(try cli.run("snapshots", "--db", "from-env.sqlite").stdout.contains("<stdin>"))
    }

    @Test func dryRunWritesNothing() throws {
        let cli = try CLI()
        try cli.write("people.csv", try cli.fixture("people.csv"))
        let result = try cli.run("import", "people", "people.csv", "--dry-run")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Dry run: people.csv is valid: 5 people"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("orgmap.sqlite")))
    }

    static let bad: [BadText] = [
        BadText(name: "empty file", text: "", says: "bad.csv: the file is empty"),
        BadText(name: "header only", text: "id,name,manager\n", says: "bad.csv: line 1: the header has no rows"),
        BadText(name: "ragged row", text: "id,name,manager\n1,A,\n2,B\n", says: "bad.csv: line 3: expected 3 fields"),
        BadText(name: "duplicate id", text: "id,name,manager\n1,A,\n1,B,\n", says: "bad.csv: line 3: duplicate id '1'"),
        BadText(name: "self-manager", text: "id,name,manager\n1,A,1\n", says: "bad.csv: line 2, column 3 (manager): A is their own manager"),
        BadText(name: "cycle", text: "id,name,manager\n1,A,\n2,B,3\n3,C,2\n", says: "bad.csv: line 3: the reporting lines form a cycle of 2 people"),
        BadText(name: "unknown manager", text: "id,name,manager\n1,A,\n2,B,7\n", says: "bad.csv: line 3, column 3 (manager): manager '7' is nobody in this file"),
        BadText(name: "ambiguous manager", text: "name,manager\nAl Bo,\nAl Bo,Cy Do\nCy Do,\nEd Fu,Al Bo\n", says: "bad.csv: line 3: duplicate id 'Al Bo'"),
        BadText(name: "missing columns", text: "title,department\nCTO,Eng\n", says: "bad.csv: line 1: no column identifies people"),
        BadText(name: "unterminated quote", text: "id,name,manager\n1,\"A,\n", says: "bad.csv: line 2, column 2: a quoted field opened here is never closed"),
        BadText(name: "invalid UTF-8", text: "id,name,manager\n1,Jos\u{E9},\n", says: "bad.csv: line 2, column 2: invalid UTF-8"),
    ]

    /// A bad file fails with status 1, names file and line, and leaves the database exactly as it was.
    @Test(arguments: bad)
    func badInputChangesNothing(_ b: BadText) throws {
        let cli = try CLI()
        try cli.write("people.csv", try cli.fixture("people.csv"))
        try #require(try cli.run("import", "people", "people.csv").status == 0)
        let before = try #require(cli.contents("orgmap.sqlite"))
        var bytes = Data(b.text.utf8)
        if b.name == "invalid UTF-8" { bytes = Data(b.text.replacingOccurrences(of: "\u{E9}", with: "\u{1}").utf8.map { $0 == 1 ? 0xE9 : $0 }) }
        try bytes.write(to: URL(fileURLWithPath: cli.path("bad.csv")))

        let result = try cli.run("import", "people", "bad.csv")
        #expect(result.status == 1)
        #expect(result.stderr.contains(b.says), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(cli.contents("orgmap.sqlite") == before)
        #expect(try cli.run("snapshots").stdout.split(separator: "\n").count == 3)
    }

    @Test func badInputCreatesNoDatabase() throws {
        let cli = try CLI()
        try cli.write("bad.csv", "id,name,manager\n1,A,2\n")
        #expect(try cli.run("import", "people", "bad.csv").status == 1)
        #expect(!FileManager.default.fileExists(atPath: cli.path("orgmap.sqlite")))
    }

    @Test(arguments: [
        ["import", "people", "x.csv", "--as-of", "2026-02-30"],
        ["import", "people", "x.csv", "--column", "boss=Manager"],
        ["import", "people", "x.csv", "--encoding", "ebcdic"],
        ["import", "people", "x.csv", "--delimiter", "\""],
        ["report-card"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let cli = try CLI()
        let process = try cli.run(arguments: arguments)
        #expect(process.status == 64, "\(process.stderr)")
    }

    @Test func missingFileAndMissingDatabase() throws {
        let cli = try CLI()
        let missing = try cli.run("import", "people", "nope.csv")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read nope.csv: No such file or directory"))
        let org = try cli.run("org")
        #expect(org.status == 1)
        #expect(org.stderr.contains("orgmap.sqlite holds no org chart yet"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("orgmap.sqlite")))
    }

    @Test func aDatabaseThatIsNotOneIsRefused() throws {
        let cli = try CLI()
        try cli.write("people.csv", try cli.fixture("people.csv"))
        let result = try cli.run("import", "people", "people.csv", "--db", "people.csv")
        #expect(result.status == 1)
        #expect(result.stderr.contains("people.csv is not an orgmap database"))
        #expect(try cli.fixture("people.csv") == String(decoding: cli.contents("people.csv")!, as: UTF8.self))
    }

    /// The binary carries its migrations and sample: copied alone to an empty folder it still works.
    @Test func binaryWorksCopiedAlone() throws {
        let cli = try CLI()
        let copy = cli.folder.appendingPathComponent("orgmap")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        try cli.write("people.csv", try cli.fixture("people.csv"))
        let result = try cli.run("import", "people", "people.csv", executable: copy)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try cli.run("org", executable: copy).stdout.contains("5 people"))
        #expect(try cli.run("demo", executable: copy).stdout.contains("**People:** 62"))
    }
}
