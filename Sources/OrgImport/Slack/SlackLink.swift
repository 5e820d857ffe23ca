import OrgModel
/// Evidence that two Slack users talked to each other on one day.
///
/// Links are raw: the same pair appears once per message that connects them, and the caller sums them.
public struct SlackLink: Sendable, Hashable {
    /// What in the message connects the two users.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The author mentioned the other user with `<@U…>`.
        case mention
        /// The author replied in a thread the other user started.
        case thread
        /// The author wrote in a direct message or group DM the other user is in.
        case dm
    }

    /// The message's author.
    public let userA: String
    /// The user the author reached.
    public let userB: String
    /// 1, or 1/(members − 1) for a group DM, so a message weighs the same however many read it.
    public let weight: Double
    /// The UTC day of the message.
    public let date: CalendarDate
    public let reason: Reason

    /// The kind of collaboration record, shared with links from other sources (calendars, …).
    public var kind: String { "chat" }

    public init(userA: String, userB: String, weight: Double, date: CalendarDate, reason: Reason) {
        self.userA = userA
        self.userB = userB
        self.weight = weight
        self.date = date
        self.reason = reason
    }
}
