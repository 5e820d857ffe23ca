import OrgImport
import OrgModel

/// A small workspace export, shaped like real ones (fields trimmed), exercising every rule once.
///
/// People: Alice (email), Bob (blank email), Carol (deactivated), Dave (email field without an address),
/// Erin (Enterprise Grid `W` id), a bot user, and Slackbot, which Slack exports with `is_bot: false`.
/// There is no groups.json, and the engineering channel's folder is named by id.
enum SlackFixture {
    static let alice = "U01ALICE"
    static let bob = "U02BOB"
    static let carol = "U03CAROL"
    static let dave = "U04DAVE"
    static let bot = "U05BOT"
    static let erin = "W06ERIN"

    /// Every link the fixture must produce; see the messages for why each exists.
    static let expectedLinks: [SlackLink] = [
        SlackLink(userA: alice, userB: bob, weight: 1, date: date(2023, 10, 30), reason: .mention),
        SlackLink(userA: bob, userB: alice, weight: 1, date: date(2023, 10, 30), reason: .thread),
        SlackLink(userA: alice, userB: erin, weight: 1, date: date(2023, 10, 30), reason: .mention),
        SlackLink(userA: carol, userB: alice, weight: 1, date: date(2023, 10, 31), reason: .thread),
        SlackLink(userA: bob, userB: dave, weight: 1, date: date(2023, 10, 31), reason: .thread),
        SlackLink(userA: dave, userB: carol, weight: 1, date: date(2023, 11, 1), reason: .mention),
        SlackLink(userA: dave, userB: erin, weight: 1, date: date(2023, 11, 1), reason: .thread),
        SlackLink(userA: alice, userB: bob, weight: 1, date: date(2023, 11, 1), reason: .dm),
        SlackLink(userA: bob, userB: alice, weight: 1, date: date(2023, 11, 1), reason: .dm),
        SlackLink(userA: carol, userB: alice, weight: 0.5, date: date(2023, 11, 2), reason: .dm),
        SlackLink(userA: carol, userB: bob, weight: 0.5, date: date(2023, 11, 2), reason: .dm),
        SlackLink(userA: alice, userB: bob, weight: 1, date: date(2023, 11, 2), reason: .mention),
        SlackLink(userA: alice, userB: bob, weight: 0.5, date: date(2023, 11, 2), reason: .dm),
        SlackLink(userA: alice, userB: carol, weight: 0.5, date: date(2023, 11, 2), reason: .dm),
        SlackLink(userA: bob, userB: carol, weight: 1, date: date(2023, 1, 5), reason: .mention),
    ]

    static let files: [String: String] = [
        "users.json": users,
        "channels.json": channels,
        "dms.json": dms,
        "mpims.json": mpims,
        "integration_logs.json": #"{"logs": []}"#,
        "general/2023-10-30.json": generalDay1,
        "general/2023-10-31.json": generalDay2,
        "general/notes.txt": "not a day file",
        "C02ENG/2023-11-01.json": engineeringDay1,
        "C02ENG/2023-11-02.json": engineeringDay2,
        "D01AB/2023-11-01.json": directMessages,
        "mpdm-alice--bob--carol-1/2023-11-02.json": groupDirectMessages,
        "random-2022/2023-01-05.json": unlistedChannel,
    ]

