import OrgModel

/// What changed between two analyzed snapshots: people, leaders' tiers and reach, findings.
///
/// People are matched by their HR key and findings by ``Finding/key`` (rule and subject, never position or
/// wording), so a renamed department head or a reworded recommendation is not a change.
public struct SnapshotDiff: Sendable {
    /// Which sides have collaboration links to judge link-based findings by.
    public enum LinkData: String, Sendable, Codable {
        /// Both: every finding is compared.
        case both
        /// The earlier snapshot has none (or none in the date range).
        case missingBefore = "missing-before"
        /// The later snapshot has none (or none in the date range): its links are not imported yet, typically.
        case missingAfter = "missing-after"
        case missingBoth = "missing-both"

        /// Why findings cannot all be compared, in words; nil when they can.
        public var reason: String? {
            switch self {
            case .both: nil
            case .missingBefore: "the earlier snapshot has no collaboration links"
            case .missingAfter: "the later snapshot has no collaboration links"
            case .missingBoth: "neither snapshot has collaboration links"
            }
        }
    }

    public var people: PeopleChanges
    /// Whether link-based findings can be compared: when a side has no links, none of them is listed as opened
    /// or resolved (a snapshot without link data is not a snapshot without gaps); they are in ``unknown``.
    public var linkData: LinkData
    /// In the later analysis only, in its report order.
    public var opened: [Finding]
    /// In the earlier analysis only, in its report order.
    public var resolved: [Finding]
    /// In both, as the later analysis words them, in its report order.
    public var persisting: [Finding]
    /// Link-based findings of the side that has links, whose fate cannot be told because the other side has
    /// none: neither opened nor resolved. Empty when ``linkData`` is `.both`.
    public var unknown: [Finding]
    /// Everyone who was an engineering leader in either snapshot: highest tier first (the later one, else the
    /// earlier), then name.
    public var leaders: [LeaderChange]

    /// Leaders present in both snapshots whose tier differs.
    public var tierChanges: [LeaderChange] { leaders.filter(\.tierChanged) }

    /// Leaders who gained or lost a business department.
    public var reachChanges: [LeaderChange] { leaders.filter(\.reachChanged) }

    /// Leaders whose tier or reach changed: what the report's "Since the previous snapshot" section lists.
    public var changedLeaders: [LeaderChange] { leaders.filter { $0.tierChanged || $0.reachChanged } }

    /// Pure: compares `from` (the earlier snapshot) with `to` (the later one).
    public init(from: Analysis, to: Analysis) {
        people = Self.people(from: from.organization, to: to.organization)
        linkData = switch (from.hasLinkData, to.hasLinkData) {
        case (true, true): .both
        case (false, true): .missingBefore
        case (true, false): .missingAfter
        case (false, false): .missingBoth
        }
        let comparable: (Finding) -> Bool = { [linkData] in linkData == .both || !$0.rule.needsLinkData }
        let fromKeys = Set(from.findings.map(\.key))
        let toKeys = Set(to.findings.map(\.key))
        opened = to.findings.filter { !fromKeys.contains($0.key) && comparable($0) }
        resolved = from.findings.filter { !toKeys.contains($0.key) && comparable($0) }
        persisting = to.findings.filter { fromKeys.contains($0.key) && comparable($0) }
        unknown = (to.findings + from.findings.filter { !toKeys.contains($0.key) }).filter { !comparable($0) }
        leaders = Self.leaders(from: from, to: to)
    }

    private static func subject(_ index: Int, in org: Organization) -> Subject {
        Subject(kind: .person, id: org.people.key(index), name: org.people.name(index))
    }

    private static func manager(of index: Int, in org: Organization) -> Subject? {
        org.managerIndex[index].map { subject($0, in: org) }
    }

    private static func entry(_ index: Int, in org: Organization) -> PersonEntry {
        let p = org.people
        return PersonEntry(person: subject(index, in: org), title: p.title(index), department: p.department(index), team: p.team(index),
                           manager: manager(of: index, in: org))
    }

    private static func byName(_ a: Subject, _ b: Subject) -> Bool { (a.name, a.id) < (b.name, b.id) }

