import Foundation
import Testing

struct GenerateCommandTests {
    @Test func sameSeedSameFilesAndEveryDepartmentFilled() throws {
        let cli = try CLI()
        #expect(try cli.run("generate", "--people", "2000", "--departments", "16", "--links", "30000", "--out", "a").status == 0)
        #expect(try cli.run("generate", "--people", "2000", "--departments", "16", "--links", "30000", "--out", "b").status == 0)
        #expect(try cli.run("generate", "--people", "2000", "--departments", "16", "--links", "30000", "--seed", "2", "--out", "c").status == 0)
        #expect(cli.contents("a/people.csv") == cli.contents("b/people.csv"))
        #expect(cli.contents("a/links.csv") == cli.contents("b/links.csv"))
        #expect(cli.contents("a/links.csv") != cli.contents("c/links.csv"))
        let people = String(decoding: try #require(cli.contents("a/people.csv")), as: UTF8.self).split(separator: "\n")
        #expect(people.count == 2001)
        #expect(Set(people.dropFirst().map { $0.split(separator: ",")[4] }).count == 16)
    }

    @Test func generatedOrgImportsAndShowsThePlantedGaps() throws {
        let cli = try CLI()
        #expect(try cli.run("generate", "--people", "1500", "--departments", "12", "--links", "40000", "--out", "g").status == 0)
        #expect(try cli.run("import", "people", "g/people.csv").status == 0)
        let links = try cli.run("import", "links", "g/links.csv")
        #expect(links.status == 0, "\(links.stderr)")
        #expect(links.stdout.contains("Imported 40000 links"))
        let report = try cli.run("report", "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let rules = Set((json["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
        #expect(rules.contains("department-unbridged"))
        #expect(rules.contains("low-external-ratio"))
    }

    @Test func vivaLayoutImportsAsViva() throws {
        let cli = try CLI()
        #expect(try cli.run("generate", "--people", "200", "--departments", "6", "--links", "2000", "--links-format", "viva", "--out", "v").status == 0)
        #expect(try cli.run("import", "people", "v/people.csv").status == 0)
        let links = try cli.run("import", "links", "v/links.csv")
        #expect(links.stdout.contains("Imported 2000 links from v/links.csv (viva-p2p)"))
    }
}