    static let users = #"""
    [
      {"id": "U01ALICE", "team_id": "T0TEAM", "name": "alice", "deleted": false, "real_name": "Alice Archer",
       "tz": "Europe/London", "is_admin": true, "is_bot": false, "updated": 1698000000,
       "profile": {"real_name": "Alice Archer", "display_name": "ali", "email": "alice@example.com",
                   "title": "VP Engineering", "image_72": "https://example.com/a.png", "fields": []}},
      {"id": "U02BOB", "team_id": "T0TEAM", "name": "bob", "deleted": false, "real_name": "Bob Baker",
       "is_bot": false,
       "profile": {"real_name": "Robert Baker", "display_name": "", "email": "", "title": "Sales"}},
      {"id": "U03CAROL", "team_id": "T0TEAM", "name": "carol", "deleted": true, "real_name": "",
       "profile": {"real_name": "Carol Chen", "display_name": "Carol", "email": "carol@example.com"}},
      {"id": "U04DAVE", "team_id": "T0TEAM", "name": "dave", "deleted": false, "real_name": "Dave Davis",
       "is_bot": false, "profile": {"real_name": "Dave Davis", "display_name": "dd", "email": "dave at example"}},
      {"id": "U05BOT", "team_id": "T0TEAM", "name": "deploybot", "deleted": false, "real_name": "Deploy Bot",
       "is_bot": true, "profile": {"real_name": "Deploy Bot", "bot_id": "B0DEPLOY", "email": ""}},
      {"id": "USLACKBOT", "team_id": "T0TEAM", "name": "slackbot", "deleted": false, "real_name": "Slackbot",
       "is_bot": false, "profile": {"real_name": "Slackbot", "display_name": "Slackbot", "email": ""}},
      {"id": "W06ERIN", "team_id": "T0TEAM", "name": "erin", "deleted": false, "real_name": "Erin Evans",
       "is_bot": false, "profile": {"real_name": "Erin Evans", "email": "erin@example.com"}}
    ]
    """#

    static let channels = #"""
    [
      {"id": "C01GENERAL", "name": "general", "created": 1600000000, "creator": "U01ALICE",
       "is_archived": false, "is_general": true, "members": ["U01ALICE", "U02BOB", "U03CAROL", "U04DAVE"],
       "topic": {"value": "Company-wide", "creator": "", "last_set": 0}, "purpose": {"value": "", "creator": "", "last_set": 0}},
      {"id": "C02ENG", "name": "engineering", "created": 1600000001, "creator": "U04DAVE",
       "is_archived": false, "is_general": false, "members": ["U04DAVE", "W06ERIN"]}
    ]
    """#

    static let dms = #"""
    [{"id": "D01AB", "created": 1600000002, "members": ["U01ALICE", "U02BOB"]}]
    """#

    static let mpims = #"""
    [{"id": "G01MPIM", "name": "mpdm-alice--bob--carol-1", "created": 1600000003, "creator": "U03CAROL",
      "is_archived": false, "members": ["U01ALICE", "U02BOB", "U03CAROL"],
      "purpose": {"value": "Group messaging with: @alice @bob @carol", "creator": "U03CAROL", "last_set": 1600000003}}]
    """#

    /// Alice starts a thread that gets replies on this day and the next; everything that must be
    /// skipped is here too.
    static let generalDay1 = #"""
    [
      {"client_msg_id": "0a1b", "type": "message", "user": "U01ALICE",
       "text": "Q4 plan: <@U02BOB> please review, also <@U02BOB|bob>",
       "ts": "1698656400.000100", "thread_ts": "1698656400.000100", "reply_count": 3, "reply_users_count": 3,
       "latest_reply": "1698714000.000200", "reply_users": ["U02BOB", "U03CAROL", "U01ALICE"],
       "replies": [{"user": "U02BOB", "ts": "1698660000.000200"}, {"user": "U03CAROL", "ts": "1698710401.000100"}],
       "team": "T0TEAM", "user_team": "T0TEAM", "source_team": "T0TEAM",
       "user_profile": {"real_name": "Alice Archer", "display_name": "ali", "name": "alice"},
       "blocks": [{"type": "rich_text", "block_id": "x1", "elements": []}]},
      {"client_msg_id": "0a1c", "type": "message", "user": "U02BOB", "text": "On it",
       "ts": "1698660000.000200", "thread_ts": "1698656400.000100", "parent_user_id": "U01ALICE"},
      {"type": "message", "subtype": "channel_join", "user": "U04DAVE",
       "text": "<@U04DAVE> has joined the channel", "ts": "1698663600.000300"},
      {"type": "message", "subtype": "bot_message", "bot_id": "B0DEPLOY", "username": "deploybot",
       "text": "<@U01ALICE> deploy finished", "ts": "1698667200.000400"},
      {"type": "message", "user": "U05BOT", "text": "<@U02BOB> standup in 5", "ts": "1698670800.000500"},
      {"type": "message", "subtype": "tombstone", "text": "This message was deleted.", "ts": "1698674400.000600",
       "hidden": true},
      {"type": "message", "user": "U01ALICE",
       "text": "note to self <@U01ALICE>; cc <@W06ERIN> and <@USLACKBOT>", "ts": "1698710399.000700"},
      42,
      {"type": "message", "user": "U02BOB", "text": "hi <@U01ALICE>", "ts": "yesterday"},
      {"type": "message", "user": "USLACKBOT", "text": "Reminder: <@U02BOB> water the plants",
       "ts": "1698706800.000800"}
    ]
    """#

    /// Carol's reply finds its parent only through the index of the previous day; Bob's reply to a
    /// thread outside the export falls back to `parent_user_id`; Carol's second one has neither.
    static let generalDay2 = #"""
    [
      {"type": "message", "user": "U03CAROL", "text": "Looks good", "ts": "1698710401.000100",
       "thread_ts": "1698656400.000100"},
      {"type": "message", "user": "U01ALICE", "text": "Thanks all", "ts": "1698714000.000200",
       "thread_ts": "1698656400.000100", "parent_user_id": "U01ALICE"},
      {"type": "message", "user": "U02BOB", "text": "Following up", "ts": "1698717600.000300",
       "thread_ts": "1690000000.000100", "parent_user_id": "U04DAVE"},
      {"type": "message", "user": "U03CAROL", "text": "Lost context", "ts": "1698721200.000400",
       "thread_ts": "1690000000.000900"}
    ]
    """#

    /// A reply whose thread's first message sits in a later day file, as exports bucketed by a local
    /// time zone can have it.
    static let engineeringDay1 = #"""
    [
      {"type": "message", "user": "U04DAVE", "text": "Agreed with <@U03CAROL>", "ts": "1698829200.000200",
       "thread_ts": "1698825600.000100"}
    ]
    """#

    static let engineeringDay2 = #"""
    [
      {"type": "message", "user": "W06ERIN", "text": "RFC: new build system", "ts": "1698825600.000100",
       "thread_ts": "1698825600.000100", "reply_count": 1}
    ]
    """#

    static let directMessages = #"""
    [
      {"type": "message", "user": "U01ALICE", "text": "lunch?", "ts": "1698825600.000300"},
      {"type": "message", "user": "U02BOB", "text": "sure", "ts": "1698829200.000400"}
    ]
    """#

    static let groupDirectMessages = #"""
    [
      {"type": "message", "user": "U03CAROL", "text": "shipping friday", "ts": "1698919200.000100"},
      {"type": "message", "user": "U01ALICE", "text": "<@U02BOB> ok?", "ts": "1698922800.000200"}
    ]
    """#

    /// A folder no list mentions.
    static let unlistedChannel = #"""
    [{"type": "message", "user": "U02BOB", "text": "<@U03CAROL> old news", "ts": "1672920000.000100"}]
    """#
}
