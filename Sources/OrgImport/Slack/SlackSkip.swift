/// Why a message produced no links. Checked in this order, so each message is counted once.
public enum SlackSkip: String, Sendable, Hashable, CaseIterable {
    /// The element of the day file's array is not a JSON object.
    case notAnObject
    /// A membership notice: one of `SlackSkip.membershipSubtypes`.
    case membership
    /// Posted by a bot: it has a `bot_id`, the subtype `bot_message`, or an author whose user has
    /// `is_bot` or is Slackbot.
    case bot
    /// No `user` field: system messages such as `channel_topic` without an author, or tombstones.
    case noUser
    /// `ts` is missing or not a number string, so the message has no date.
    case invalidTimestamp

    /// Subtypes that announce someone joining or leaving, which says nothing about collaboration:
    /// people joining or leaving channels (`channel_*`) and private channels (`group_*`), and
    /// integrations being added to or removed from a channel (`bot_*`).
    public static let membershipSubtypes: Set<String> = [
        "channel_join", "channel_leave", "group_join", "group_leave", "bot_add", "bot_remove",
    ]
}
