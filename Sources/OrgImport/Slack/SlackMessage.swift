/// The fields of one exported message that matter for links; every other field is ignored.
struct SlackMessage {
    let ts: String?
    let user: String?
    let subtype: String?
    let hasBotID: Bool
    let text: String?
    let threadTS: String?
    let parentUserID: String?
    /// Whether replies may point at this message: `thread_ts` equals `ts`, or it counts replies.
    let startsThread: Bool

    /// Nil when the array element is not a JSON object.
    init?(json: Any) {
        guard let object = json as? [String: Any] else { return nil }
        ts = object.nonEmptyString("ts")
        user = object.nonEmptyString("user")
        subtype = object.nonEmptyString("subtype")
        hasBotID = object.nonEmptyString("bot_id") != nil
        text = object["text"] as? String
        threadTS = object.nonEmptyString("thread_ts")
        parentUserID = object.nonEmptyString("parent_user_id")
        let replyCount = object["reply_count"] as? Int ?? 0
        let replies = object["replies"] as? [Any] ?? []
        startsThread = (threadTS != nil && threadTS == ts) || replyCount > 0 || !replies.isEmpty
    }

    /// A reply carries its thread's `ts` in `thread_ts`; a thread's first message carries its own.
    var isThreadReply: Bool {
        threadTS != nil && threadTS != ts
    }
}
