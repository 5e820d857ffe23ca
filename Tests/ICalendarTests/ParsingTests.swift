import Testing
@testable import ICalendar

@Suite("Content lines and components")
struct ParsingTests {
    @Test("Folded lines with spaces and tabs are unfolded, the fold character removed")
    func foldedLines() throws {
        let result = try Fixture.read(Fixture.calendar([
            "BEGIN:VEVENT",
            "UID:fold-",
            "\ttest@example.com",
            "DTSTART:20240",
            " 510T090000Z",
            "SUMMARY:Quarterly plan",
            " ning with the",
            "\t whole team",
            "ORGANIZER;CN=Ann:mai",
            " lto:ann@example.com",
            "END:VEVENT",
        ]))
        let occurrence = try #require(result.occurrences.first)
        #expect(occurrence.uid == "fold-test@example.com")
        #expect(occurrence.start == utc("20240510T090000Z"))
        #expect(occurrence.summary == "Quarterly planning with the whole team")
        #expect(occurrence.participants == ["ann@example.com"])
    }

    @Test("A fold inside a multi-byte UTF-8 character is joined back together")
    func foldInsideMultibyteCharacter() throws {
        var bytes = Fixture.bytes(Fixture.calendar(Fixture.event("utf8", "DTSTART:20240510T090000Z", ["SUMMARY:Caf\u{E9} meeting"])))
        let index = try #require(bytes.firstIndex(of: 0xC3))
        bytes.insert(contentsOf: [0x0D, 0x0A, 0x20], at: index + 1)
        let result = try ICalendarReader().read(bytes, fileName: "split.ics", window: Fixture.year2024)
        #expect(result.occurrences.map(\.summary) == ["Café meeting"])
    }

    @Test("CRLF, bare LF and bare CR line ends read the same", arguments: ["\r\n", "\n", "\r"])
    func lineEnds(lineEnd: String) throws {
        let lines = Fixture.calendar(
            Fixture.event("ends", "DTSTART:20240301T100000Z", ["DTEND:20240301T110000Z", "SUMMARY:Line", " ends"]))
        let result = try Fixture.read(lines, lineEnd: lineEnd)
        #expect(result.occurrences.count == 1)
        #expect(result.occurrences.first?.summary == "Lineends")
        #expect(result.occurrences.first?.durationSeconds == 3600)
    }

