/// What the values of a manager column were matched against: the people's ids, emails or full names,
/// whichever most of the values match.
public enum ManagerMatch: String, Sendable, Hashable {
    case id, email, name
}
