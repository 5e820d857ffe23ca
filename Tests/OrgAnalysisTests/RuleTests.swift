import OrgModel
import Testing
@testable import OrgAnalysis

/// For each rule, a minimal change to the healthy Acme org that triggers it, and the healthy org that does not.
struct RuleTests {
    @Test func techLeaderIsolatedWhenTheVPHasOnlyEngineeringTies() throws {
        let analysis = Acme.analyze(ties: Acme.healthy(removing: [("E1", "E10"), ("E1", "E20"), ("E1", "E30")]))
        let finding = try #require(analysis.findings(.techLeaderIsolated).first)
        #expect(finding.subject == Subject(kind: .person, id: "E1", name: "Priya Raman"))
        #expect(finding.severity == .high)
        #expect(finding.evidence["ties_inside_engineering"] == .integer(2))
        #expect(finding.recommendation == "Priya Raman should start with Omar Haddad (Chief Financial Officer), head of Finance. Warm path: Marco Rossi already works with both Priya Raman and Lu Wei in Finance.")
        // Isolation already says the E-I index is −1; the ratio rule does not repeat it.
        #expect(analysis.findings(.lowExternalRatio).isEmpty)
        #expect(analysis.findings(.missingPartnerDepartment).count == 3)
        #expect(Acme.analyze().findings(.techLeaderIsolated).isEmpty)
    }

    @Test func aLeaderWithoutLinkDataIsUnknownNotIsolated() throws {
        let analysis = Acme.analyze(ties: Acme.healthy(removing: [
            ("E1", "E10"), ("E1", "E20"), ("E1", "E30"), ("E1", "E2"), ("E1", "E3"),
        ]))
        #expect(analysis.findings.allSatisfy { $0.subject.id != "E1" })
        let unknown = try #require(analysis.unknown.first)
        #expect(unknown.subject.name == "Priya Raman")
        #expect(unknown.tier == .technologyLeader)
    }

