import Foundation
import OrgModel
import Testing
@testable import OrgAnalysis

struct ClassificationTests {
    @Test(arguments: [
        ("E1", Tier.technologyLeader), ("E2", .seniorEngineeringLeader), ("E3", .engineeringManager),
        ("E4", .individualContributor), ("E5", .individualContributor), ("E6", .engineeringManager),
        ("E7", .individualContributor),
    ])
    func acmeTiers(key: String, expected: Tier) {
        #expect(Acme.analyze().tier(key) == expected)
    }

    @Test func peopleOutsideEngineeringHaveNoTier() {
        let analysis = Acme.analyze()
        for key in ["E0", "E10", "E21", "E32"] { #expect(analysis.tier(key) == nil) }
        #expect(analysis.engineeringPeopleCount == 7)
    }

    @Test func reasonsAreReadable() throws {
        let analysis = Acme.analyze()
        let org = analysis.organization
        #expect(analysis.classifications[org.index(ofKey: "E1")!]?.reason == "title matches 'VP Engineering'")
        #expect(analysis.classifications[org.index(ofKey: "E2")!]?.reason == "title matches 'Director'")
        #expect(analysis.classifications[org.index(ofKey: "E3")!]?.reason == "title matches 'Engineering Manager' and has 2 direct reports")
        #expect(analysis.classifications[org.index(ofKey: "E5")!]?.reason == "title matches 'Tech Lead' but has no direct reports")
    }

    @Test(arguments: [
        ("Chief Technology Officer", Tier.technologyLeader),
        ("CTO & Co-founder", .technologyLeader),
        ("Vice President, Engineering", .technologyLeader),
        ("VP of Engineering", .technologyLeader),
        ("Sr. Director, Software Engineering", .seniorEngineeringLeader),
        ("Head of Data", .seniorEngineeringLeader),
        ("CISO", .seniorEngineeringLeader),
        ("Staff Software Engineer", .individualContributor),
    ])
    func titleDecidesTierForAnEngineerWithoutReports(title: String, expected: Tier) {
        let people = [
            Acme.person("P1", "Grace Okafor", "CEO", "Executive", nil),
            Acme.person("P2", "Wen Liu", title, "Engineering", "P1"),
            Acme.person("P3", "Ines Moreau", "Chief Information Officer", "IT", "P1"),
        ]
        #expect(Acme.analyze(people: people, ties: []).tier("P2") == expected)
    }

    @Test func structureWithoutTitlesGivesManagerAndSeniorAndPromotesTheTop() throws {
        let people = [
            Acme.person("P1", "Grace Okafor", "CEO", "Executive", nil),
            Acme.person("P2", "Wen Liu", "Engineer", "Engineering", "P1"),
            Acme.person("P3", "Jon Abe", "Engineer", "Engineering", "P2"),
            Acme.person("P4", "Kim Roy", "Engineer", "Engineering", "P3"),
        ]
        let analysis = Acme.analyze(people: people, ties: [])
        #expect(analysis.tier("P3") == .engineeringManager)
        #expect(analysis.tier("P4") == .individualContributor)
        #expect(analysis.tier("P2") == .technologyLeader)
        let reason = try #require(analysis.classifications[1]?.reason)
        #expect(reason == "top of engineering: no engineering manager above; manages 1 manager")
    }

    @Test func aTeamLeadAtTheTopIsNotPromoted() {
        let people = [
            Acme.person("P1", "Grace Okafor", "CEO", "Executive", nil),
            Acme.person("P2", "Wen Liu", "Engineering Lead", "Engineering", "P1"),
            Acme.person("P3", "Jon Abe", "Engineer", "Engineering", "P2"),
        ]
        #expect(Acme.analyze(people: people, ties: []).tier("P2") == .engineeringManager)
    }

    @Test func aVPEngineeringUnderACTOIsASeniorLeader() {
        let people = [
            Acme.person("P1", "Grace Okafor", "CTO", "Engineering", nil),
            Acme.person("P2", "Wen Liu", "VP Engineering, Payments", "Engineering", "P1"),
        ]
        let analysis = Acme.analyze(people: people, ties: [])
        #expect(analysis.tier("P1") == .technologyLeader)
        #expect(analysis.tier("P2") == .seniorEngineeringLeader)
        #expect(analysis.classifications[1]?.reason == "title matches 'VP Engineering' but reports to Grace Okafor")
    }

    @Test func aPolicyCanMakeAVPEngineeringUnderACTOATechnologyLeaderToo() {
        let people = [
            Acme.person("P1", "Grace Okafor", "CTO", "Engineering", nil),
            Acme.person("P2", "Wen Liu", "VP Engineering, Payments", "Engineering", "P1"),
            Acme.person("P3", "Jon Abe", "Director of Engineering", "Engineering", "P2"),
            Acme.person("P4", "Ana Ruiz", "Sales Director", "Sales", "P1"),
        ]
        var policy = Policy.default
        policy.technologyLeaderBelowAnother = true
        let analysis = Acme.analyze(people: people, ties: [("P2", "P4", 1)], policy: policy)
        #expect(analysis.tier("P1") == .technologyLeader)
        #expect(analysis.tier("P2") == .technologyLeader)
        #expect(analysis.tier("P3") == .seniorEngineeringLeader)
        #expect(analysis.classifications[1]?.reason == "title matches 'VP Engineering'; reports to Grace Okafor (technology_leader_below_another)")
        // As a technology leader, Wen is now expected to reach every core business department.
        let wen = analysis.leaders.first { $0.personIndex == 1 }
        #expect(wen?.tier == .technologyLeader)
    }

    @Test func aCTOFiledUnderTheCEOsOfficeIsInEngineering() {
        let people = [
            Acme.person("P1", "Grace Okafor", "CEO", "Office of the CEO", nil),
            Acme.person("P2", "Wen Liu", "Chief Technology Officer", "Office of the CEO", "P1"),
            Acme.person("P3", "Jon Abe", "Engineer", "Engineering", "P2"),
        ]
        let analysis = Acme.analyze(people: people, ties: [])
        #expect(analysis.tier("P2") == .technologyLeader)
        #expect(analysis.tier("P1") == nil)
        #expect(analysis.department("Office of the CEO")?.side == .business)
    }

    @Test(arguments: [
        ("Engineering", DepartmentSide.engineering), ("IT", .engineering), ("IT Operations", .engineering),
        ("Recruiting", .business), ("Data Science", .engineering), ("Data Platform", .engineering),
        ("R&D", .engineering), ("Research and Development", .engineering), ("Site Reliability", .engineering),
        ("Business Development", .business), ("Sales Engineering", .business), ("Sales", .business),
        ("Unassigned", .business), ("Security", .engineering), ("Audit", .business),
    ])
    func departmentFunctionFromName(name: String, expected: DepartmentSide) {
        #expect(DepartmentIndex.classify(name, policy: .default).side == expected)
    }

    @Test func explicitListsWinOverPatterns() {
        let policy = Policy(engineeringDepartments: ["product design"], businessDepartments: ["Data Entry"])
        #expect(DepartmentIndex.classify("Product Design", policy: policy) == (.engineering, "listed in engineering_departments"))
        #expect(DepartmentIndex.classify("Data Entry", policy: policy) == (.business, "listed in business_departments"))
        #expect(DepartmentIndex.classify("Data Entry", policy: .default).side == .engineering)
    }

    @Test func headOfDepartmentIsTheTopWithMostPeopleUnderThem() {
        let people = [
            Acme.person("P1", "Grace Okafor", "CEO", "Executive", nil),
            Acme.person("P2", "Zoe Adams", "Sales Director EMEA", "Sales", "P1"),
            Acme.person("P3", "Alan Brook", "Sales Director US", "Sales", "P1"),
            Acme.person("P4", "Cy Dunn", "Account Executive", "Sales", "P2"),
            Acme.person("P5", "Di Eve", "Account Executive", "Sales", "P4"),
            Acme.person("P6", "Fay Gil", "Account Executive", "Sales", "P3"),
        ]
        let analysis = Acme.analyze(people: people, ties: [])
        #expect(analysis.department("Sales")?.head?.name == "Zoe Adams")
        #expect(Acme.analyze().department("Finance")?.head?.name == "Omar Haddad")
    }

    @Test func headTieGoesToTheNameThatSortsFirst() {
        let people = [
            Acme.person("P1", "Zoe Adams", "Sales Director EMEA", "Sales", nil),
            Acme.person("P2", "Alan Brook", "Sales Director US", "Sales", nil),
        ]
        #expect(Acme.analyze(people: people, ties: []).department("Sales")?.head?.name == "Alan Brook")
    }
}
