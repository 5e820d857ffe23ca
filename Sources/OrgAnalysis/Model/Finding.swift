/// One gap (or strength) the analyzer found, with the numbers behind it and what to do about it.
public struct Finding: Sendable, Equatable, Encodable {
    public var rule: Rule
    public var severity: Severity
    public var subject: Subject
    /// The numbers behind the finding, for the reader; nothing is decided from them (``rank`` is for that).
    public var evidence: Evidence
    /// One sentence tying the finding to the principle: technology leaders collaborate across departments.
    public var message: String
    /// Who to meet, naming a person.
    public var recommendation: String
    /// Stable across runs and snapshots, so `diff` can match findings: rule, subject and, where a rule
    /// raises several findings per subject, the department ("missing-partner-department:person:E7:dept:Sales").
    public var key: String
    /// What ranks the finding among the others of its rule, set by the rule that raises it.
    public var rank: FindingRank
    /// The rule's sentence without the figures about the subject department, for when that department is
    /// smaller than the minimum group size; nil when the message has no such figures.
    public var messageWithoutFigures: String?

    public init(
        rule: Rule, severity: Severity, subject: Subject, evidence: Evidence, message: String,
        recommendation: String, department: String? = nil, rank: FindingRank = FindingRank(),
        messageWithoutFigures: String? = nil
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
        self.rank = rank
        self.messageWithoutFigures = messageWithoutFigures
    }

    /// The JSON shape of docs/rules.md: the rank and the alternative sentence are for renderers, not readers.
    enum CodingKeys: String, CodingKey { case rule, severity, subject, evidence, message, recommendation, key }

    /// Severity (highest first), then the rule table's order, then subject name, then key.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.rule != rhs.rule { return lhs.rule.order < rhs.rule.order }
        if lhs.subject.name != rhs.subject.name { return lhs.subject.name < rhs.subject.name }
        return lhs.key < rhs.key
    }

    /// Findings of one rule, most telling first: highest tier, then lowest E-I (highest for a strength), then
    /// largest department; a department whose size is withheld (``FindingRank/departmentPeople`` nil) after
    /// those whose size is known; report order among equals.
    public static func mostTellingFirst(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { x, y in
            let (a, b) = (x.element.rank, y.element.rank)
            if a.tier != b.tier { return (a.tier ?? .individualContributor) > (b.tier ?? .individualContributor) }
            if a.eiIndex != b.eiIndex {
                let (ea, eb) = (a.eiIndex ?? 0, b.eiIndex ?? 0)
                return x.element.rule.isStrength ? ea > eb : ea < eb
            }
            if a.departmentPeople != b.departmentPeople { return (a.departmentPeople ?? -1) > (b.departmentPeople ?? -1) }
            return x.offset < y.offset
        }.map(\.element)
    }
}

/// What ranks a finding among the others of its rule; each rule sets what it knows.
public struct FindingRank: Sendable, Equatable {
    /// The leader's tier; nil when the subject is a department or the organization.
    public var tier: Tier?
    /// The leader's E-I index, for the rules that judge it.
    public var eiIndex: Double?
    /// The people in the department the finding is about: the subject, or the department a leader misses.
    public var departmentPeople: Int?

    public init(tier: Tier? = nil, eiIndex: Double? = nil, departmentPeople: Int? = nil) {
        self.tier = tier
        self.eiIndex = eiIndex
        self.departmentPeople = departmentPeople
    }
}
