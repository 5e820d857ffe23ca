import Testing
@testable import OrgAnalysis
@testable import OrgReport

/// The order `--top` shows a long rule's findings in: highest tier, then lowest E-I (highest for a strength),
/// then largest department; the report's order among equals.
struct MostSeriousFirstTests {
    func finding(_ name: String, rule: Rule = .lowExternalRatio, tier: Tier? = nil, ei: Double? = nil, people: Int? = nil) -> Finding {
        var evidence = Evidence()
        if let tier { evidence.add("tier", tier.rawValue) }
        if let ei { evidence.add("ei_index", ei) }
        if let people { evidence.add("department_people", people) }
        return Finding(rule: rule, severity: .medium, subject: Subject(kind: .person, id: name, name: name), evidence: evidence, message: "", recommendation: "")
    }

    @Test func tierThenEIThenReportOrder() {
        let findings = [
            finding("a", tier: .engineeringManager, ei: -1.0),
            finding("b", tier: .seniorEngineeringLeader, ei: -0.6),
            finding("c", tier: .technologyLeader, ei: -0.2),
            finding("d", tier: .seniorEngineeringLeader, ei: -0.9),
            finding("e", tier: .seniorEngineeringLeader, ei: -0.6),
        ]
        #expect(MarkdownReport.mostSeriousFirst(findings).map(\.subject.name) == ["c", "d", "b", "e", "a"])
    }

    @Test func largestDepartmentFirst() {
        let findings = [finding("x", rule: .departmentUnbridged, people: 12), finding("y", rule: .departmentUnbridged, people: 900), finding("z", rule: .departmentUnbridged, people: 80)]
        #expect(MarkdownReport.mostSeriousFirst(findings).map(\.subject.name) == ["y", "z", "x"])
    }

    @Test func strongestSpannerFirst() {
        let findings = [
            finding("m", rule: .boundarySpanner, tier: .engineeringManager, ei: 0.3),
            finding("n", rule: .boundarySpanner, tier: .engineeringManager, ei: 0.8),
        ]
        #expect(MarkdownReport.mostSeriousFirst(findings).map(\.subject.name) == ["n", "m"])
    }
}
