import Foundation
@testable import OrgMapKit
import OrgSample
import Testing

struct DemoTests {
    /// The demo's report is a reviewed golden file. After a deliberate change, review the new output and
    /// update it with: swift run orgmap demo > Tests/OrgMapKitTests/Fixtures/demo-report.md
    @Test func demoRendersTheReviewedReport() throws {
        #expect(try Demo.report(format: .markdown) == (try Fixtures.text("demo-report.md")))
    }

    /// `orgmap demo --plan`, a reviewed golden file too: swift run orgmap demo --plan > Tests/OrgMapKitTests/Fixtures/demo-plan.md
    @Test func demoPlansTheReviewedIntroductions() throws {
        let plan = try Demo.plan(format: .markdown)
        #expect(plan == (try Fixtures.text("demo-plan.md")))
        // The plan of the sample imported from its files, as `orgmap plan` makes it.
        let workspace = try Workspace()
        _ = try Demo.writeSample(into: workspace.folder.path)
        try workspace.importPeople(SampleOrg.peopleFileName, asOf: SampleOrg.asOf.description)
        try workspace.importLinks(SampleOrg.linksFileName)
        #expect(PlanFormat.markdown.render(try PlanRequest().run(try workspace.database())) == plan)
    }

    /// Legal is unbridged, yet a Platform engineer who leads no one works with it: the map draws that line
    /// dashed, so it does not read as a bridge.
    @Test func theDemoMapDrawsNoBridgeIntoAnUnbridgedDepartment() throws {
        let page = try Demo.report(format: .html)
        #expect(page.contains("stroke-dasharray=\"6 4\"><title>Legal – Platform: weight 6, no engineering leader among them</title>"))
        #expect(page.components(separatedBy: "stroke-dasharray=\"6 4\"").count == 2)
    }

    @Test func demoReportNamesWhoToMeet() throws {
        let report = try Demo.report(format: .markdown)
        #expect(report.contains("#### 1. `department-unbridged`: Legal"))
        #expect(report.contains("Daniel Okafor should meet Nadia Haddad (General Counsel), head of Legal. Warm path: Emily Carter"))
        #expect(report.contains("`boundary-spanner`: Ravi Patel"))
        #expect(report.contains("Aaron Goldberg (senior engineering leader): no imported collaboration link"))
        #expect(!report.contains("`tech-leader-isolated`: Aaron Goldberg"))
    }

    /// The README's flow on the sample's files gives the very report the demo prints.
    @Test func importingTheWrittenSampleGivesTheSameReport() throws {
        let workspace = try Workspace()
        let written = try Demo.writeSample(into: workspace.folder.path)
        #expect(written == [workspace.path(SampleOrg.peopleFileName), workspace.path(SampleOrg.linksFileName), workspace.path(SampleCalendars.folderName)])
        try workspace.importPeople(SampleOrg.peopleFileName, asOf: SampleOrg.asOf.description)
        let links = try workspace.importLinks(SampleOrg.linksFileName)
        #expect(links.stored == 570)
        #expect(links.summary.hasPrefix("Imported 570 links from \(SampleOrg.linksFileName) (edges) into snapshot 1 (as of 2026-11-01) in "))
        #expect(try workspace.report() == (try Demo.report(format: .markdown)))
    }

    /// The sample's calendars hold the same meetings as its links file, one export a person: imported with no
    /// option, they give the very report the demo prints.
    @Test func theSampleCalendarsGiveTheSameReport() throws {
        let workspace = try Workspace()
        _ = try Demo.writeSample(into: workspace.folder.path)
        try workspace.importPeople(SampleOrg.peopleFileName, asOf: SampleOrg.asOf.description)
        let outcome = try LinksImport(source: .path(workspace.path(SampleCalendars.folderName))).run(in: try workspace.database(), logger: workspace.log.logger)
        #expect(outcome.formats == [.ics])
        #expect(outcome.stored == 570)
        let calendars = try #require(outcome.calendars)
        #expect(calendars.files == SampleCalendars.files.count)
        #expect(calendars.meetings == 570)
        // Each 1:1 is in both people's exports; the all-hands, the cancelled meeting and the reply add nothing.
        #expect(calendars.skips[.duplicate] == 570)
        #expect(calendars.skips[.tooManyParticipants] == 1)
        #expect(calendars.skips[.cancelled] == 1)
        #expect(calendars.skips[.schedulingMessage] == 1)
        #expect(calendars.externals.isEmpty)
        #expect(try workspace.report() == (try Demo.report(format: .markdown)))
    }
}
