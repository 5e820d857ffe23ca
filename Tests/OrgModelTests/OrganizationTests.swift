import Testing
import OrgModel

struct OrganizationTests {
    static let people = [
        Person(key: "1", name: "CEO", department: "Executive"),
        Person(key: "2", name: "CTO", department: "Engineering", managerKey: "1"),
        Person(key: "3", name: "EM", department: "Engineering", team: "Core", managerKey: "2"),
        Person(key: "4", name: "Dev", department: "Engineering", team: "Core", managerKey: "3", dottedLineManagerKeys: ["5"]),
        Person(key: "5", name: "CRO", department: "Sales", managerKey: "1"),
        Person(key: "6", name: "Contractor", department: "Engineering"),
    ]

    @Test func indices() {
        let org = Organization(people: Self.people)
        #expect(org.roots == [0, 5])
        #expect(org.directReports[0] == [1, 4])
        #expect(org.managerIndex[3] == 2)
        #expect(org.dottedLineManagerIndices[3] == [4])
        #expect(org.depths() == [0, 1, 2, 3, 1, 0])
        #expect(org.index(ofKey: "5") == 4)
    }

    @Test func summary() {
        let summary = OrgSummary(Organization(people: Self.people), spans: 2)
        #expect(summary.people == 6)
        #expect(summary.depth == 4)
        #expect(summary.roots.map(\.name) == ["CEO", "Contractor"])
        #expect(summary.departments.map(\.name) == ["Engineering", "Executive", "Sales"])
        #expect(summary.departments.first?.teams == 1)
        #expect(summary.largestSpans.map(\.manager.name) == ["CEO", "CTO"])
        #expect(summary.dottedLines == 1)
    }

    @Test(arguments: [("2026-02-28", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-13-01", false), ("26-01-01", false), ("2026-1-01", false), ("tomorrow", false)])
    func calendarDates(text: String, valid: Bool) {
        #expect((CalendarDate(text) != nil) == valid)
        if valid { #expect(CalendarDate(text)?.description == text) }
    }
}

struct CalendarDateTests {
    @Test(arguments: [
        ("1970-01-01", 0), ("1970-01-02", 1), ("1969-12-31", -1), ("2000-03-01", 11_017), ("2026-11-01", 20_758),
        ("2024-02-29", 19_782), ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ])
    func daysSinceEpoch(text: String, days: Int) throws {
        let date = try #require(CalendarDate(text))
        #expect(date.daysSinceEpoch == days)
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.adding(days: days) == date)
    }

    @Test func addingCrossesMonthsYearsAndLeapDays() {
        let day = CalendarDate(year: 2026, month: 11, day: 1)!
        #expect(day.adding(days: -365)?.description == "2025-11-01")
        #expect(CalendarDate(year: 2024, month: 2, day: 28)?.adding(days: 1)?.description == "2024-02-29")
        #expect(CalendarDate(year: 2023, month: 12, day: 31)?.adding(days: 1)?.description == "2024-01-01")
        #expect(CalendarDate(year: 9999, month: 12, day: 31)?.adding(days: 1) == nil)
        #expect(CalendarDate(year: 1, month: 1, day: 1)?.adding(days: -1) == nil)
    }

    @Test func parsesOnlyRealDays() {
        #expect(CalendarDate("2026-02-30") == nil)
        #expect(CalendarDate("2026-2-3") == nil)
        #expect(CalendarDate("2024-02-29")?.description == "2024-02-29")
    }
}