    @Test("A UTF-8 byte order mark is skipped")
    func byteOrderMark() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Fixture.bytes(Fixture.calendar(Fixture.event("bom", "DTSTART:20240301T100000Z")))
        let result = try ICalendarReader().read(bytes, fileName: "bom.ics", window: Fixture.year2024)
        #expect(result.occurrences.map(\.uid) == ["bom"])
    }

    @Test("TEXT escapes are decoded")
    func escapedText() throws {
        let result = try Fixture.read(Fixture.calendar(Fixture.event(
            "esc\\,aped", "DTSTART:20240301T100000Z",
            [#"SUMMARY:Budget\, Q3\; final\nreview \\ notes\Nend"#])))
        let occurrence = try #require(result.occurrences.first)
        #expect(occurrence.summary == "Budget, Q3; final\nreview \\ notes\nend")
        #expect(occurrence.uid == "esc,aped")
    }

    @Test("Lowercase property and parameter names are accepted")
    func lowercaseNames() throws {
        let result = try Fixture.read([
            "begin:vcalendar", "version:2.0",
            "begin:vevent", "uid:lower@example.com",
            "dtstart;tzid=Europe/Berlin:20240105T090000",
            "dtend;tzid=Europe/Berlin:20240105T100000",
            "rrule:freq=weekly;count=2",
            "attendee;partstat=declined:mailto:no@example.com",
            "attendee;cn=Yes:mailto:yes@example.com",
            "end:vevent", "end:vcalendar",
        ])
        #expect(result.dates == ["2024-01-05", "2024-01-12"])
        #expect(result.occurrences.first?.start == utc("20240105T080000Z"))
        #expect(result.occurrences.first?.participants == ["yes@example.com"])
    }

    @Test("Parameters in any order, quoted values with commas, colons and semicolons")
    func quotedParameters() throws {
        let result = try Fixture.read(Fixture.calendar(Fixture.event("params", "DTSTART;VALUE=DATE-TIME;TZID=\"Europe/Berlin\":20240105T090000", [
            #"ORGANIZER;SENT-BY="mailto:assistant@x.com";CN="Lee, Ann":mailto:ann@x.com"#,
            #"ATTENDEE;DELEGATED-FROM="mailto:a@x.com","mailto:b@x.com";CN="Stone; Bob: PhD";PARTSTAT=ACCEPTED:mailto:bob@x.com"#,
            #"ATTENDEE;PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT;CUTYPE=INDIVIDUAL;CN="Diaz, Carol":mailto:carol@x.com"#,
            #"ATTENDEE;CN="Room, big";CUTYPE="ROOM":mailto:room@x.com"#,
        ])))
        let occurrence = try #require(result.occurrences.first)
        #expect(occurrence.start == utc("20240105T080000Z"))
        #expect(occurrence.participants == ["ann@x.com", "bob@x.com", "carol@x.com"])
        #expect(occurrence.organizer == "ann@x.com")
    }

    @Test("Several VCALENDARs in one file all contribute")
    func severalCalendars() throws {
        let lines = Fixture.calendar(Fixture.event("first", "DTSTART:20240301T100000Z"))
            + Fixture.calendar(Fixture.event("second", "DTSTART:20240302T100000Z"), method: "REQUEST")
            + Fixture.calendar(Fixture.event("third", "DTSTART;VALUE=DATE:20240303"), method: "PUBLISH")
        let result = try Fixture.read(lines)
        #expect(result.calendarCount == 3)
        #expect(result.occurrences.map(\.uid) == ["first", "second", "third"])
        #expect(result.occurrences.last?.isAllDay == true)
    }

    @Test("METHOD other than PUBLISH or REQUEST contributes nothing", arguments: ["REPLY", "CANCEL", "COUNTER", "REFRESH", "DECLINECOUNTER", "ADD", "reply"])
    func schedulingMessagesSkipped(method: String) throws {
        let lines = Fixture.calendar(
            Fixture.event("reply-1", "DTSTART:20240301T100000Z") + Fixture.event("reply-2", "DTSTART:20240302T100000Z"),
            method: method)
            + Fixture.calendar(Fixture.event("kept", "DTSTART:20240304T100000Z"), method: "REQUEST")
        let result = try Fixture.read(lines)
        #expect(result.occurrences.map(\.uid) == ["kept"])
        #expect(result.skipped[.method] == 2)
        #expect(result.eventCount == 3)
    }

    @Test("Properties of VALARM and other sub-components are not the event's; VTODO is ignored")
    func subComponentsIgnored() throws {
        let result = try Fixture.read(Fixture.calendar([
            "BEGIN:VTODO", "UID:todo", "DTSTART:20240301T100000Z", "END:VTODO",
            "BEGIN:VEVENT", "UID:with-alarm",
            "BEGIN:VALARM", "ACTION:EMAIL", "DTSTART:20240901T000000Z", "UID:alarm-uid",
            "ATTENDEE:mailto:alarm@example.com", "SUMMARY:Reminder", "TRIGGER:-PT10M", "END:VALARM",
            "DTSTART:20240301T100000Z", "SUMMARY:Real",
            "ATTENDEE:mailto:real@example.com",
            "BEGIN:X-VENDOR-THING", "STATUS:CANCELLED", "END:X-VENDOR-THING",
            "END:VEVENT",
            "BEGIN:VJOURNAL", "UID:journal", "DTSTART:20240301T100000Z", "END:VJOURNAL",
        ]))
        #expect(result.eventCount == 1)
        let occurrence = try #require(result.occurrences.first)
        #expect(result.occurrences.count == 1)
        #expect(occurrence.uid == "with-alarm")
        #expect(occurrence.summary == "Real")
        #expect(occurrence.start == utc("20240301T100000Z"))
        #expect(occurrence.participants == ["real@example.com"])
        #expect(!occurrence.isCancelled)
    }

    @Test("Google export fixture: folded params, resource left out, VALARM attendee ignored, override moved")
    func googleFixture() throws {
        let result = try Fixture.readFixture("google-export.ics")
        #expect(result.problems.isEmpty)
        let starts = result.occurrences.map(\.start)
        #expect(starts == [utc("20240307T080000Z"), utc("20240314T080000Z"), utc("20240328T100000Z"),
                           utc("20240404T070000Z"), utc("20240418T070000Z")])
        let first = try #require(result.occurrences.first)
        #expect(first.participants == ["ann.lee@example.com", "bob.stone@example.com"])
        #expect(first.durationSeconds == 1800)
        let moved = result.occurrences[2]
        #expect(moved.isOverride)
        #expect(moved.originalStart == utc("20240328T080000Z"))
        #expect(moved.sequence == 1)
        #expect(moved.participants == ["ann.lee@example.com", "carol.diaz@example.com"])
        #expect(moved.summary == "Team sync (moved)")
    }

    @Test("Content-line helpers: name detection and parameter parsing")
    func contentLineHelpers() throws {
        let line = Array(#"ATTENDEE;CN="a:b;c";EMAIL=X@Y.COM;RSVP:mailto:z@y.com"#.utf8)
        let end = try #require(Property.nameEnd(of: line))
        #expect(end == 8)
        let name = try #require(PropertyName.match(line, 0..<end))
        let property = try #require(Property(line: line, nameEnd: end, name: name, lineNumber: 7))
        #expect(property.parameters.email == "X@Y.COM")
        #expect(property.value == "mailto:z@y.com")
        #expect(property.line == 7)
        #expect(Property.nameEnd(of: Array("Just some prose, no colon".utf8)) == nil)
        #expect(Property(line: Array(#"X;CN="unterminated:value"#.utf8), nameEnd: 1, name: .summary, lineNumber: 1) == nil)
    }
}
