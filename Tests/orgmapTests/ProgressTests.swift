import Foundation
import Testing

/// Progress shows on a terminal only: run the import under `script`, which gives it a pseudo-terminal.
struct ProgressTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressOnATerminalOnly() throws {
        let cli = try CLI()
        #expect(try cli.run("generate", "--people", "2000", "--departments", "10", "--links", "200000", "--out", "g").status == 0)
        #expect(try cli.run("import", "people", "g/people.csv").status == 0)
        let piped = try cli.run("import", "links", "g/links.csv")
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("rows/s"))
        let command = "\(CLI.binary.path) import links g/links.csv --db terminal.sqlite"
        #expect(try cli.run("import", "people", "g/people.csv", "--db", "terminal.sqlite").status == 0)
        let terminal = try cli.run(arguments: ["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(terminal.status == 0, "\(terminal.stdout)")
        #expect(terminal.stdout.contains("importing g/links.csv: "))
        #expect(terminal.stdout.contains(" rows/s"))
        #expect(terminal.stdout.contains("Imported 200000 links"))
        let quiet = try cli.run(arguments: ["-qec", command + " --quiet", "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(!quiet.stdout.contains("rows/s"))
    }
}
