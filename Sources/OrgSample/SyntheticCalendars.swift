import Foundation
import OrgModel

/// A year of a ``SyntheticOrg``'s meetings as calendars, one `.ics` export per person: what
/// `orgmap import links` reads from a real organization, at any size, for the calendar benchmark and tests.
///
/// Every meeting is in the file of everyone invited, as real exports are, so the importer has to count it once.
/// The mix is a working year's: daily stand-ups of engineering teams (their office's public holidays excluded),
/// weekly or fortnightly 1:1s with each manager (a few instances moved or cancelled, a few series updated by the
/// manager while the report's copy is stale and lists someone since removed), team meetings, a monthly all-hands
/// per department (too crowded to say who works with whom but in small departments), one-off meetings of 2 to
/// 6 people, some across departments (more when a manager calls them), and all-day out-of-office days. The
/// organization's planted gaps hold: no meeting joins a pair they keep apart.
///
/// London and New York write IANA zone names, Google-style (the organizer also listed as an attendee); Berlin
/// writes Outlook's Windows zone name with its VTIMEZONE. Lines end in CRLF and fold at 75 octets.
public struct SyntheticCalendars: Sendable {
    public struct Options: Sendable {
        /// The first day left out: the meetings start in the `days` days before it, the window
        /// `orgmap import links` reads for a snapshot as of that day.
        public var until = CalendarDate(year: 2026, month: 11, day: 1)!
        public var days = 365
        public init() {}
    }

    public let organization: SyntheticOrg
    public let options: Options

    public init(_ organization: SyntheticOrg, options: Options = Options()) {
        self.organization = organization
        self.options = options
    }

    /// One-off meetings a year, per person: with the recurring ones, about 250 meeting occurrences per
    /// person's file.
    static let oneOffMeetingsPerPerson = 7

    /// Writes the file of each person with a meeting into `folder` (created if missing), named after their
    /// email (`e12.ics`), and returns how many. The meetings are planned first, each VEVENT's text once;
    /// the files are then written one at a time.
    public func write(into folder: String) throws -> Int {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OrgMapError.unwritableFile(path: folder, reason: error.localizedDescription)
        }
        let agenda = plan()
        var written = 0
        for (person, events) in agenda.files.enumerated() where !events.isEmpty {
            let name = "\(SyntheticOrg.email(person).prefix { $0 != "@" }).ics"
            var out = try BufferedFileWriter(path: URL(fileURLWithPath: folder).appendingPathComponent(name).path)
            let outlook = agenda.offices[person] == .berlin
            out.write("BEGIN:VCALENDAR\r\nPRODID:\(outlook ? "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN" : "-//Google Inc//Google Calendar 70.9054//EN")\r\n")
            out.write("VERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n\(CalendarText.fold("X-WR-CALNAME:\(SyntheticOrg.name(person))"))\r\n")
            if events.contains(where: { agenda.usesBerlinZone[$0] }) { out.write(CalendarText.berlinZone) }
            for event in events { out.write(agenda.events[event]) }
            out.write("END:VCALENDAR\r\n")
            try out.close()
            written += 1
        }
        return written
    }

    /// Every meeting of the year, in a fixed order from a fixed seed: the same options give the same files.
    private func plan() -> Agenda {
        let last = options.until.daysSinceEpoch
        var planner = Planner(organization, days: (last - options.days)..<last, seed: organization.options.seed &+ 0xCA1E_0DA5)
        planner.standUps()
        planner.oneOnOnes()
        planner.teamMeetings()
        planner.allHands()
        planner.oneOffMeetings(Self.oneOffMeetingsPerPerson * organization.members.count)
        planner.outOfOffice()
        return planner.agenda
    }
}

/// The planned VEVENTs, each written once, and which of them each person's file holds.
private struct Agenda {
    let offices: [Office]
    private(set) var events: [String] = []
    /// Whether each event's times name Berlin's Windows zone, so that the files holding it need its VTIMEZONE.
    private(set) var usesBerlinZone: [Bool] = []
    /// Indices in `events`, by person.
    private(set) var files: [[Int]]

    init(offices: [Office]) {
        self.offices = offices
        files = Array(repeating: [], count: offices.count)
    }

    mutating func add(_ meeting: Meeting, to people: [Int]) {
        events.append(meeting.text)
        usesBerlinZone.append(meeting.office == .berlin && !meeting.isAllDay)
        for person in people { files[person].append(events.count - 1) }
    }
}

