import OrgModel

/// Department-level figures about fewer than `minimum` people are withheld, as people-analytics tools do:
/// a count, a weight or a "nobody links to them" about three people describes those three people.
/// Leader-level figures are about the leader and are kept.
public struct MinimumGroupSize: Sendable, Equatable {
    public let minimum: Int

    /// `minimum` below 1 is treated as 1, which suppresses nothing.
    public init(_ minimum: Int) { self.minimum = max(1, minimum) }

    /// What reports print in place of a small department's figures.
    public var marker: String { "suppressed (fewer than \(minimum) people)" }

    public func suppresses(_ department: DepartmentSummary) -> Bool { department.people < minimum }

    /// The names of the departments whose figures are withheld.
    public func suppressedDepartments(in analysis: Analysis) -> Set<String> {
        Set(analysis.departments.filter(suppresses).map(\.name))
    }
}

extension Analysis {
    /// The same analysis with the figures of findings and unknown entries about small departments withheld:
    /// such a finding keeps its rule, severity, subject, key and recommendation, and its evidence becomes the
    /// marker alone. Departments and department links are unchanged; renderers print the marker in place of their figures.
    public func suppressingSmallGroups(_ rule: MinimumGroupSize) -> Analysis {
        let small = rule.suppressedDepartments(in: self)
        guard !small.isEmpty else { return self }
        func isSmall(_ s: Subject) -> Bool { s.kind == .department && small.contains(s.id) }
        var evidence = Evidence()
        evidence.add("figures", rule.marker)
        return Analysis(
            organization: organization, policy: policy, classifications: classifications, departments: departments,
            leaders: leaders,
            findings: findings.map { f in
                guard isSmall(f.subject) else { return f }
                var s = f
                s.evidence = evidence
                s.message = "\(f.messageWithoutFigures ?? "\(f.rule.rawValue) applies to \(f.subject.name)"); its figures are \(rule.marker)."
                s.rank.departmentPeople = nil
                return s
            },
            unknown: unknown.map { u in
                guard isSmall(u.subject) else { return u }
                var s = u
                s.reason = rule.marker
                return s
            },
            departmentLinks: departmentLinks,
            importedTieCount: importedTieCount, dottedLineTieCount: dottedLineTieCount)
    }
}
