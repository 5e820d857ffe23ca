/// One person of an org chart snapshot, as the HR export described them.
public struct Person: Sendable, Hashable, Codable {
    /// The id from the HR system (employee id; email or name when the file has none). Stable across snapshots.
    public var key: String
    public var name: String
    public var email: String?
    public var title: String?
    /// Never empty: people with no department are placed in ``Department/unassigned``.
    public var department: String
    public var team: String?
    /// The ``key`` of the person's line manager; nil for a root of the org chart.
    public var managerKey: String?
    /// The keys of dotted-line (secondary, matrix) managers.
    public var dottedLineManagerKeys: [String]
    public var level: String?
    public var location: String?

    public init(
        key: String, name: String, email: String? = nil, title: String? = nil, department: String,
        team: String? = nil, managerKey: String? = nil, dottedLineManagerKeys: [String] = [],
        level: String? = nil, location: String? = nil
    ) {
        self.key = key
        self.name = name
        self.email = email
        self.title = title
        self.department = department
        self.team = team
        self.managerKey = managerKey
        self.dottedLineManagerKeys = dottedLineManagerKeys
        self.level = level
        self.location = location
    }
}

public enum Department {
    /// Where people whose department column is empty are placed.
    public static let unassigned = "Unassigned"
}
