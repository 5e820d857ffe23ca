import Foundation
import GRDB
import OrgMapKit
import Testing

/// What only the real binary shows: exit statuses, what goes to standard output and what to standard error,
/// arguments and the environment. The behaviour behind each command is tested in process (OrgMapKitTests).
struct ExitStatusTests {
    @Test func failOnGatesOnSeverity() throws {
        let cli = try sampleFolder()
        let high = try cli.run("report", "--fail-on", "high")
        #expect(high.status == 2)
        #expect(high.stderr.contains("Findings reach high, at or above --fail-on high"))
        #expect(high.stdout.contains("# Engineering leadership"))
        // Links before September: none are dated so, so nothing is judged and nothing fires.
        let quiet = try cli.run("report", "--fail-on", "info", "--until", "2026-08-31")
        #expect(quiet.status == 0, "\(quiet.stderr)")
    }

    @Test(arguments: [
        ["import", "people", "x.csv", "--as-of", "2026-02-30"],
        ["import", "people", "x.csv", "--column", "boss=Manager"],
        ["import", "people", "x.csv", "--encoding", "ebcdic"],
        ["import", "people", "x.csv", "--delimiter", "\""],
        ["report-card"],
        ["report", "--top=-1"],
        ["report", "--anonymize", "--min-group-size=0"],
        ["leaders", "--min-group-size=-1"],
        ["departments", "--min-group-size=0"],
        ["diff", "--min-group-size=0"],
        ["diff", "--since", "2026-13-01"],
        ["diff", "--since", "2026-03-01", "--until", "2026-01-01"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let result = try CLI().run(arguments: arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test func usageMessagesSayWhatWasExpected() throws {
        let cli = try CLI()
        let typo = try cli.run("reprot")
        #expect(typo.status == 64)
        #expect(typo.stderr == "Error: 'reprot' is not an orgmap command. Did you mean 'report'? See 'orgmap --help'.\n")
        #expect(try cli.run("snapshot").stderr.contains("Did you mean 'snapshots'?"))
        #expect(!(try cli.run("xyzzy")).stderr.contains("Did you mean"))
        let nested = try cli.run("import", "peple", "x.csv")
        #expect(nested.status == 64)
        #expect(nested.stderr == "Error: 'peple' is not a command of 'orgmap import' (people, links). Did you mean 'people'? See 'orgmap import --help'.\n")
        #expect(try cli.run("policy", "inti").stderr.contains("Did you mean 'init'?"))
        // Commands with a default subcommand take arguments of their own: left to the parser.
        #expect(!(try cli.run("snapshots", "remov")).stderr.contains("Did you mean"))
        #expect(try cli.run("report", "--top=-1").stderr.contains("--top -1: expected a number of findings, 0 or more"))
        #expect(try cli.run("report", "--min-group-size=0").stderr.contains("--min-group-size 0: expected a whole number of people, 1 or more"))
        #expect(try cli.run("import", "people", "x.csv", "--as-of", "2026-02-30").stderr.contains("--as-of 2026-02-30: expected a date as YYYY-MM-DD"))
    }

    /// Bad input: status 1, the file and line on standard error, nothing on standard output, the database as it was.
    @Test func badInputExits1AndChangesNothing() throws {
        let cli = try sampleFolder()
        let before = try #require(cli.contents("orgmap.sqlite"))
        try cli.write("bad.csv", "source,target,weight\nNW001,NW002,1\nNW001,NW003,-4\n")
        let links = try cli.run("import", "links", "bad.csv")
        #expect(links.status == 1)
        #expect(links.stderr.contains("bad.csv: line 3, column 3 (weight): expected a weight, a number 0 or more, found '-4'"))
        #expect(links.stdout.isEmpty)
        try cli.write("people.csv", "id,name,manager\n1,A,\n2,B,7\n")
        let people = try cli.run("import", "people", "people.csv")
        #expect(people.status == 1)
        #expect(people.stderr.contains("people.csv: line 3, column 3 (manager): manager '7' is nobody in this file"))
        #expect(people.stdout.isEmpty)
        #expect(cli.contents("orgmap.sqlite") == before)
    }

    /// Excel workbooks through the binary: the generator's workbook (a title block above the header) imports,
    /// saying which sheet and row it read; an unknown sheet and an .xls exit 1 saying what to do.
    @Test func workbooksImportAndSpreadsheetsThatCannotSayWhy() throws {
        let cli = try CLI()
        try #require(try cli.run("generate", "--people", "300", "--links", "0", "--xlsx", "--out", "org").status == 0)
        let unknown = try cli.run("import", "people", "org/people.xlsx", "--sheet", "Staff")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains(#"org/people.xlsx: no sheet is named "Staff"; the workbook's sheets: "Employees""#), "\(unknown.stderr)")
        #expect(cli.contents("orgmap.sqlite") == nil)
        let imported = try cli.run("import", "people", "org/people.xlsx", "--as-of", "2026-11-01")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("org/people.xlsx: read as sheet 'Employees' of an Excel workbook, header on row 4 (2 rows above it skipped)"), "\(imported.stderr)")
        #expect((imported.stdout + imported.stderr).contains("Imported 300 people"), "\(imported.stdout)")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: cli.folder.appendingPathComponent("old.xls"))
        let xls = try cli.run("import", "people", "old.xls", "--as-of", "2026-11-02")
        #expect(xls.status == 1)
        #expect(xls.stderr.contains("old.xls: an Excel 97–2003 workbook (.xls) or a password-protected workbook: save it as .xlsx"), "\(xls.stderr)")
    }

    /// Calendars: a file that is not one fails the command, naming file and line; one broken event is skipped,
    /// named on standard error, and the rest imported; the counts of what was left out are printed.
    @Test func calendarsFailOnABadFileAndSkipABadEvent() throws {
        let cli = try sampleFolder()
        let before = try #require(cli.contents("orgmap.sqlite"))
        try cli.write("cut.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\n")
        let cut = try cli.run("import", "links", "northwind-calendars", "cut.ics")
        #expect(cut.status == 1)
        #expect(cut.stderr.contains("cut.ics: line 3:"), "\(cut.stderr)")
        #expect(cut.stdout.isEmpty)
        #expect(cli.contents("orgmap.sqlite") == before)
        let event = "BEGIN:VEVENT\r\nUID:odd@x\r\nDTSTART;TZID=Mars/Olympus:20261005T100000\r\nORGANIZER:mailto:daniel.okafor@northwindlabs.com\r\nATTENDEE:mailto:maya.castillo@northwindlabs.com\r\nEND:VEVENT\r\n"
        try cli.write("odd.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + event + "END:VCALENDAR\r\n")
        let odd = try cli.run("import", "links", "northwind-calendars", "odd.ics")
        #expect(odd.status == 0, "\(odd.stderr)")
        #expect(odd.stdout.contains("Imported 570 links from northwind-calendars, odd.ics (ics) into snapshot 1"))
        #expect(odd.stderr.contains("warning: calendars: 1 event skipped for a problem of their own: odd.ics: line 5 (UID odd@x): DTSTART: unknown TZID 'Mars/Olympus'"), "\(odd.stderr)")
        #expect(odd.stderr.contains("left out: 1 cancelled, 1 with more than 25 participants"))
    }

    /// Re-running an import script changes nothing and says so; a different chart for the same day is refused
    /// (status 1) unless --replace; removals ask, or need --yes when no terminal can answer.
    @Test func reimportsRemovalsAndReplacements() throws {
        let cli = try sampleFolder()
        let before = try #require(cli.contents("orgmap.sqlite"))
        let people = try cli.run("import", "people", "northwind-people.csv", "--as-of", "2026-11-01")
        #expect(people.status == 0)
        #expect(people.stdout.hasPrefix("Nothing imported: northwind-people.csv is already snapshot 1"))
        let links = try cli.run("import", "links", "northwind-links.csv")
        #expect(links.status == 0)
        #expect(links.stdout.hasPrefix("Nothing imported: northwind-links.csv was already imported into snapshot 1"))
        #expect(cli.contents("orgmap.sqlite") == before)

        try cli.write("changed.csv", try String(contentsOfFile: cli.path("northwind-people.csv"), encoding: .utf8).replacingOccurrences(of: "VP Engineering", with: "SVP Engineering"))
        let refused = try cli.run("import", "people", "changed.csv", "--as-of", "2026-11-01")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Use --replace to replace it"))
        #expect(cli.contents("orgmap.sqlite") == before)
        let replaced = try cli.run("import", "people", "changed.csv", "--as-of", "2026-11-01", "--replace")
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout.contains("replacing the earlier snapshot 1 (its 570 links removed with it)"))

        #expect(try cli.run("import", "links", "northwind-links.csv").status == 0)
        let unconfirmed = try cli.run("imports", "remove", "4")
        #expect(unconfirmed.status == 64)
        #expect(unconfirmed.stderr.contains("not confirmed: standard input is not a terminal. Add --yes to go ahead; nothing was removed."))
        let removed = try cli.run("imports", "remove", "4", "--yes")
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.contains("570 links deleted"))
        #expect(try cli.run("imports").stdout.split(separator: "\n").count == 2 + 3)
        let snapshot = try cli.run("snapshots", "remove", "1", "--yes")
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        #expect(try cli.run("snapshots").stdout.hasPrefix("No snapshots yet"))
        #expect(try cli.run("snapshots", "--format", "json").stdout == "[\n\n]\n" || (try cli.run("snapshots", "--format", "json").stdout).contains("[]"))
    }

    /// Where the database cannot be: a folder that does not exist, or (for anyone but root, whom permissions do
    /// not stop) a folder or a file that cannot be written. Each is said as such.
    @Test func databaseLocationsThatCannotWork() throws {
        let cli = try CLI()
        try cli.write("people.csv", try cli.fixture("people.csv"))
        let missing = try cli.run("import", "people", "people.csv", "--db", "missing/folder/x.sqlite")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot write missing/folder/x.sqlite: the folder \(cli.path("missing/folder")) does not exist; create it first, or choose another --db"), "\(missing.stderr)")
        // Permissions do not stop root: as root, the binary runs as `nobody` (setpriv), from a copy it may execute.
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        let asRoot = getuid() == 0
        guard !asRoot || FileManager.default.isExecutableFile(atPath: setpriv.path) else { return }
        let binary = cli.folder.appendingPathComponent("orgmap-copy")
        try FileManager.default.copyItem(at: CLI.binary, to: binary)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: cli.folder.path)
        for file in ["people.csv", "orgmap-copy"] { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.path(file)) }
        func run(_ arguments: String...) throws -> CLI.Result {
            asRoot
                ? try cli.run(arguments: ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments, executable: setpriv)
                : try cli.run(arguments: arguments, executable: binary)
        }
        try FileManager.default.createDirectory(atPath: cli.path("locked"), withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: cli.path("locked"))
        let locked = try run("import", "people", "people.csv", "--db", "locked/x.sqlite")
        #expect(locked.status == 1)
        #expect(locked.stderr.contains("cannot write locked/x.sqlite: the folder \(cli.path("locked")) is not writable (permission denied)"), "\(locked.stderr)")
        #expect(try run("import", "people", "people.csv", "--db", "mine.sqlite").status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: cli.path("mine.sqlite"))
        let readOnly = try run("import", "people", "people.csv", "--db", "mine.sqlite", "--as-of", "2027-01-01")
        #expect(readOnly.status == 1)
        #expect(readOnly.stderr.contains("cannot write mine.sqlite: the database is read-only"), "\(readOnly.stderr)")
        // Reading it still works.
        #expect(try run("org", "--db", "mine.sqlite").stdout.contains("5 people"))
    }

    /// Next quarter's org chart imported, its links not yet: the diff does not report progress it cannot see.
    @Test func aDiffWithoutTheNewLinksSaysSo() throws {
        let cli = try sampleFolder()
        try #require(try cli.run("import", "people", "northwind-people.csv", "--as-of", "2027-02-01").status == 0)
        let diff = try cli.run("diff")
        #expect(diff.status == 0)
        #expect(diff.stdout.contains("- **Findings:** 0 opened, 0 resolved, 0 persisting, 13 unknown"))
        #expect(diff.stdout.contains("> **Not comparable on links:** the later snapshot has no collaboration links."))
        #expect(diff.stderr.contains("Wrote") == false)
    }

    /// Links changed by hand are read row by row: the report says so on standard error, `snapshots` shows it, and
    /// `snapshots pack` packs them again, for the same report.
    @Test func linksChangedByHandAreAdvisedAndPacked() throws {
        let cli = try sampleFolder()
        let before = try cli.run("report")
        #expect(before.status == 0 && before.stderr.isEmpty, "\(before.stderr)")
        try DatabaseQueue(path: cli.path("orgmap.sqlite")).write { db in try db.execute(sql: "UPDATE link SET weight = weight") }
        let unpacked = try cli.run("report")
        #expect(unpacked.stdout == before.stdout)
        #expect(unpacked.stderr.hasPrefix("note: the links of snapshot 1 were read row by row"), "\(unpacked.stderr)")
        #expect(try cli.run("leaders").stderr.contains("`orgmap snapshots pack` packs them once"))
        #expect(try cli.run("snapshots").stdout.contains("  570  no "))

        let pack = try cli.run("snapshots", "pack")
        #expect(pack.status == 0, "\(pack.stderr)")
        #expect(pack.stdout.hasPrefix("Snapshot 1 (as of 2026-11-01): 570 links packed into "), "\(pack.stdout)")
        let after = try cli.run("report")
        #expect(after.stdout == before.stdout && after.stderr.isEmpty, "\(after.stderr)")
        #expect(try cli.run("snapshots").stdout.contains("  570  yes "))
        #expect(try cli.run("snapshots", "pack").stdout.hasPrefix("Every snapshot's links are packed already"))
        let unknown = try cli.run("snapshots", "pack", "7")
        #expect(unknown.status == 1 && unknown.stderr.contains("orgmap.sqlite has no snapshot 7; list them with: orgmap snapshots"), "\(unknown.stderr)")

        // A date no calendar has, typed by hand: said as a warning, and the report still works, row by row.
        try DatabaseQueue(path: cli.path("orgmap.sqlite")).write { db in try db.execute(sql: "UPDATE link SET date = '2026-02-30' WHERE id = (SELECT MIN(id) FROM link)") }
        let cannot = try cli.run("snapshots", "pack")
        #expect(cannot.status == 0 && cannot.stdout.isEmpty, "\(cannot.stdout)")
        #expect(cannot.stderr.hasPrefix("warning: snapshot 1 (as of 2026-11-01): its links cannot be packed"), "\(cannot.stderr)")
        #expect(try cli.run("snapshots").stdout.contains("  570  cannot "))
        let rowByRow = try cli.run("report")
        #expect(rowByRow.status == 0 && rowByRow.stderr.isEmpty, "\(rowByRow.stderr)")
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

    @Test func readsStandardInputAndHonoursOrgmapDB() throws {
        let cli = try CLI()
        let result = try cli.run("import", "people", "-", stdin: try cli.fixture("people.csv"), environment: ["ORGMAP_DB": "from-env.sqlite"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Imported 5 people in 3 departments from <stdin> as snapshot 1"))
        #expect(FileManager.default.fileExists(atPath: cli.path("from-env.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: cli.path("orgmap.sqlite")))
        #expect(try cli.run("snapshots", "--db", "from-env.sqlite").stdout.contains("<stdin>"))
    }

    @Test func reportToAFileSaysSoOnStandardError() throws {
        let cli = try sampleFolder()
        let result = try cli.run("report", "--format", "csv", "--output", "findings.csv")
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Wrote findings.csv: 13 findings (1 high, 5 medium, 6 low, 1 info)."))
        #expect(String(decoding: try #require(cli.contents("findings.csv")), as: UTF8.self).hasPrefix("rule,severity,"))
    }

    /// `--format html` and `--images`: a page on its own, pictures beside the Markdown; `--images` needs Markdown.
    @Test func htmlReportAndPicturesForMarkdown() throws {
        let cli = try sampleFolder()
        let page = try cli.run("report", "--format", "html", "--output", "report.html")
        #expect(page.status == 0 && page.stdout.isEmpty)
        #expect(String(decoding: try #require(cli.contents("report.html")), as: UTF8.self).contains("Content-Security-Policy"))
        let markdown = try cli.run("report", "--images", "pictures")
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("![Department map](pictures/department-map.svg)"))
        #expect(cli.contents("pictures/ei-index.svg") != nil)
        let wrong = try cli.run("report", "--format", "json", "--images", "pictures")
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("--images goes with --format markdown"))
        #expect(try cli.run("diff", "--format", "html").stderr.contains("no snapshot before"))
    }

    /// Two separate processes give the same JSON, byte for byte: keys sorted, nothing that depends on a run.
    @Test func jsonIsTheSameFromTwoProcesses() throws {
        let cli = try sampleFolder()
        try #require(try cli.run("import", "people", "northwind-people.csv", "--as-of", "2026-12-01").status == 0)
        for arguments in [["report", "--format", "json"], ["diff", "--format", "json"], ["leaders", "--format", "json"], ["report", "--anonymize", "--format", "json"]] {
            let first = try cli.run(arguments: arguments), second = try cli.run(arguments: arguments)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(!first.stdout.isEmpty)
            #expect(first.stdout == second.stdout, "\(arguments)")
        }
    }

    /// The binary prints what the library renders, and carries its migrations and sample: copied alone to an
    /// empty folder it still works.
    @Test func binaryWorksCopiedAlone() throws {
        let cli = try CLI()
        let copy = cli.folder.appendingPathComponent("orgmap")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        let demo = try cli.run("demo", executable: copy)
        #expect(demo.status == 0)
        #expect(demo.stdout == (try Demo.report(format: .markdown)))
        try cli.write("people.csv", try cli.fixture("people.csv"))
        let result = try cli.run("import", "people", "people.csv", executable: copy)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("managers matched by email"))
        #expect(try cli.run("org", executable: copy).stdout.contains("5 people"))
    }

    @Test func writingTheSampleWritesFilesAndPrintsNoReport() throws {
        let cli = try CLI()
        let result = try cli.run("demo", "--write-sample", ".")
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Wrote \(cli.path("northwind-calendars"))"))
        #expect(result.stderr.contains("Try: orgmap import people northwind-people.csv --as-of 2026-11-01"))
        #expect(FileManager.default.fileExists(atPath: cli.path("northwind-people.csv")))
    }

    @Test func version() throws {
        #expect(try CLI().run("--version").stdout.hasPrefix("0."))
    }
}
