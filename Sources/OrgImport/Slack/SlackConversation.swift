/// A channel, private channel, DM or group DM from the export's conversation lists.
struct SlackConversation {
    enum Kind {
        case channel, privateChannel, directMessage, groupDirectMessage
        /// A folder of day files that no list mentions; read like a public channel.
        case unlisted
    }

    let id: String
    let name: String?
    let kind: Kind
    /// User ids; only DMs and group DMs use them, to link the author with everyone else present.
    let members: [String]

    var isDirect: Bool {
        kind == .directMessage || kind == .groupDirectMessage
    }

    /// The list file for each listed kind.
    static let listFiles: [(file: String, kind: Kind)] = [
        ("channels.json", .channel), ("groups.json", .privateChannel),
        ("dms.json", .directMessage), ("mpims.json", .groupDirectMessage),
    ]

    /// Reads one list element; nil when it has no string `id`. Non-string members are ignored.
    init?(json: [String: Any], kind: Kind) {
        guard let id = json.nonEmptyString("id") else { return nil }
        self.init(
            id: id, name: json.nonEmptyString("name"), kind: kind,
            members: (json["members"] as? [Any] ?? []).compactMap { $0 as? String })
    }

    init(id: String, name: String?, kind: Kind, members: [String]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.members = members
    }
}
