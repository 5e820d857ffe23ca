import OrgModel

/// The people of an org chart looked up as people write them by hand: by id, email or name (case, accents and
/// spacing aside; "Last, First" read as "First Last").
package struct PeopleDirectory: Sendable {
    /// What a written name or address turned out to be.
    package enum Match: Equatable, Sendable {
        case person(Int)
        /// Several people have that name.
        case ambiguous([Int])
        case nobody
    }

    private var byKey: [String: Int] = [:]
    private var byEmail: [String: Int] = [:]
    private var byName: [String: [Int]] = [:]
    package let organization: Organization

    package init(_ organization: Organization) {
        self.organization = organization
        for (i, person) in organization.people.enumerated() {
            if byKey[person.key] == nil { byKey[person.key] = i }
            if let email = person.email?.lowercased(), byEmail[email] == nil { byEmail[email] = i }
            byName[NameKey.of(person.name), default: []].append(i)
        }
    }

    /// `text` as an id, then an email, then a name.
    package func match(_ text: String) -> Match {
        if let i = byKey[text] { return .person(i) }
        if text.contains("@") { return byEmail[text.lowercased()].map(Match.person) ?? .nobody }
        let people = byName[NameKey.of(text)] ?? []
        switch people.count {
        case 0: return .nobody
        case 1: return .person(people[0])
        default: return .ambiguous(people)
        }
    }

    /// "Ann Lee (1042)": a person as messages name them.
    package func describe(_ i: Int) -> String {
        "\(organization.people[i].name) (\(organization.people[i].key))"
    }
}
