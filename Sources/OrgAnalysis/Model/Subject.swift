/// What a finding or an unknown entry is about.
public struct Subject: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case person, department, organization
    }

    public var kind: Kind
    /// The person's HR key, the department's name, or "organization".
    public var id: String
    public var name: String

    public init(kind: Kind, id: String, name: String) {
        self.kind = kind
        self.id = id
        self.name = name
    }

    public static let organization = Subject(kind: .organization, id: "organization", name: "Organization")
}
