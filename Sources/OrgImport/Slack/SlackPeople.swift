import Foundation
import OrgModel

/// Slack users matched to the people of an org chart, and a Slack export's links turned into links between them.
public struct SlackPeople: Sendable {
    /// Slack user id → index in the organization.
    public let matched: [String: Int]
    /// Users nobody in the org chart is (bots excluded), by id.
    public let unmatched: [String: SlackUser]

    /// Matches each user by `profile.email` when it holds an address (and the org chart has emails); otherwise by
    /// `profile.real_name`, then `real_name`, then `name`, compared as names are everywhere in orgmap (case,
    /// accents and spacing aside, "Last, First" read as "First Last"). A name that several people of the org
    /// chart share is an error naming them: guessing would put someone's chats on another's record.
    public init(users: [String: SlackUser], organization: Organization, export: String) throws {
        var byEmail: [String: Int] = [:]
        var byName: [String: [Int]] = [:]
        for (i, person) in organization.people.enumerated() {
            if let email = person.email?.lowercased(), byEmail[email] == nil { byEmail[email] = i }
            byName[NameKey.of(person.name), default: []].append(i)
        }
        var matched: [String: Int] = [:]
        var unmatched: [String: SlackUser] = [:]
        var ambiguous: [InputProblem] = []
        for user in users.values.sorted(by: { $0.id < $1.id }) where !user.isBot {
            if let email = user.email?.lowercased(), !byEmail.isEmpty {
                if let person = byEmail[email] { matched[user.id] = person } else { unmatched[user.id] = user }
                continue
            }
            var found: Int?
            for candidate in [user.profileRealName, user.realName, user.name].compactMap({ $0 }) {
                let people = byName[NameKey.of(candidate)] ?? []
                if people.count > 1 {
                    let named = people.map { "\(organization.people[$0].name) (\(organization.people[$0].key))" }.joined(separator: ", ")
                    ambiguous.append(InputProblem(line: nil, message: "Slack user \(user.id) ('\(candidate)') matches \(people.count) people of the org chart: \(named); give them emails in Slack or in the org chart"))
                    break
                }
                if let person = people.first { found = person; break }
            }
            if let found { matched[user.id] = found } else { unmatched[user.id] = user }
        }
        guard ambiguous.isEmpty else { throw OrgMapError.invalidInput(file: export, problems: ambiguous, more: 0) }
        self.matched = matched
        self.unmatched = unmatched
    }

    /// What the export's links add up to between people of the org chart.
    public struct Result: Sendable {
        public var links: [FoundLink]
        /// Links with a user nobody in the org chart is, by that user's id.
        public var unmatchedLinks: [String: Int]
        /// Links dated outside [since, until).
        public var outsideWindow: Int
        /// Links between two Slack accounts of one person.
        public var selfLinks: Int
    }

    /// The export's links between matched people whose UTC day is in [since, until).
    public func links(_ links: [SlackLink], since: CalendarDate, until: CalendarDate) -> Result {
        var result = Result(links: [], unmatchedLinks: [:], outsideWindow: 0, selfLinks: 0)
        for link in links {
            guard let date = CalendarDate(year: link.date.year, month: link.date.month, day: link.date.day), date >= since, date < until else {
                result.outsideWindow += 1
                continue
            }
            guard let a = matched[link.userA], let b = matched[link.userB] else {
                for user in [link.userA, link.userB] where matched[user] == nil { result.unmatchedLinks[user, default: 0] += 1 }
                continue
            }
            guard a != b else { result.selfLinks += 1; continue }
            result.links.append(FoundLink(a: a, b: b, weight: link.weight, date: date))
        }
        return result
    }
}

/// A name as orgmap compares names across sources: case, accents and spacing aside, "Last, First" read as
/// "First Last".
enum NameKey {
    static func of(_ name: String) -> String {
        let turned = PeopleFile.turnedAround(name) ?? name
        return turned.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
