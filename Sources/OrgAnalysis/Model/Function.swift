/// Which side of the boundary the article cares about a department is on.
public enum Function: String, Codable, Sendable, CaseIterable {
    case engineering
    case business
}
