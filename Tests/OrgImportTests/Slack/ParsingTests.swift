import Testing

@testable import OrgImport
import OrgModel

@Suite("Timestamps, dates and mentions")
struct ParsingTests {
    @Test(
        "seconds since 1970 map to the UTC calendar day",
        arguments: [
            (UInt64(0), "1970-01-01"),
            (951_868_800, "2000-03-01"),
            (1_709_208_000, "2024-02-29"),
            (1_698_710_399, "2023-10-30"),
            (1_698_710_400, "2023-10-31"),
            (4_102_444_800, "2100-01-01"),
        ])
    func utcDays(seconds: UInt64, expected: String) {
        #expect(SlackTimestamp.utcDate(of: "\(seconds).000100")?.description == expected)
    }

    @Test("a ts is digits with an optional fractional part")
    func timestamps() {
        #expect(SlackTimestamp.utcDate(of: "1698765432.000200") == CalendarDate(year: 2023, month: 10, day: 31))
        #expect(SlackTimestamp.utcDate(of: "1698765432") == CalendarDate(year: 2023, month: 10, day: 31))
        for invalid in ["", "yesterday", "1.2.3", "-5", "12a.1", ".5", "5.", " 5", "99999999999999999999.1"] {
            #expect(SlackTimestamp.utcDate(of: invalid) == nil, "\(invalid)")
        }
    }

    @Test("mentions: both forms, U and W ids, distinct, in order; channels, broadcasts and broken ones ignored")
    func mentions() {
        let text = "<@U1B> hi <@W2|erin> <@U1B|bob> <#C3|general> <@C4> <@u5> <!here> <@U> <@U6 <@U7|cut"
        #expect(MentionScanner.userIDs(in: text) == ["U1B", "W2"])
        #expect(MentionScanner.userIDs(in: "") == [])
        #expect(MentionScanner.userIDs(in: "<@U12345678>") == ["U12345678"])
    }
}
