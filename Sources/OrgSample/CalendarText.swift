/// How the generated calendars write iCalendar text, the same way for the sample's and the synthetic
/// organization's.
enum CalendarText {
    /// Outlook writes Windows zone names, with a VTIMEZONE saying what they mean.
    static let berlinZoneName = "W. Europe Standard Time"
    static let berlinZone = """
        BEGIN:VTIMEZONE\r
        TZID:W. Europe Standard Time\r
        BEGIN:STANDARD\r
        DTSTART:16010101T030000\r
        TZOFFSETFROM:+0200\r
        TZOFFSETTO:+0100\r
        RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r
        END:STANDARD\r
        BEGIN:DAYLIGHT\r
        DTSTART:16010101T020000\r
        TZOFFSETFROM:+0100\r
        TZOFFSETTO:+0200\r
        RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r
        END:DAYLIGHT\r
        END:VTIMEZONE\r

        """

    /// Lines longer than 75 octets continue on the next, after a space (RFC 5545, 3.1); Outlook folds this way,
    /// never inside a character.
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for character in line {
            let size = character.utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(character)
            count += size
        }
        return out
    }
}
