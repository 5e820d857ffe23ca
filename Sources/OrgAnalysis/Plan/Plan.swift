import OrgModel

/// The fewest introductions that close the most findings: each one an engineering leader meeting someone in a
/// business department, verified by re-running the analysis with the assumed tie.
public struct Plan: Sendable {
    /// Someone to meet, as the plan names them.
    public struct Person: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var department: String
        public var title: String?

        /// A missing title is written as null, so every introduction has the same keys.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(department, forKey: .department)
            try c.encode(title, forKey: .title)
        }
    }

    /// One introduction and what it closes.
    public struct Introduction: Sendable {
        public var leader: Subject
        public var leaderTier: Tier
        public var meet: Person
        /// Someone already tied to both the leader and the department, who can make the introduction.
        public var warmPath: Subject?
        /// The weight the new tie is assumed to have.
        public var assumedWeight: Double
        /// The findings (as the report raised them) that this introduction closes, in report order.
        public var closes: [Finding]
        /// Findings the report did not raise that appear with this introduction (a department that gains its
        /// first bridge is a single bridge; a senior leader's suggested department changes with their department's
        /// ties); a later introduction may close them again.
        public var opens: [Finding] = []
        /// Findings an earlier introduction of the plan opened, that this one closes again (not counted in
        /// ``Plan/closesTotal``: they were not in the report).
        public var closesOpened: [Finding] = []
    }

    /// A finding the plan leaves open (or opens), and why.
    public struct Remaining: Sendable {
        public var finding: Finding
        public var why: String
        /// True for a finding the plan's introductions opened, false for one of the report's.
        public var opened = false
    }

    public var assumedWeight: Double
    /// The report's findings that are gaps (strengths such as `boundary-spanner` are not closed).
    public var gapsBefore: Int
    public var introductions: [Introduction]
    public var remaining: [Remaining]
    /// Leaders and departments without link data: they need data, not meetings.
    public var unknown: [UnknownSubject]

    public var closesTotal: Int { introductions.reduce(0) { $0 + $1.closes.count } }
    /// Findings the introductions open that stay open once every one is in (listed in ``remaining``).
    public var opensTotal: Int { remaining.lazy.filter { $0.opened }.count }
}

/// What `orgmap plan` is asked.
public struct PlanOptions: Sendable {
    /// At most this many introductions.
    public var maxIntroductions = 10
    /// Only introductions for this leader (an org chart id).
    public var leader: String?
    /// The weight of each assumed tie; nil for the policy's `plan_assumed_weight`.
    public var assumedWeight: Double?

    public init(maxIntroductions: Int = 10, leader: String? = nil, assumedWeight: Double? = nil) {
        self.maxIntroductions = maxIntroductions
        self.leader = leader
        self.assumedWeight = assumedWeight
    }
}
