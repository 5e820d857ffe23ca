import Foundation
import Testing

/// The README's examples are what a new user copies first: they must work as written.
struct ReadmeTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The ```csv blocks, in order.
    static func csvBlocks() throws -> [String] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        return text.components(separatedBy: "```csv\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
    }

    @Test func usageExamplesImportAndReport() throws {
        let blocks = try Self.csvBlocks()
        try #require(blocks.count == 2)
        let cli = try CLI()
        try cli.write("people.csv", blocks[0])
        try cli.write("links.csv", blocks[1])
        let people = try cli.run("import", "people", "people.csv", "--as-of", "2026-11-01")
        #expect(people.status == 0, "\(people.stderr)")
        let links = try cli.run("import", "links", "links.csv")
        #expect(links.status == 0, "\(links.stderr)")
        #expect(links.stdout.contains("Imported 2 links"))
        let report = try cli.run("report")
        #expect(report.status == 0)
        #expect(report.stdout.contains("Daniel Okafor"))
    }
}