/// Where a person works: the zone their meetings are written in and the public holidays their stand-ups skip.
private enum Office: CaseIterable {
    case london, newYork, berlin

    var timeZoneID: String {
        switch self {
        case .london: "Europe/London"
        case .newYork: "America/New_York"
        case .berlin: CalendarText.berlinZoneName
        }
    }

    var room: String {
        switch self {
        case .london: "Thames"
        case .newYork: "Hudson"
        case .berlin: "Spree"
        }
    }

    /// A few public holidays of `year`, as day numbers (days since 1970-01-01), weekends included.
    func holidays(in year: Int) -> [Int] {
        func day(_ month: Int, _ day: Int) -> Int { CalendarDate(year: year, month: month, day: day)!.daysSinceEpoch }
        let easter = Self.easter(year)
        switch self {
        case .london: return [day(1, 1), easter - 2, easter + 1, day(12, 25), day(12, 26)]
        case .berlin: return [day(1, 1), easter - 2, easter + 1, day(5, 1), day(10, 3), day(12, 25), day(12, 26)]
        case .newYork:
            // Thanksgiving: the fourth Thursday of November.
            let november = day(11, 1)
            let thanksgiving = november + (3 - WallTime.weekday(november) + 7) % 7 + 21
            return [day(1, 1), day(7, 4), thanksgiving, day(12, 25)]
        }
    }

    /// Easter Sunday of `year` as a day number (the anonymous Gregorian algorithm).
    static func easter(_ year: Int) -> Int {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)!.daysSinceEpoch
    }
}

/// A wall-clock time in an office's zone: a day number (days since 1970-01-01) and minutes after midnight.
private struct WallTime {
    var day: Int
    var minute: Int

    /// `YYYYMMDDTHHMMSS`, as DTSTART and its kin write a local time.
    var text: String { "\(Self.dateText(day))T\(Self.twoDigits(minute / 60))\(Self.twoDigits(minute % 60))00" }

    func adding(minutes: Int) -> WallTime { WallTime(day: day + (minute + minutes) / 1440, minute: (minute + minutes) % 1440) }

    /// `YYYYMMDD`.
    static func dateText(_ day: Int) -> String {
        let date = date(day)
        return "\(date.year)\(twoDigits(date.month))\(twoDigits(date.day))"
    }

    static func date(_ day: Int) -> CalendarDate { epoch.adding(days: day)! }

    /// 0 for Monday to 6 for Sunday; 1970-01-01 was a Thursday.
    static func weekday(_ day: Int) -> Int { ((day % 7) + 10) % 7 }

    private static let epoch = CalendarDate(year: 1970, month: 1, day: 1)!
    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// One VEVENT, before it is written: a meeting, a series, one changed instance of a series, or a day out.
private struct Meeting {
    enum Timing {
        case timed(start: WallTime, minutes: Int)
        /// All-day, from a day number for `days` days.
        case allDay(first: Int, days: Int)
    }

    var uid: String
    var summary: String
    var organizer: Int
    var attendees: [Int]
    var declined: [Int] = []
    /// The organizer's, whose zone the times are written in.
    var office: Office
    var timing: Timing
    var rule: String?
    var exceptions: [WallTime] = []
    /// For one changed instance of a series: the start it had.
    var recurrenceID: WallTime?
    var sequence = 0
    var isCancelled = false
    var hasRoom = false
    var hasAlarm = true
    var stamp: String

    var isAllDay: Bool { if case .allDay = timing { true } else { false } }

