import Testing
@testable import OrgAnalysis

struct PhraseMatcherTests {
    @Test(arguments: [
        ("IT", "IT Operations", "IT"), ("IT", "Recruiting", nil), ("IT", "Information Technology", nil),
        ("Data", "Data Science", "Data"), ("Data", "Metadata Team", nil), ("R&D", "R&D Labs", "R&D"),
        ("VP Engineering", "Vice President of Engineering", "VP Engineering"),
        ("VP Engineering", "SVP Engineering", nil), ("Senior Manager", "Sr. Manager, QA", "Senior Manager"),
    ] as [(String, String, String?)])
    func wholeWordMatching(pattern: String, text: String, expected: String?) {
        #expect(PhraseMatcher([pattern]).match(text) == expected)
    }

    @Test func theLongestPhraseWinsSoReasonsAreSpecific() {
        let matcher = PhraseMatcher(["Manager", "Engineering Manager"])
        #expect(matcher.match("Senior Engineering Manager") == "Engineering Manager")
    }
}
