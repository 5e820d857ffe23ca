/// The sample organization's collaboration as calendars: one `.ics` export per person, as each would download
/// theirs, holding the same meetings as ``SampleOrg/links`` (one 2-person meeting a row, on its day), so that
/// importing the folder gives the very report the links file gives.
///
/// Written the way real exports are: each meeting in both attendees' files (imported once), a time zone per
/// office (IANA names, and Outlook's Windows name with its VTIMEZONE for Berlin), folded lines, alarms, rooms
/// and declined attendees (who add nothing), and a few meetings that must not count: a cancelled one, an
/// all-hands of everyone, a reply to an invitation.
public enum SampleCalendars {
    /// The folder `orgmap demo --write-sample` writes the files into.
    public static let folderName = "northwind-calendars"

    /// `(file name, contents)` for every person with a meeting, sorted by file name.
    public static var files: [(name: String, text: String)] {
        let people = rows(SampleOrg.people).map { Attendee(fields: $0) }
        let byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var events: [String: [String]] = [:]
        var slot: [String: Int] = [:]
        for (n, row) in rows(SampleOrg.links).enumerated() {
            guard let organizer = byID[row[0]], let guest = byID[row[1]] else { continue }
            let date = row[4]
            // Several meetings of one pair on one day take consecutive hours from 09:00.
            let hour = 9 + slot["\(organizer.id)-\(guest.id)-\(date)", default: 0]
            slot["\(organizer.id)-\(guest.id)-\(date)", default: 0] += 1
            let event = meeting(uid: "nw-\(n + 1)@northwindlabs.com", organizer: organizer, attendees: [guest], date: date, hour: hour, kind: row[3], room: n % 7 == 0, declined: n % 11 == 0 ? people[(n * 7) % people.count] : nil)
            for person in [organizer, guest] { events[person.file, default: []].append(event) }
        }
        // Meetings that add nothing: an all-hands of everyone, a cancelled 1:1, a reply to an invitation.
        let ceo = people[0]
        events[ceo.file, default: []].append(meeting(uid: "all-hands-2026-10@northwindlabs.com", organizer: ceo, attendees: Array(people.dropFirst()), date: "2026-10-02", hour: 16, kind: "All hands"))
        if let cto = byID["NW002"] {
            events[cto.file, default: []].append(meeting(uid: "cancelled-2026-09@northwindlabs.com", organizer: cto, attendees: [ceo], date: "2026-09-15", hour: 15, kind: "1:1", status: "CANCELLED"))
        }
        return events.keys.sorted().map { file in
            let person = people.first { $0.file == file }!
            var text = "BEGIN:VCALENDAR\r\nPRODID:-//Northwind Labs//Sample calendar export//EN\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:\(person.name)\r\n"
            if person.zone == berlin { text += CalendarText.berlinZone }
            text += events[file]!.joined() + "END:VCALENDAR\r\n"
            if person.id == "NW004" {
                // A reply sent back to an organizer, saved among the exports: a scheduling message, not a calendar.
                text += "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:nw-1@northwindlabs.com\r\nDTSTAMP:20260901T080000Z\r\nDTSTART:20260901T090000Z\r\nORGANIZER:mailto:daniel.okafor@northwindlabs.com\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:marcus.reid@northwindlabs.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            }
            return (file, text)
        }
    }

    private struct Attendee {
        var id: String
        var name: String
        var email: String
        var zone: String
        var file: String

        init(fields f: [String]) {
            id = f[0]
            name = f[1]
            email = f[2]
            zone = switch f.count > 8 ? f[8] : "" {
            case "Berlin", "Madrid", "Stockholm": berlin
            case "New York": "America/New_York"
            default: "Europe/London"
            }
            file = email.split(separator: "@")[0] + ".ics"
        }
    }

    private static let berlin = CalendarText.berlinZoneName

    private static func meeting(
        uid: String, organizer: Attendee, attendees: [Attendee], date: String, hour: Int, kind: String,
        room: Bool = false, declined: Attendee? = nil, status: String = "CONFIRMED"
    ) -> String {
        let day = date.replacingOccurrences(of: "-", with: "")
        let start = "\(day)T\(hour < 10 ? "0" : "")\(hour)0000"
        let end = "\(day)T\(hour + 1 < 10 ? "0" : "")\(hour + 1)0000"
        var lines = [
            "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:20260830T120000Z", "SEQUENCE:0",
            "DTSTART;TZID=\(organizer.zone):\(start)", "DTEND;TZID=\(organizer.zone):\(end)",
            "SUMMARY:\(summary(kind, organizer, attendees))", "STATUS:\(status)",
            "ORGANIZER;CN=\(organizer.name):mailto:\(organizer.email)",
        ]
        for attendee in attendees {
            lines.append(CalendarText.fold("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=\(attendee.name):mailto:\(attendee.email)"))
        }
        if let declined, declined.id != organizer.id, !attendees.contains(where: { $0.id == declined.id }) {
            lines.append(CalendarText.fold("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=OPT-PARTICIPANT;PARTSTAT=DECLINED;CN=\(declined.name):mailto:\(declined.email)"))
        }
        if room {
            lines.append(CalendarText.fold("ATTENDEE;CUTYPE=ROOM;ROLE=NON-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Room \(organizer.zone == berlin ? "Spree" : "Thames"):mailto:room-\(organizer.zone == berlin ? "spree" : "thames")@northwindlabs.com"))
        }
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT10M", "ATTENDEE:mailto:\(organizer.email)", "END:VALARM", "END:VEVENT"]
        return lines.map { $0 + "\r\n" }.joined()
    }

    private static func summary(_ kind: String, _ organizer: Attendee, _ attendees: [Attendee]) -> String {
        let names = ([organizer] + attendees).prefix(2).map { $0.name.split(separator: " ")[0] }.joined(separator: " / ")
        return switch kind {
        case "1:1": "1:1 \(names)"
        case "chat": "Quick sync \(names)"
        case "project": "Project review\\, \(names)"
        default: "\(kind.prefix(1).uppercased() + kind.dropFirst()) \(names)"
        }
    }

    /// The rows of a sample CSV (no quoted fields), header dropped.
    private static func rows(_ bytes: [UInt8]) -> [[String]] {
        String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
}
