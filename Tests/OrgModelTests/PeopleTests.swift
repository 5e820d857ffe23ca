import Testing
import OrgModel

/// The org chart's columns give back every person as they went in, and find keys as `String` compares them.
struct PeopleTests {
    static let awkward = [
        Person(key: "E1", name: "Zoë Durand", email: "zoe@example.com", title: "Chief Technology Officer",
               department: "Engineering", team: "Platform", managerKey: "E9", dottedLineManagerKeys: ["E4", "nobody"],
               level: "L9", location: "Paris"),
        // An empty email is not a missing one; an empty name and title stay empty.
        Person(key: "E2", name: "", email: "", title: "", department: "Sales", managerKey: "E2"),
        Person(key: "Jos\u{65}\u{301}", name: "José (decomposed key)", department: "Engineering", managerKey: "E1"),
        Person(key: "E4", name: "A name well past fifteen bytes, to live on the heap as a String", email: nil,
               title: "Chief Technology Officer", department: "Engineering", team: "Platform", managerKey: "Jos\u{e9}",
               level: "L9", location: "Paris"),
        // A second person with a key already taken: lookups find the first.
        Person(key: "E1", name: "Duplicate", department: Department.unassigned),
    ]

    @Test func everyPersonComesBackAsTheyWentIn() {
        let people = People(Self.awkward)
        #expect(people.count == Self.awkward.count)
        #expect(Array(people) == Self.awkward)
        // `==` on strings takes composed and decomposed forms as equal: the text fields are compared as bytes.
        func bytes(_ p: Person) -> [[UInt8]?] {
            [p.key, p.name, p.email, p.managerKey].map { $0.map { Array($0.utf8) } } + p.dottedLineManagerKeys.map { Array($0.utf8) }
        }
        #expect(people.map(bytes) == Self.awkward.map(bytes))
        for (i, p) in Self.awkward.enumerated() {
            #expect(people.key(i) == p.key && people.name(i) == p.name && people.email(i) == p.email)
            #expect(people.title(i) == p.title && people.department(i) == p.department && people.team(i) == p.team)
            #expect(people.level(i) == p.level && people.location(i) == p.location && people.managerKey(i) == p.managerKey)
        }
        #expect(people.email(1) == "" && people.email(3) == nil)
        // A manager key naming nobody is kept as it was given.
        #expect(people[0].managerKey == "E9")
    }

    @Test func keysAreFoundAsStringComparesThem() {
        let people = People(Self.awkward)
        #expect(people.index(ofKey: "E1") == 0)
        #expect(people.index(ofKey: "E4") == 3)
        #expect(people.index(ofKey: "Jos\u{e9}") == 2)  // composed, stored decomposed
        #expect(people.index(ofKey: "Jos\u{65}\u{301}") == 2)
        #expect(people.index(ofKey: "E") == nil)
        #expect(people.index(ofKey: "") == nil)
        #expect(People().index(ofKey: "E1") == nil)
    }

    @Test func theOrganizationIndexesTheColumns() {
        let org = Organization(people: Self.awkward)
        // E1's manager E9 names nobody; E2 manages themself: both roots, as is the duplicate with no manager.
        #expect(org.roots == [0, 1, 4])
        #expect(org.managerIndex[2] == 0 && org.managerIndex[3] == 2)
        #expect(org.directReports[0] == [2] && org.directReports[2] == [3] && org.directReports[1].isEmpty)
        // "nobody" names nobody and is dropped from the indices, kept in the person.
        #expect(org.dottedLineManagerIndices[0] == [3] && org.dottedLineManagerIndices[1].isEmpty)
        #expect(org.people[0].dottedLineManagerKeys == ["E4", "nobody"])
    }

    @Test func aBuilderFromBytesMatchesOneFromStrings() {
        var builder = People.Builder(capacity: 2)
        func add(_ key: String, _ name: String, _ email: String?) -> Int {
            var (k, n, e) = (key, name, email ?? "")
            return k.withUTF8 { k in n.withUTF8 { n in e.withUTF8 { eb in
                builder.appendBytes(key: k, name: n, email: email == nil ? nil : eb, title: "VP Sales", department: "Sales",
                                    team: nil, level: nil, location: nil)
            } } }
        }
        let vp = add("S1", "Vera Price", "vera@example.com")
        let rep = add("S2", "Rami", nil)
        builder.setManager(of: rep, index: vp)
        builder.setManager(of: vp, key: "outside")
        let people = builder.finish()
        #expect(Array(people) == [
            Person(key: "S1", name: "Vera Price", email: "vera@example.com", title: "VP Sales", department: "Sales", managerKey: "outside"),
            Person(key: "S2", name: "Rami", title: "VP Sales", department: "Sales", managerKey: "S1"),
        ])
    }

    /// Finding another month's person here: at the same place when the key is there, by lookup when not, and by
    /// lookup (the first of them) when keys repeat here.
    @Test func anotherMonthsKeysAreFoundWhereverTheyAre() {
        func people(_ keys: [String]) -> People { People(keys.map { Person(key: $0, name: $0, department: "Sales") }) }
        let october = people(["A", "B", "C", "Jos\u{e9}"])
        let november = people(["A", "C", "B", "Jos\u{65}\u{301}", "D"])
        #expect(november.indices.map { october.index(ofKeyOf: $0, in: november) } == [0, 2, 1, 3, nil])
        #expect(october.indices.map { november.index(ofKeyOf: $0, in: october) } == [0, 2, 1, 3])
        let repeated = people(["B", "B", "A"])
        #expect(people(["A", "B", "B"]).indices.map { repeated.index(ofKeyOf: $0, in: people(["A", "B", "B"])) } == [2, 0, 0])
    }

    /// Keys equal as text on two people (a file edited by hand): a manager given by position, as the database reader
    /// gives them, is the first of the two, as a manager given by key is; the second keeps its own manager.
    @Test func aManagerGivenByPositionIsTheFirstHolderOfTheKey() {
        var builder = People.Builder()
        for (key, name) in [("Jos\u{e9}", "composed"), ("Jos\u{65}\u{301}", "decomposed"), ("E3", "report"), ("E4", "other report")] {
            builder.append(key: key, name: name, email: nil, title: nil, department: "Sales", team: nil, level: nil, location: nil)
        }
        builder.setManager(of: 2, index: 1)
        builder.setManager(of: 3, key: "Jos\u{65}\u{301}")
        builder.setManager(of: 1, index: 2)
        let org = Organization(people: builder.finish())
        #expect(org.managerIndex[2] == 0 && org.managerIndex[3] == 0 && org.managerIndex[1] == 2)
        #expect(org.roots == [0])
        // The manager key given as text comes back as it was given, not as the key it found.
        #expect(org.people.managerKey(3).map { Array($0.utf8) } == Array("Jos\u{65}\u{301}".utf8))
    }

    /// Each person's list is indexed from 0, like the array it replaced.
    @Test func listsAreIndexedFromZero() {
        let org = Organization(people: OrganizationTests.people)
        let reports = org.directReports[0]
        #expect(reports.indices == 0..<2 && reports[0] == 1 && reports[1] == 4)
        #expect(org.directReports[2].indices == 0..<1 && org.directReports[2][0] == 3)
    }
}
