import OrgModel
/// Turns messages into links, one conversation at a time, and tallies what it skipped.
struct LinkCollector {
    let users: [String: SlackUser]
    private(set) var links: [SlackLink] = []
    private(set) var skipped: [SlackSkip: Int] = [:]
    private(set) var counts = SlackExportContents.Counts()

    init(users: [String: SlackUser]) {
        self.users = users
    }

    /// A usable message: its author and day are known.
    private enum Verdict {
        case skip(SlackSkip)
        case use(SlackMessage, author: String, date: CalendarDate)
    }

    /// A reply read before its thread's first message; resolved once the whole conversation is read.
    private struct PendingReply {
        let author: String
        let threadTS: String
        let parentUserID: String?
        let date: CalendarDate
    }

    /// Reads one conversation's day files, in the order given (date order).
    ///
    /// A reply's parent is its thread's first message, found by `ts` anywhere in the conversation, else
    /// the reply's `parent_user_id`. Threads start before their replies, so most parents are already
    /// indexed when a reply is read; the rest wait until the conversation's last day file is read, which
    /// gives the same result as indexing every day file first without reading each twice.
    mutating func read(_ conversation: SlackConversation, dayFiles: [String], from json: ExportJSON) throws {
        counts.conversations += 1
        if conversation.kind == .unlisted {
            counts.unlistedConversations += 1
        }
        var threadAuthors: [String: String] = [:]
        var pending: [PendingReply] = []
        for path in dayFiles {
            let messages = try json.array(path, expected: "a JSON array of messages").map(SlackMessage.init(json:))
            counts.dayFiles += 1
            counts.messages += messages.count
            for case let message? in messages where message.startsThread && !isBotMessage(message) {
                if let ts = message.ts, let user = message.user {
                    threadAuthors[ts] = user
                }
            }
            for message in messages {
                switch classify(message) {
                case .skip(let reason):
                    skipped[reason, default: 0] += 1
                case .use(let message, let author, let date):
                    counts.usedMessages += 1
                    if message.isThreadReply, let threadTS = message.threadTS {
                        if let parent = threadAuthors[threadTS] {
                            link(author, parent, weight: 1, date: date, reason: .thread)
                        } else {
                            pending.append(PendingReply(
                                author: author, threadTS: threadTS, parentUserID: message.parentUserID, date: date))
                        }
                    }
                    for mentioned in MentionScanner.userIDs(in: message.text ?? "") {
                        link(author, mentioned, weight: 1, date: date, reason: .mention)
                    }
                    if conversation.isDirect {
                        linkMembers(of: conversation, with: author, date: date)
                    }
                }
            }
        }
        for reply in pending {
            link(reply.author, threadAuthors[reply.threadTS] ?? reply.parentUserID, weight: 1, date: reply.date,
                 reason: .thread)
        }
    }

    /// Applies the `SlackSkip` checks in their documented order.
    private func classify(_ message: SlackMessage?) -> Verdict {
        guard let message else { return .skip(.notAnObject) }
        if let subtype = message.subtype, SlackSkip.membershipSubtypes.contains(subtype) {
            return .skip(.membership)
        }
        if isBotMessage(message) {
            return .skip(.bot)
        }
        guard let author = message.user else { return .skip(.noUser) }
        guard let ts = message.ts, let date = SlackTimestamp.utcDate(of: ts) else {
            return .skip(.invalidTimestamp)
        }
        return .use(message, author: author, date: date)
    }

    private func isBotMessage(_ message: SlackMessage) -> Bool {
        message.hasBotID || message.subtype == "bot_message" || message.user.map(isBot) == true
    }

    private func isBot(_ userID: String) -> Bool {
        userID == SlackUser.slackbotID || users[userID]?.isBot == true
    }

    /// In a DM or group DM the author addresses everyone else present, so each gets an equal share of
    /// one message. Bots count in the share but get no link.
    private mutating func linkMembers(of conversation: SlackConversation, with author: String, date: CalendarDate) {
        let others = Set(conversation.members).subtracting([author]).sorted()
        for member in others {
            link(author, member, weight: 1 / Double(others.count), date: date, reason: .dm)
        }
    }

    /// Records a link unless the other user is unknown, the author themselves, or a bot. Users missing
    /// from users.json (guests from shared channels, say) are kept: the caller decides about them.
    private mutating func link(_ author: String, _ other: String?, weight: Double, date: CalendarDate,
                               reason: SlackLink.Reason) {
        guard let other, other != author, !isBot(other) else { return }
        links.append(SlackLink(userA: author, userB: other, weight: weight, date: date, reason: reason))
    }
}
