import Testing
@testable import OrgAnalysis
import OrgModel

/// The order `--top` shows a long rule's findings in: highest tier, then lowest E-I (highest for a strength),
/// then largest department; the report's order among equals. Decided by the rank each rule sets, never by evidence.
struct FindingRankTests {
    func finding(_ name: String, rule: Rule = .lowExternalRatio, tier: Tier? = nil, ei: Double? = nil, people: Int? = nil) -> Finding {
        Finding(rule: rule, severity: .medium, subject: Subject(kind: .person, id: name, name: name), evidence: Evidence(),
                message: "", recommendation: "", rank: FindingRank(tier: tier, eiIndex: ei, departmentPeople: people))
    }

    @Test func tierThenEIThenReportOrder() {
        let findings = [
            finding("a", tier: .engineeringManager, ei: -1.0),
            finding("b", tier: .seniorEngineeringLeader, ei: -0.6),
            finding("c", tier: .technologyLeader, ei: -0.2),
            finding("d", tier: .seniorEngineeringLeader, ei: -0.9),
            finding("e", tier: .seniorEngineeringLeader, ei: -0.6),
        ]
        #expect(Finding.mostTellingFirst(findings).map(\.subject.name) == ["c", "d", "b", "e", "a"])
    }

    @Test func largestDepartmentFirstAndWithheldSizesLast() {
        let findings = [
            finding("x", rule: .departmentUnbridged, people: 12), finding("w", rule: .departmentUnbridged, people: nil),
            finding("y", rule: .departmentUnbridged, people: 900), finding("z", rule: .departmentUnbridged, people: 80),
        ]
        #expect(Finding.mostTellingFirst(findings).map(\.subject.name) == ["y", "z", "x", "w"])
    }

    @Test func strongestSpannerFirst() {
        let findings = [
            finding("m", rule: .boundarySpanner, tier: .engineeringManager, ei: 0.3),
            finding("n", rule: .boundarySpanner, tier: .engineeringManager, ei: 0.8),
        ]
        #expect(Finding.mostTellingFirst(findings).map(\.subject.name) == ["n", "m"])
    }

    /// Evidence is for readers: a finding whose evidence claims another tier keeps the rank its rule gave.
    @Test func evidenceDoesNotRank() {
        var misleading = Evidence()
        misleading.add("tier", Tier.technologyLeader.rawValue)
        misleading.add("ei_index", -1.0)
        var low = finding("low", tier: .engineeringManager, ei: -0.1)
        low.evidence = misleading
        let high = finding("high", tier: .seniorEngineeringLeader, ei: -0.1)
        #expect(Finding.mostTellingFirst([low, high]).map(\.subject.name) == ["high", "low"])
    }

    /// Each rule ranks by what it judges: the Acme analysis's findings carry the leader's tier and E-I, or the
    /// department's size, as computed.
    @Test(arguments: [
        Acme.healthy(removing: [("E1", "E10"), ("E1", "E20"), ("E1", "E30")]),
        Acme.healthy(removing: [("E1", "E30")], adding: [("E1", "E0", 2), ("E0", "E31", 1), ("E0", "E30", 4)]),
        Acme.healthyTies,
    ])
    func rulesSetTheirRanks(ties: [(String, String, Double)]) throws {
        let analysis = Acme.analyze(ties: ties)
        let leaders = Dictionary(analysis.leaders.map { ($0.person.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sizes = Dictionary(analysis.departments.map { ($0.name, $0.people) }, uniquingKeysWith: { a, _ in a })
        for f in analysis.findings {
            switch f.subject.kind {
            case .person:
                let leader = try #require(leaders[f.subject.id])
                #expect(f.rank.tier == leader.tier, "\(f.key)")
                if f.rule == .lowExternalRatio || f.rule == .boundarySpanner { #expect(f.rank.eiIndex == leader.eiIndex, "\(f.key)") }
                if f.rule == .missingPartnerDepartment {
                    let missing = try #require(f.key.components(separatedBy: ":dept:").last)
                    #expect(f.rank.departmentPeople == sizes[missing], "\(f.key)")
                }
            case .department:
                #expect(f.rank.departmentPeople == sizes[f.subject.id], "\(f.key)")
                #expect(f.messageWithoutFigures != nil, "\(f.key)")
            case .organization:
                #expect(f.rank == FindingRank())
            }
        }
    }
}