    var text: String {
        let zone = office.timeZoneID
        var lines = ["BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:\(stamp)", "SEQUENCE:\(sequence)"]
        switch timing {
        case .timed(let start, let minutes):
            lines += ["DTSTART;TZID=\(zone):\(start.text)", "DTEND;TZID=\(zone):\(start.adding(minutes: minutes).text)"]
        case .allDay(let first, let days):
            lines += ["DTSTART;VALUE=DATE:\(WallTime.dateText(first))", "DTEND;VALUE=DATE:\(WallTime.dateText(first + days))"]
            lines += ["TRANSP:TRANSPARENT", "X-MICROSOFT-CDO-BUSYSTATUS:OOF"]
        }
        if let rule { lines.append("RRULE:\(rule)") }
        if !exceptions.isEmpty { lines.append("EXDATE;TZID=\(zone):\(exceptions.map(\.text).joined(separator: ","))") }
        if let recurrenceID { lines.append("RECURRENCE-ID;TZID=\(zone):\(recurrenceID.text)") }
        lines += ["SUMMARY:\(summary)", "STATUS:\(isCancelled ? "CANCELLED" : "CONFIRMED")"]
        lines.append("ORGANIZER;CN=\(SyntheticOrg.name(organizer)):mailto:\(SyntheticOrg.email(organizer))")
        // Google lists the organizer among the attendees too; Outlook does not.
        let listed = (office == .berlin || attendees.isEmpty ? [] : [organizer]) + attendees
        for person in listed {
            lines.append("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=\(SyntheticOrg.name(person)):mailto:\(SyntheticOrg.email(person))")
        }
        for person in declined {
            lines.append("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=OPT-PARTICIPANT;PARTSTAT=DECLINED;CN=\(SyntheticOrg.name(person)):mailto:\(SyntheticOrg.email(person))")
        }
        if hasRoom {
            lines.append("ATTENDEE;CUTYPE=ROOM;ROLE=NON-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Room \(office.room):mailto:room-\(office.room.lowercased())@example.com")
        }
        if hasAlarm { lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Reminder", "TRIGGER:-PT10M", "END:VALARM"] }
        lines.append("END:VEVENT")
        return lines.map { CalendarText.fold($0) + "\r\n" }.joined()
    }
}

/// Plans the year's meetings kind by kind, drawing from one generator.
private struct Planner {
    let org: SyntheticOrg
    /// Day numbers of the window.
    let days: Range<Int>
    var rng: SplitMix64
    var agenda: Agenda
    let stamp: String
    private var uids = 0

    init(_ org: SyntheticOrg, days: Range<Int>, seed: UInt64) {
        self.org = org
        self.days = days
        var rng = SplitMix64(seed: seed)
        // Each department has an office; one person in five works from another.
        let offices = org.members.indices.map { person in
            let home = Office.allCases[org.members[person].department % 3]
            return rng.chance(0.2) ? Office.allCases[rng.below(3)] : home
        }
        self.rng = rng
        agenda = Agenda(offices: offices)
        stamp = WallTime.dateText(days.upperBound) + "T060000Z"
    }

    /// Daily at 09:30 to 10:00 for each engineering team under a manager below the head of department, but on
    /// the public holidays of the manager's office; a few teams formed during the year.
    mutating func standUps() {
        let heads = Set(org.heads)
        for lead in org.members.indices where !org.reports[lead].isEmpty && isEngineering(lead) && lead > 1 && !heads.contains(lead) {
            let office = agenda.offices[lead]
            let first = rng.chance(0.15) ? days.lowerBound + 30 + rng.below(270) : days.lowerBound - 7 - rng.below(400)
            let start = WallTime(day: weekday(onOrAfter: first, among: 0..<5), minute: 570 + 15 * (lead % 3))
            let years = Set([days.lowerBound, days.upperBound - 1].map { WallTime.date($0).year })
            let holidays = years.sorted().flatMap { office.holidays(in: $0) }
                .filter { $0 >= max(start.day, days.lowerBound) && $0 < days.upperBound && WallTime.weekday($0) < 5 }.sorted()
            let team = org.reports[lead].filter { admits($0, [lead]) }
            agenda.add(meeting(
                "Stand-up: team \(firstName(lead))", organizer: lead, attendees: team, start: start, minutes: 15,
                rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", exceptions: holidays.map { WallTime(day: $0, minute: start.minute) }
            ), to: [lead] + team)
        }
    }

