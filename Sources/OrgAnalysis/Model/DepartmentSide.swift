/// Which side of the engineering/business boundary a department is on: the boundary the engineering vs
/// technology leadership distinction is about.
public enum DepartmentSide: String, Codable, Sendable, CaseIterable {
    case engineering
    case business
}