    private static func people(from before: Organization, to after: Organization) -> PeopleChanges {
        var joined: [PersonEntry] = []
        var moved: [PersonMove] = []
        var retitled: [PersonRetitle] = []
        let (old, new) = (before.people, after.people)
        for j in new.indices {
            guard let i = old.index(ofKeyOf: j, in: new) else {
                joined.append(entry(j, in: after))
                continue
            }
            let managerKeys = (before.managerIndex[i].map { old.key($0) }, after.managerIndex[j].map { new.key($0) })
            // Most people keep their place from one month to the next: told apart by comparing strings, before any
            // change is built (a million people compared in a fraction of the time).
            guard old.department(i) != new.department(j) || old.team(i) != new.team(j) || managerKeys.0 != managerKeys.1
                || old.title(i) != new.title(j) else { continue }
            let department = Change(from: old.department(i), to: new.department(j))
            let team = Change(from: old.team(i), to: new.team(j))
            let manager = Change(from: manager(of: i, in: before), to: manager(of: j, in: after))
            var changes: [PersonMove.Aspect] = []
            if department.isChange { changes.append(.department) }
            if team.isChange { changes.append(.team) }
            if manager.from?.id != manager.to?.id { changes.append(.manager) }
            if !changes.isEmpty {
                moved.append(PersonMove(person: subject(j, in: after), department: department, team: team, manager: manager, changes: changes))
            }
            if old.title(i) != new.title(j) {
                retitled.append(PersonRetitle(person: subject(j, in: after), title: Change(from: old.title(i), to: new.title(j))))
            }
        }
        let left = before.people.indices.filter { after.people.index(ofKeyOf: $0, in: before.people) == nil }
            .map { entry($0, in: before) }
        return PeopleChanges(
            joined: joined.sorted { byName($0.person, $1.person) },
            left: left.sorted { byName($0.person, $1.person) },
            moved: moved.sorted { byName($0.person, $1.person) },
            retitled: retitled.sorted { byName($0.person, $1.person) })
    }

    private static func leaders(from before: Analysis, to after: Analysis) -> [LeaderChange] {
        let beforeMetrics = Dictionary(before.leaders.map { ($0.person.id, $0) }, uniquingKeysWith: { a, _ in a })
        let afterMetrics = Dictionary(after.leaders.map { ($0.person.id, $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        let subjects = (after.leaders + before.leaders).map(\.person).filter { seen.insert($0.id).inserted }

        func tier(_ key: String, in analysis: Analysis) -> Tier? {
            analysis.organization.index(ofKey: key).flatMap { analysis.classifications[$0]?.tier }
        }

        let changes = subjects.map { person in
            let (old, new) = (beforeMetrics[person.id], afterMetrics[person.id])
            let inBoth = before.organization.index(ofKey: person.id) != nil && after.organization.index(ofKey: person.id) != nil
            let tiers = Change(from: tier(person.id, in: before), to: tier(person.id, in: after))
            let reached = Change(from: old.map { $0.businessDepartmentsReached.map(\.department) },
                                 to: new.map { $0.businessDepartmentsReached.map(\.department) })
            var gained: [String] = []
            var lost: [String] = []
            if old?.hasLinkData == true, new?.hasLinkData == true, let r0 = reached.from, let r1 = reached.to {
                gained = Set(r1).subtracting(r0).sorted()
                lost = Set(r0).subtracting(r1).sorted()
            }
            return LeaderChange(
                person: person, tier: tiers, tierChanged: inBoth && tiers.isChange,
                // Without link data a leader's E-I says nothing (dotted lines alone would make it +1 or -1).
                eiIndex: Change(from: old.flatMap { $0.hasLinkData ? $0.eiIndex : nil }, to: new.flatMap { $0.hasLinkData ? $0.eiIndex : nil }),
                hasLinkData: Change(from: old?.hasLinkData, to: new?.hasLinkData),
                businessDepartmentsReached: reached, departmentsGained: gained, departmentsLost: lost)
        }
        return changes.sorted { a, b in
            let (ta, tb) = (a.tier.to ?? a.tier.from, b.tier.to ?? b.tier.from)
            if ta != tb { return (ta ?? .individualContributor) > (tb ?? .individualContributor) }
            return byName(a.person, b.person)
        }
    }
}
