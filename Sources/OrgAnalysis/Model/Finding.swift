/// One gap (or strength) the analyzer found, with the numbers behind it and what to do about it.
public struct Finding: Sendable, Equatable, Codable {
    public var rule: Rule
    public var severity: Severity
    public var subject: Subject
    public var evidence: Evidence
    /// One sentence tying the finding to the principle: technology leaders collaborate across departments.
    public var message: String
    /// Who to meet, naming a person.
    public var recommendation: String
    /// Stable across runs and snapshots, so `diff` can match findings: rule, subject and, where a rule
    /// raises several findings per subject, the department ("missing-partner-department:person:E7:dept:Sales").
    public var key: String

    public init(
        rule: Rule, severity: Severity, subject: Subject, evidence: Evidence, message: String,
        recommendation: String, department: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.subject = subject
        self.evidence = evidence
        self.message = message
        self.recommendation = recommendation
        var key = "\(rule.rawValue):\(subject.kind.rawValue):\(subject.id)"
        if let department { key += ":dept:\(department)" }
        self.key = key
    }

    /// Severity (highest first), then the rule table's order, then subject name, then key.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.rule != rhs.rule { return lhs.rule.order < rhs.rule.order }
        if lhs.subject.name != rhs.subject.name { return lhs.subject.name < rhs.subject.name }
        return lhs.key < rhs.key
    }
}
