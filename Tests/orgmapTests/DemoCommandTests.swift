import Foundation
import Testing
import OrgSample

struct DemoCommandTests {
    /// The demo's report is a reviewed golden file. After a deliberate change, review the new output and
    /// update it with: swift run orgmap demo > Tests/orgmapTests/Fixtures/demo-report.md
    @Test func demoPrintsTheReviewedReportAndWritesNothing() throws {
        let cli = try CLI()
        let result = try cli.run("demo")
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try cli.fixture("demo-report.md")
        #expect(result.stdout == golden)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).isEmpty)
    }

    @Test func demoReportNamesWhoToMeet() throws {
        let report = try CLI().run("demo").stdout
        #expect(report.contains("#### 1. `department-unbridged`: Legal"))
        #expect(report.contains("Daniel Okafor should meet Nadia Haddad (General Counsel), head of Legal. Warm path: Emily Carter"))
        #expect(report.contains("`boundary-spanner`: Ravi Patel"))
        #expect(report.contains("Aaron Goldberg (senior engineering leader): no imported collaboration link"))
        #expect(!report.contains("`tech-leader-isolated`: Aaron Goldberg"))
    }

    /// The README's flow on the sample's files gives the very report the demo prints.
    @Test func importingTheWrittenSampleGivesTheSameReport() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--write-sample", ".").status == 0)
        #expect(try cli.run("import", "people", SampleOrg.peopleFileName, "--as-of", SampleOrg.asOf).status == 0)
        let links = try cli.run("import", "links", SampleOrg.linksFileName)
        #expect(links.status == 0, "\(links.stderr)")
        #expect(links.stdout.contains("Imported 373 links"))
        let report = try cli.run("report")
        #expect(report.status == 0)
        #expect(report.stdout == (try cli.run("demo").stdout))
    }

    @Test func version() throws {
        #expect(try CLI().run("--version").stdout.hasPrefix("0."))
    }
}
