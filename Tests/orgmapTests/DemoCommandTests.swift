import Testing
import OrgSample

struct DemoCommandTests {
    @Test func demoSummarizesTheSampleWithoutWritingAnything() throws {
        let cli = try CLI()
        let result = try cli.run("demo")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Snapshot 1 as of \(SampleOrg.asOf), from \(SampleOrg.peopleFileName)"))
        #expect(result.stdout.contains("\(SampleOrg.peopleCount) people in 12 departments, 6 levels deep, 1 root, 2 dotted lines"))
        #expect(cli.contents("orgmap.sqlite") == nil)
    }

    @Test func writtenSampleImports() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--write-sample", "northwind.csv").status == 0)
        let result = try cli.run("import", "people", "northwind.csv")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Imported 62 people in 12 departments"))
    }

    @Test func version() throws {
        #expect(try CLI().run("--version").stdout.hasPrefix("0."))
    }
}
