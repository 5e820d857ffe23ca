import OrgModel
import Testing
@testable import OrgAnalysis

struct EdgeCaseTests {
    @Test func anEmptyOrganizationHasOnlyTheNoTechnologyLeaderFinding() throws {
        let analysis = Analyzer.analyze(organization: Organization(people: []), ties: [])
        #expect(analysis.departments.isEmpty)
        let finding = try #require(analysis.findings.first)
        #expect(analysis.findings.count == 1)
        #expect(finding.rule == .noTechnologyLeader)
        #expect(finding.recommendation.contains("engineering_department_patterns"))
    }

    @Test func aReportingCycleDoesNotHang() {
        let people = [
            Acme.person("P1", "Grace Okafor", "Director of Engineering", "Engineering", "P2"),
            Acme.person("P2", "Wen Liu", "Engineering Manager", "Engineering", "P1"),
        ]
        let analysis = Acme.analyze(people: people, ties: [("P1", "P2", 1)])
        // The importer rejects cycles; here the first person of the cycle is taken as its top.
        #expect(analysis.tier("P1") == .technologyLeader)
        #expect(analysis.tier("P2") == .seniorEngineeringLeader)
    }

    @Test func aCTOInTheExecutiveTeamCountsTiesWithTheCEOAsBusinessFacing() throws {
        let people = [
            Acme.person("P1", "Grace Okafor", "CEO", "Executive", nil),
            Acme.person("P2", "Wen Liu", "CTO", "Executive", "P1"),
            Acme.person("P3", "Jon Abe", "Engineering Manager", "Engineering", "P2"),
            Acme.person("P4", "Kim Roy", "Engineer", "Engineering", "P3"),
        ]
        let analysis = Acme.analyze(people: people, ties: [("P1", "P2", 3), ("P2", "P3", 1)])
        let cto = try #require(analysis.leader("P2"))
        #expect(cto.businessFacing == TieTally(count: 1, weight: 3))
        #expect(cto.otherEngineering == TieTally(count: 1, weight: 1))
        #expect(cto.eiIndex == 0.5)
        #expect(analysis.findings(.techLeaderIsolated).isEmpty)
    }
}