    /// Each manager with each report, weekly or fortnightly, Monday to Thursday so that an instance moved a day
    /// later stays in the week. A few series have one instance moved or cancelled, in both files; in a few the
    /// manager removed an onboarding buddy (SEQUENCE:1) and the report's copy still lists them (SEQUENCE:0).
    mutating func oneOnOnes() {
        for report in org.members.indices {
            guard let manager = org.members[report].manager, admits(report, [manager]) else { continue }
            let interval = rng.chance(0.35) ? 1 : 2
            let slot = org.reports[manager].firstIndex(of: report)!
            let dayOfWeek = report % 4
            let start = WallTime(day: weekday(onOrAfter: days.lowerBound - 7 - rng.below(300), among: dayOfWeek..<dayOfWeek + 1), minute: 600 + 30 * (slot % 12))
            let rule = "FREQ=WEEKLY\(interval == 2 ? ";INTERVAL=2" : "");BYDAY=\(["MO", "TU", "WE", "TH"][dayOfWeek])"
            var series = meeting("1:1 \(firstName(manager)) / \(firstName(report))", organizer: manager, attendees: [report], start: start, minutes: 30, rule: rule)
            let roll = rng.unit()
            let buddy = org.reports[manager].first { $0 != report }
            if roll < 0.06, let instance = instance(of: start, every: 7 * interval) {
                // Moved an hour or a day later, or cancelled: one instance overridden, in both files.
                var changed = series
                (changed.rule, changed.recurrenceID) = (nil, instance)
                if roll < 0.02 {
                    changed.isCancelled = true
                    changed.timing = .timed(start: instance, minutes: 30)
                } else {
                    changed.timing = .timed(start: instance.adding(minutes: rng.chance(0.5) ? 60 : 1440), minutes: 30)
                }
                agenda.add(series, to: [manager, report])
                agenda.add(changed, to: [manager, report])
            } else if roll < 0.09, let buddy {
                series.summary = "Onboarding 1:1 \(firstName(manager)) / \(firstName(report))"
                var stale = series
                stale.attendees.append(buddy)
                series.sequence = 1
                agenda.add(series, to: [manager])
                agenda.add(stale, to: [report])
            } else {
                agenda.add(series, to: [manager, report])
            }
        }
    }

    /// Each manager with all their reports, in a room: fortnightly sprint planning in engineering, a weekly
    /// team meeting elsewhere; in some teams one person declined the series.
    mutating func teamMeetings() {
        for manager in org.members.indices where !org.reports[manager].isEmpty {
            var team: [Int] = []
            for report in org.reports[manager] where admits(report, [manager] + team) { team.append(report) }
            let engineering = isEngineering(manager)
            let start = WallTime(day: weekday(onOrAfter: days.lowerBound - 7 - rng.below(200), among: engineering ? 0..<1 : 1..<2), minute: 660)
            var series = meeting(
                engineering ? "Sprint planning" : "Team meeting: \(firstName(manager))'s team", organizer: manager, attendees: team,
                start: start, minutes: 60, rule: engineering ? "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO" : "FREQ=WEEKLY;BYDAY=TU")
            series.hasRoom = true
            if team.count > 2, rng.chance(0.1) { series.declined = [series.attendees.removeLast()] }
            agenda.add(series, to: [manager] + team)
        }
    }

    /// Each department's head with everyone in it, on the first Thursday of every month.
    mutating func allHands() {
        for (department, people) in org.byDepartment.enumerated() {
            let head = org.heads[department]
            let everyone = people.filter { $0 != head }
            let month = WallTime.date(days.lowerBound - 40)
            let firstOfMonth = CalendarDate(year: month.year, month: month.month, day: 1)!.daysSinceEpoch
            var series = meeting(
                "All-hands: \(org.departmentNames[department])", organizer: head, attendees: everyone,
                start: WallTime(day: weekday(onOrAfter: firstOfMonth, among: 3..<4), minute: 960), minutes: 60, rule: "FREQ=MONTHLY;BYDAY=1TH")
            series.hasRoom = true
            agenda.add(series, to: people)
        }
    }

