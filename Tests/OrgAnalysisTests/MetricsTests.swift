import Foundation
import OrgModel
import Testing
@testable import OrgAnalysis

struct MetricsTests {
    @Test func healthyOrgHasNoFindings() {
        let analysis = Acme.analyze()
        #expect(analysis.findings.isEmpty)
        #expect(analysis.unknown.isEmpty)
    }

    /// Priya: Sales 3 + Marketing 2 + Finance 2 = E 7; Marco (Platform) 2 + Lena (Engineering) 2 = I 4.
    /// E-I = (7 − 4) / (7 + 4) = 3/11; by count (3 − 2) / 5 = 0.2.
    @Test func eiIndexMatchesAHandComputedExample() throws {
        let priya = try #require(Acme.analyze().leader("E1"))
        #expect(priya.businessFacing == TieTally(count: 3, weight: 7))
        #expect(priya.ownDepartment == TieTally(count: 1, weight: 2))
        #expect(priya.otherEngineering == TieTally(count: 1, weight: 2))
        #expect(abs(try #require(priya.eiIndex) - 3.0 / 11.0) < 1e-12)
        #expect(abs(try #require(priya.eiIndexByCount) - 0.2) < 1e-12)
        #expect(priya.businessDepartmentsReached.map(\.department) == ["Sales", "Finance", "Marketing"])
        #expect(priya.expectedDepartments == ["Finance", "Marketing", "Sales"])
        #expect(priya.coverage == 1)
    }

    /// Marco (Platform): Sales 1 + Marketing 1 + Finance 1 = E 3; Tom (own dept) 3 + Priya 2 = I 5: −2/8.
    @Test func eiIndexOfASeniorLeader() throws {
        let marco = try #require(Acme.analyze().leader("E2"))
        #expect(try #require(marco.eiIndex) == -0.25)
        #expect(marco.expectedDepartmentCount == 2)
        #expect(marco.expectedDepartments.isEmpty)
        #expect(marco.coverage == 1)
    }

    @Test func eiIsNilWithoutAnyTie() throws {
        let analysis = Acme.analyze(ties: Acme.healthy(removing: [("E6", "E7"), ("E2", "E6")]))
        let tom = try #require(analysis.leader("E6"))
        #expect(tom.eiIndex == nil)
        #expect(!tom.hasLinkData)
    }

    @Test func dottedLinesAddTiesButAreNotLinkData() throws {
        var people = Acme.people
        people[6] = Acme.person("E6", "Tom Hale", "Manager, Site Reliability", "Platform", "E2", dotted: ["E30"])
        let ties = Acme.healthy(removing: [("E6", "E7"), ("E2", "E6")])
        let analysis = Acme.analyze(people: people, ties: ties, policy: Policy(dottedLineWeight: 0.5))
        let tom = try #require(analysis.leader("E6"))
        #expect(tom.businessFacing == TieTally(count: 1, weight: 0.5))
        #expect(!tom.hasLinkData)
        #expect(analysis.unknown.map(\.subject.id).contains("E6"))
        #expect(analysis.dottedLineTieCount == 1)
    }

    @Test func departmentsListWhichLeadersReachThem() throws {
        let sales = try #require(Acme.analyze().department("Sales"))
        #expect(sales.isCore)
        #expect(sales.leaders.map(\.leader.name) == ["Priya Raman", "Marco Rossi"])
        #expect(sales.leaders.map(\.weight) == [3, 1])
        #expect(sales.engineeringWeight == 4)
        let executive = try #require(Acme.analyze().department("Executive"))
        #expect(!executive.isCore)
    }

    @Test func departmentLinksSumTiesBetweenDepartments() throws {
        let links = Acme.analyze().departmentLinks
        let platform = try #require(links.first { $0.a == "Engineering" && $0.b == "Platform" })
        #expect(platform.weight == 2)
        #expect(links.first == DepartmentLink(a: "Engineering", b: "Sales", weight: 3, count: 1))
    }

    @Test func coreBusinessDepartmentsCanBeListed() throws {
        let policy = Policy(coreBusinessDepartments: ["sales", "Executive"])
        let analysis = Acme.analyze(policy: policy)
        #expect(analysis.departments.filter(\.isCore).map(\.name).sorted() == ["Executive", "Sales"])
        #expect(try #require(analysis.leader("E1")).expectedDepartments == ["Sales", "Executive"])
    }

    @Test func partialPolicyKeepsEveryOtherDefault() throws {
        let json = #"{"minimum_department_size": 5, "technology_leader_minimum_ei": 0.1}"#
        let policy = try JSONDecoder().decode(Policy.self, from: Data(json.utf8))
        #expect(policy.minimumDepartmentSize == 5)
        #expect(policy.technologyLeaderMinimumEI == 0.1)
        var expected = Policy.default
        expected.minimumDepartmentSize = 5
        expected.technologyLeaderMinimumEI = 0.1
        #expect(policy == expected)
    }

    @Test func policyRoundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(Policy.default)
        #expect(try JSONDecoder().decode(Policy.self, from: data) == .default)
    }
}
