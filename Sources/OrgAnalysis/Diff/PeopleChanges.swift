/// Who joined, left, moved or changed title between two snapshots, people matched by ``OrgModel/Person/key``.
public struct PeopleChanges: Sendable, Equatable, Codable {
    /// In the later snapshot only, by name.
    public var joined: [PersonEntry]
    /// In the earlier snapshot only, by name.
    public var left: [PersonEntry]
    /// In both, with a different department, team or line manager, by name.
    public var moved: [PersonMove]
    /// In both, with a different title, by name.
    public var retitled: [PersonRetitle]

    public var isEmpty: Bool { joined.isEmpty && left.isEmpty && moved.isEmpty && retitled.isEmpty }
}

/// A person as one snapshot places them.
public struct PersonEntry: Sendable, Equatable, Codable {
    public var person: Subject
    public var title: String?
    public var department: String
    public var team: String?
    /// The line manager; nil for a root of the org chart.
    public var manager: Subject?

    enum CodingKeys: String, CodingKey { case person, title, department, team, manager }

    /// Absent values are written as null so every entry has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(person, forKey: .person)
        try c.encode(title, forKey: .title)
        try c.encode(department, forKey: .department)
        try c.encode(team, forKey: .team)
        try c.encode(manager, forKey: .manager)
    }
}

/// A person whose place in the org chart changed. All three aspects are given, changed or not, so a reader
/// sees where the person sits now; ``changes`` names the ones that differ.
public struct PersonMove: Sendable, Equatable, Codable {
    public enum Aspect: String, Sendable, Codable, CaseIterable {
        case department, team, manager
    }

    public var person: Subject
    public var department: Change<String>
    public var team: Change<String>
    /// Line managers, compared by key: a manager who was renamed is not a new manager.
    public var manager: Change<Subject>
    public var changes: [Aspect]
}

/// A person whose title changed.
public struct PersonRetitle: Sendable, Equatable, Codable {
    public var person: Subject
    public var title: Change<String>
}
