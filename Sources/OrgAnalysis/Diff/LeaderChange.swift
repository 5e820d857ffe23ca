/// One engineering leader (engineering manager and above in either snapshot), before and after.
public struct LeaderChange: Sendable, Equatable, Codable {
    public var person: Subject
    /// Nil on a side where the person is absent or outside engineering; an individual contributor keeps that tier.
    public var tier: Change<Tier>
    /// True when the person is in both snapshots and their tier differs (leaving engineering included).
    public var tierChanged: Bool
    /// Nil on a side where the person was not a leader or had no link to weigh.
    public var eiIndex: Change<Double>
    /// Nil on a side where the person was not a leader.
    public var hasLinkData: Change<Bool>
    /// Business departments reached, strongest first; nil on a side where the person was not a leader.
    public var businessDepartmentsReached: Change<[String]>
    /// Reached after and not before, by name; empty unless both sides have link data, since a leader with no
    /// link data reaches nothing that can be measured.
    public var departmentsGained: [String]
    /// Reached before and not after, by name; same condition as ``departmentsGained``.
    public var departmentsLost: [String]

    /// A department gained or lost: the relationships a report should call out.
    public var reachChanged: Bool { !departmentsGained.isEmpty || !departmentsLost.isEmpty }

    enum CodingKeys: String, CodingKey {
        case person, tier, tierChanged, eiIndex, hasLinkData, businessDepartmentsReached
        case departmentsGained, departmentsLost
    }
}
