import OrgModel
/// Everything read from one Slack export.
public struct SlackExportContents: Sendable {
    /// How much of the export was read.
    public struct Counts: Sendable, Hashable {
        /// Conversation folders holding at least one day file.
        public var conversations = 0
        /// Of those, folders matching no entry of channels.json, groups.json, dms.json or mpims.json;
        /// read like public channels (threads and mentions, no DM links).
        public var unlistedConversations = 0
        /// `YYYY-MM-DD.json` files read.
        public var dayFiles = 0
        /// Elements of the day files' arrays.
        public var messages = 0
        /// Messages not skipped (see `SlackSkip`); each yields zero or more links.
        public var usedMessages = 0

        public init() {}
    }

    /// The user directory from users.json, by Slack user id.
    public let users: [String: SlackUser]
    /// Raw links, in the order the messages were read; links to bots are never made.
    public let links: [SlackLink]
    /// Skipped messages by reason; reasons with no skips are absent.
    public let skipped: [SlackSkip: Int]
    public let counts: Counts
}