    /// `count` meetings of 2 to 6 people on working days of the window, mostly in the organizer's team or
    /// department; one in ten across departments, one in four when a manager calls them (about 15% in all). A
    /// few are cancelled, some have a room or someone who declined.
    mutating func oneOffMeetings(_ count: Int) {
        let managers = org.members.indices.filter { !org.reports[$0].isEmpty }
        let subjects = ["Roadmap review", "Pricing sync", "Incident review", "Customer escalation", "Hiring debrief", "Design review", "Budget check-in", "Quarterly goals", "Launch readiness", "Coffee chat"]
        let sizes = [2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6]
        for _ in 0..<count {
            let byManager = rng.chance(0.3)
            let organizer = byManager ? managers[rng.below(managers.count)] : rng.below(org.members.count)
            let crossing = rng.chance(byManager ? 0.25 : 0.1)
            let size = sizes[rng.below(sizes.count)]
            var group = [organizer]
            for attempt in 0..<20 where group.count < size {
                let guest = crossing && attempt == 0 ? fromAnotherDepartment(than: organizer) : colleague(of: organizer)
                if !group.contains(guest) && admits(guest, group) { group.append(guest) }
            }
            guard group.count > 1 else { continue }
            let day = weekday(onOrAfter: days.lowerBound + rng.below(days.count - 3), among: 0..<5)
            var event = meeting(
                subjects[rng.below(subjects.count)], organizer: organizer, attendees: Array(group.dropFirst()),
                start: WallTime(day: day, minute: 540 + 30 * rng.below(16)), minutes: rng.chance(0.5) ? 30 : 60)
            event.isCancelled = rng.chance(0.03)
            event.hasRoom = rng.chance(0.25)
            event.hasAlarm = rng.chance(0.7)
            if rng.chance(0.1) {
                let other = colleague(of: organizer)
                if !group.contains(other) { event.declined = [other] }
            }
            agenda.add(event, to: group + event.declined)
        }
    }

    /// Two people in five take one to five days off once, in their own calendar only.
    mutating func outOfOffice() {
        for person in org.members.indices where rng.chance(0.4) {
            let first = weekday(onOrAfter: days.lowerBound + rng.below(days.count - 12), among: 0..<5)
            var event = meeting("Out of office", organizer: person, attendees: [], start: WallTime(day: first, minute: 0), minutes: 0)
            event.timing = .allDay(first: first, days: [1, 1, 2, 3, 5][rng.below(5)])
            event.hasAlarm = false
            agenda.add(event, to: [person])
        }
    }

    /// A timed meeting written in the organizer's zone, with a fresh UID.
    private mutating func meeting(_ summary: String, organizer: Int, attendees: [Int], start: WallTime, minutes: Int, rule: String? = nil, exceptions: [WallTime] = []) -> Meeting {
        uids += 1
        let uid = String(rng.next(), radix: 16) + "-\(uids)@example.com"
        return Meeting(
            uid: uid, summary: summary, organizer: organizer, attendees: attendees, office: agenda.offices[organizer],
            timing: .timed(start: start, minutes: minutes), rule: rule, exceptions: exceptions, stamp: stamp)
    }

    /// An instance of a series well inside the window (none when the window is too short), so that moving it a
    /// day keeps it there.
    private mutating func instance(of start: WallTime, every step: Int) -> WallTime? {
        let first = start.day >= days.lowerBound ? start.day : start.day + (days.lowerBound - start.day + step - 1) / step * step
        let count = (days.upperBound - 2 - first) / step
        guard count > 2 else { return nil }
        return WallTime(day: first + step * (1 + rng.below(count - 2)), minute: start.minute)
    }

    /// Someone in the person's team (their manager, fellow reports or own reports) or, half the time, department.
    private mutating func colleague(of person: Int) -> Int {
        let team = (org.team(of: person) ?? []) + org.reports[person]
        if !team.isEmpty && rng.chance(0.5) { return team[rng.below(team.count)] }
        let department = org.byDepartment[org.members[person].department]
        return department[rng.below(department.count)]
    }

    private mutating func fromAnotherDepartment(than person: Int) -> Int {
        let department = org.members[person].department
        var other = rng.below(org.members.count)
        while org.members[other].department == department { other = rng.below(org.members.count) }
        return other
    }

    /// Whether `person` can join `group` without closing a planted gap.
    private func admits(_ person: Int, _ group: [Int]) -> Bool {
        !group.contains { org.plantedGap($0, person) }
    }

    private func isEngineering(_ person: Int) -> Bool { org.isEngineering[org.members[person].department] }

    private func firstName(_ person: Int) -> String { String(SyntheticOrg.name(person).prefix { $0 != " " }) }

    /// The first day on or after `day` whose weekday (0 for Monday) is in `weekdays`.
    private func weekday(onOrAfter day: Int, among weekdays: Range<Int>) -> Int {
        var day = day
        while !weekdays.contains(WallTime.weekday(day)) { day += 1 }
        return day
    }
}

private extension SplitMix64 {
    /// A number in `0..<bound`. By remainder rather than the standard library's `random(in:)`, whose algorithm
    /// is not promised to stay the same: the files must not change with the toolchain.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }
}
