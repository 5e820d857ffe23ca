/// One person (or bot) from the export's `users.json`.
///
/// Matching users to an org chart is left to the caller; `candidateIdentities` says what to match on.
public struct SlackUser: Sendable, Hashable {
    /// Slack's user id, e.g. `U024BE7LH`; the key every message and link uses.
    public let id: String
    /// The handle (`name`), e.g. `jane.doe`.
    public let name: String?
    /// The top-level `real_name`, which Slack leaves empty for some deleted users.
    public let realName: String?
    /// `profile.real_name`, which survives deletion.
    public let profileRealName: String?
    /// `profile.display_name`: what colleagues see in the client, often a nickname.
    public let displayName: String?
    /// `profile.email`, when it holds an address; bots and some guests have none.
    public let email: String?
    /// `is_bot`, or the built-in Slackbot (`USLACKBOT`), which exports mark as `is_bot: false`.
    public let isBot: Bool
    /// `deleted`: the account was deactivated, but its messages still count.
    public let isDeleted: Bool

    /// The id Slack gives its built-in bot in every workspace.
    public static let slackbotID = "USLACKBOT"

    public init(
        id: String, name: String? = nil, realName: String? = nil, profileRealName: String? = nil,
        displayName: String? = nil, email: String? = nil, isBot: Bool = false, isDeleted: Bool = false
    ) {
        self.id = id
        self.name = name
        self.realName = realName
        self.profileRealName = profileRealName
        self.displayName = displayName
        self.email = email
        self.isBot = isBot || id == Self.slackbotID
        self.isDeleted = isDeleted
    }

    /// What to try, in order, when matching this user to a person elsewhere: the email alone when
    /// there is one (it is unique), otherwise `profile.real_name`, `real_name` and `name`, skipping
    /// empty and repeated values.
    public var candidateIdentities: [String] {
        if let email {
            return [email]
        }
        var names: [String] = []
        for candidate in [profileRealName, realName, name].compactMap({ $0 }) where !names.contains(candidate) {
            names.append(candidate)
        }
        return names
    }
}

extension SlackUser {
    /// Reads one `users.json` element; nil when it has no string `id`. Blank strings count as absent,
    /// and an email without `@` is not an address.
    init?(json: [String: Any]) {
        guard let id = json.nonEmptyString("id") else { return nil }
        let profile = json["profile"] as? [String: Any] ?? [:]
        self.init(
            id: id,
            name: json.nonEmptyString("name"),
            realName: json.nonEmptyString("real_name"),
            profileRealName: profile.nonEmptyString("real_name"),
            displayName: profile.nonEmptyString("display_name"),
            email: profile.nonEmptyString("email").flatMap { $0.contains("@") ? $0 : nil },
            isBot: json["is_bot"] as? Bool ?? false,
            isDeleted: json["deleted"] as? Bool ?? false)
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The value at `key` when it is a string with something besides white space, trimmed.
    func nonEmptyString(_ key: String) -> String? {
        guard let value = self[key] as? String else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
