import OrgModel
import Testing

struct PseudonymsTests {
    /// A stand-in for SHA-256 that makes collisions easy to build: the key's own text, padded with zeros.
    static let digest: @Sendable (String) -> String = { key in key + String(repeating: "0", count: max(0, 64 - key.count)) }

    static func sha(_ key: String) -> String {
        // Deterministic and well spread: FNV-1a, hex, repeated to 64 digits.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: String(repeating: "0", count: 16 - hex.count) + hex, count: 4)
    }

    @Test func stableAcrossCallsAndOrganizationsSharingKeys() {
        let a = Pseudonyms(keys: ["NW001", "NW002", "NW003"], digest: Self.sha)
        let b = Pseudonyms(keys: ["NW003", "NW002", "NW009"], digest: Self.sha)
        for key in ["NW002", "NW003"] {
            #expect(a.name(forKey: key) == b.name(forKey: key))
            #expect(a.id(forKey: key) == b.id(forKey: key))
            #expect(a.email(forKey: key) == b.email(forKey: key))
        }
        let tag = String(Self.sha("NW002").prefix(6))
        #expect(a.name(forKey: "NW002") == "Person \(tag)")
        #expect(a.id(forKey: "NW002") == "P-\(tag)")
        #expect(a.email(forKey: "NW002") == "p-\(tag)@example.invalid")
    }

    @Test func shortPrefixCollisionsGrowUntilUnique() {
        // "abcdef1" and "abcdef2" share six digits; "abcdxx" shares four with them and keeps six.
        let p = Pseudonyms(keys: ["abcdef2", "abcdef1", "abcd99"], digest: Self.digest)
        #expect(p.id(forKey: "abcdef1") == "P-abcdef1")
        #expect(p.id(forKey: "abcdef2") == "P-abcdef2")
        #expect(p.id(forKey: "abcd99") == "P-abcd99")
        // The same keys in another order give the same answer.
        let q = Pseudonyms(keys: ["abcd99", "abcdef1", "abcdef2"], digest: Self.digest)
        #expect(q.id(forKey: "abcdef1") == "P-abcdef1")
    }

    @Test func wholeDigestCollisionsAreNumberedInKeyOrder() {
        let constant: @Sendable (String) -> String = { _ in String(repeating: "7", count: 64) }
        let p = Pseudonyms(keys: ["b", "a", "c"], digest: constant)
        let ids = ["a", "b", "c"].map { p.id(forKey: $0) }
        #expect(Set(ids).count == 3)
        #expect(ids[0] == "P-777777")
        #expect(ids[1] == ids[0] + "-2")
        #expect(ids[2] == ids[0] + "-3")
    }

    @Test func anonymizedOrganizationKeepsStructureAndNamesNoOne() {
        let org = Organization(people: OrganizationTests.people)
        let p = Pseudonyms(keys: org.people.map(\.key), digest: Self.sha)
        let a = org.anonymized(with: p)
        #expect(a.roots == org.roots)
        #expect(a.managerIndex == org.managerIndex)
        #expect(a.dottedLineManagerIndices == org.dottedLineManagerIndices)
        for (before, after) in zip(org.people, a.people) {
            #expect(after.key == p.id(forKey: before.key))
            #expect(after.name == p.name(forKey: before.key))
            #expect(after.title == before.title)
            #expect(after.department == before.department)
            #expect(after.team == before.team)
            #expect(!after.name.contains(before.name))
        }
        #expect(a.people.map(\.key) == org.anonymized(with: p).people.map(\.key))
    }

    @Test func emailsArePseudonymsOnlyWhereThereWasOne() {
        let org = Organization(people: [
            Person(key: "1", name: "Ada Lovelace", email: "ada@example.com", department: "Engineering"),
            Person(key: "2", name: "Alan Turing", department: "Engineering", managerKey: "1"),
        ])
        let a = org.anonymized(with: Pseudonyms(keys: ["1", "2"], digest: Self.sha))
        #expect(a.people[0].email?.hasSuffix("@example.invalid") == true)
        #expect(a.people[1].email == nil)
        #expect(a.people[1].managerKey == a.people[0].key)
    }
}