    @Test func withNoLinksAtAllEveryLeaderAndCoreDepartmentIsUnknownAndNoLinkRuleFires() {
        let analysis = Acme.analyze(ties: [])
        #expect(!analysis.hasLinkData)
        #expect(analysis.findings.isEmpty)
        #expect(analysis.unknown.map(\.subject.name) == [
            "Priya Raman", "Marco Rossi", "Lena Park", "Tom Hale", "Sales", "Marketing", "Finance",
        ])
    }

    @Test func missingPartnerDepartmentNamesTheHeadAndAWarmPath() throws {
        let analysis = Acme.analyze(ties: Acme.healthy(removing: [("E1", "E30")], adding: [("E1", "E0", 2), ("E0", "E31", 1), ("E0", "E30", 4)]))
        let finding = try #require(analysis.findings(.missingPartnerDepartment).first)
        #expect(analysis.findings(.missingPartnerDepartment).count == 1)
        #expect(finding.severity == .medium)
        #expect(finding.key == "missing-partner-department:person:E1:dept:Finance")
        #expect(finding.evidence["department"] == .text("Finance"))
        #expect(finding.evidence["coverage"] == .number(0.667))
        #expect(finding.recommendation == "Priya Raman should meet Omar Haddad (Chief Financial Officer), head of Finance. Warm path: Dana Whitfield already works with both Priya Raman and them.")
        #expect(Acme.analyze().findings(.missingPartnerDepartment).isEmpty)
    }

    @Test func aSeniorLeaderShortOfTwoDepartmentsIsToldWhereTheirTeamAlreadyWorks() throws {
        let analysis = Acme.analyze(ties: Acme.healthy(removing: [("E2", "E11"), ("E2", "E21")], adding: [("E7", "E22", 2)]))
        let finding = try #require(analysis.findings(.missingPartnerDepartment).first)
        #expect(finding.subject.name == "Marco Rossi")
        #expect(finding.severity == .low)
        #expect(finding.evidence["department"] == .text("Marketing"))
        #expect(finding.recommendation.hasPrefix("Marco Rossi should meet Nora Diaz (Chief Marketing Officer), head of Marketing."))
        #expect(finding.recommendation.hasSuffix("Warm path: Priya Raman already works with both Marco Rossi and them."))
    }

    @Test func lowExternalRatioBelowTheTierThreshold() throws {
        let analysis = Acme.analyze(ties: Acme.healthy(removing: [], adding: [("E1", "E4", 6)]))
        // E 7, I 4 + 6 = 10: (7 − 10) / 17 = −0.176 passes −0.2; one more engineering tie fails it.
        #expect(analysis.findings(.lowExternalRatio).isEmpty)
        let failing = Acme.analyze(ties: Acme.healthy(removing: [], adding: [("E1", "E4", 6), ("E1", "E5", 2)]))
        let finding = try #require(failing.findings(.lowExternalRatio).first)
        #expect(finding.subject.name == "Priya Raman")
        #expect(finding.evidence["ei_index"] == .number(-0.263))
        #expect(finding.evidence["threshold"] == .number(-0.2))
        #expect(finding.message.contains("-0.26"))
    }

    @Test func departmentUnbridgedEvenWhenIndividualContributorsWorkWithIt() throws {
        let ties = Acme.healthy(removing: [("E1", "E30"), ("E2", "E31")], adding: [("E4", "E31", 5), ("E1", "E4", 1)])
        let analysis = Acme.analyze(ties: ties)
        let finding = try #require(analysis.findings(.departmentUnbridged).first)
        #expect(finding.subject == Subject(kind: .department, id: "Finance", name: "Finance"))
        #expect(finding.evidence["individual_contributor_weight"] == .number(5))
        #expect(finding.recommendation.hasPrefix("Priya Raman should meet Omar Haddad"))
        #expect(finding.recommendation.contains("Warm path: Sam Ortiz already works with both Priya Raman and Lu Wei in Finance."))
        let bridged = Acme.analyze(ties: Acme.healthy(removing: [("E1", "E30"), ("E2", "E31")], adding: [("E3", "E31", 1)]))
        #expect(bridged.findings(.departmentUnbridged).isEmpty)
    }

    @Test func singleBridgeWhenOnlyOneLeaderReachesADepartment() throws {
        let analysis = Acme.analyze(ties: Acme.healthy(removing: [("E2", "E21")]))
        let finding = try #require(analysis.findings(.singleBridge).first)
        #expect(finding.subject.name == "Marketing")
        #expect(finding.evidence["bridge"] == .text("Priya Raman"))
        #expect(finding.recommendation.hasPrefix("Marco Rossi should also meet Nora Diaz"))
        #expect(finding.recommendation.contains("Warm path: Priya Raman"))
        #expect(Acme.analyze().findings(.singleBridge).isEmpty)
    }

    @Test func noTechnologyLeaderWhenEngineeringIsOneTeamUnderALead() throws {
        let people = [
            Acme.person("P1", "Grace Okafor", "CEO", "Executive", nil),
            Acme.person("P2", "Wen Liu", "Engineering Lead", "Engineering", "P1"),
            Acme.person("P3", "Jon Abe", "Software Engineer", "Engineering", "P2"),
        ]
        let analysis = Acme.analyze(people: people, ties: [])
        let finding = try #require(analysis.findings(.noTechnologyLeader).first)
        #expect(finding.subject == .organization)
        #expect(finding.recommendation.contains("Wen Liu (Engineering Lead)"))
        #expect(Acme.analyze().findings(.noTechnologyLeader).isEmpty)
    }

    @Test func boundarySpannerForAManagerWhoReachesTheBusiness() throws {
        // Lena: E 1 + 1 + 1 = 3 into Sales, Marketing and Finance; I: Sam 2 + Ada 2 + Priya 2 = 6. A third of her
        // weight is business-facing, though most stays with her team (E-I −0.33): the strength the rule is for.
        let reaching = [("E3", "E11", 1.0), ("E3", "E21", 1.0), ("E3", "E31", 1.0)]
        let analysis = Acme.analyze(ties: Acme.healthy(removing: [], adding: reaching))
        let finding = try #require(analysis.findings(.boundarySpanner).first)
        #expect(finding.subject.name == "Lena Park")
        #expect(finding.severity == .info)
        #expect(finding.evidence["business_departments_reached"] == .list(["Finance", "Marketing", "Sales"]))
        #expect(finding.evidence["business_share"] == .number(0.333))
        #expect(finding.evidence["constraint"] != nil && finding.evidence["effective_size"] != nil)
        #expect(finding.message.contains("reach 3 business departments, 33% of their link weight (E-I -0.33)"))
        #expect(finding.recommendation.hasPrefix("Priya Raman could give Lena Park"))
        // Two departments are not enough, nor three with a fifth of the weight.
        let two = Acme.analyze(ties: Acme.healthy(removing: [], adding: Array(reaching.prefix(2))))
        #expect(two.findings(.boundarySpanner).isEmpty)
        let little = Acme.analyze(ties: Acme.healthy(removing: [], adding: reaching.map { ($0.0, $0.1, 0.5) }))
        #expect(little.findings(.boundarySpanner).isEmpty)
        // The earlier form of the rule stays as an alternative: two departments at E-I 0 with the old thresholds.
        var policy = Policy.default
        policy.boundarySpannerMinimumBusinessDepartments = 2
        policy.boundarySpannerMinimumShare = 1
        let balanced = Acme.analyze(ties: Acme.healthy(removing: [], adding: [("E3", "E11", 3), ("E3", "E21", 3)]), policy: policy)
        #expect(balanced.findings(.boundarySpanner).map(\.subject.name) == ["Lena Park"])
    }

    @Test func findingsAreSortedBySeverityThenRuleThenSubject() {
        let ties = Acme.healthy(
            removing: [("E1", "E10"), ("E1", "E20"), ("E1", "E30"), ("E2", "E31")],
            adding: [("E3", "E11", 3), ("E3", "E21", 3), ("E4", "E31", 1)])
        var policy = Policy.default
        policy.boundarySpannerMinimumBusinessDepartments = 2
        let findings = Acme.analyze(ties: ties, policy: policy).findings
        #expect(findings.map(\.rule.rawValue) == [
            "tech-leader-isolated", "department-unbridged",
            "missing-partner-department", "missing-partner-department", "missing-partner-department",
            "boundary-spanner",
        ])
        #expect(findings[2...4].map { $0.evidence["department"] } == [.text("Finance"), .text("Marketing"), .text("Sales")])
        #expect(findings.map(\.severity) == findings.map(\.severity).sorted(by: >))
    }
}
