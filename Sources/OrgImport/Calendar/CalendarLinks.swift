import ICalendar
import OrgModel

/// How calendar meetings become links.
public struct CalendarOptions: Sendable {
    /// How much a meeting adds to each pair of its participants.
    public enum Weighting: String, Sendable, CaseIterable {
        /// 1/(n−1): each meeting adds 1 to each participant, shared among the others.
        case meetings
        /// The meeting's duration in hours/(n−1).
        case hours
    }

    /// Occurrences whose local start date is in [since, until) count.
    public var since: CalendarDate
    public var until: CalendarDate
    /// An occurrence with more participants says nothing about who works with whom (an all-hands).
    public var maxAttendees: Int
    public var weighting: Weighting
    /// Most occurrences one recurring series may produce in the window; past it the series is cut and said so.
    public var maxOccurrencesPerSeries: Int

    public static let defaultMaxAttendees = 25

    public init(since: CalendarDate, until: CalendarDate, maxAttendees: Int = CalendarOptions.defaultMaxAttendees, weighting: Weighting = .meetings, maxOccurrencesPerSeries: Int = 5_000) {
        self.since = since
        self.until = until
        self.maxAttendees = maxAttendees
        self.weighting = weighting
        self.maxOccurrencesPerSeries = maxOccurrencesPerSeries
    }
}

/// Why a meeting occurrence adds no link; every one is counted and printed.
public enum MeetingSkip: String, Sendable, CaseIterable, Comparable {
    case cancelled
    case allDay = "all-day"
    case tooFewParticipants = "with fewer than 2 participants"
    case tooManyParticipants = "with more than --max-attendees participants"
    /// Not left out: the meeting counts once, from the copy with the highest SEQUENCE.
    case duplicate = "copies of meetings already read in another file"
    case schedulingMessage = "in scheduling messages (REPLY, CANCEL...), not calendars"

    public static func < (a: MeetingSkip, b: MeetingSkip) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A problem confined to one event of one calendar file: the event was skipped, the import went on.
public struct SkippedEvent: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var problem: EventProblem

    public var description: String { "\(file): \(problem)" }
}

/// A calendar file read, waiting to be counted (``CalendarLinks/add(_:)``).
public struct ParsedCalendar: Sendable {
    fileprivate let result: ICalendarFileResult
}

/// One link found in a calendar or a chat export, between two people of the org chart given by index.
public struct FoundLink: Sendable, Hashable {
    public var a: Int
    public var b: Int
    public var weight: Double
    public var date: CalendarDate
}

/// Reads calendar files one by one and turns their meetings into links between people of an org chart.
///
/// The same meeting is in every attendee's export: an occurrence is identified by its UID and original start
/// (its RECURRENCE-ID, or the start its series gives it) and counted once across all the files of the import.
/// Where the files hold different versions of an event (an attendee's copy not updated since the organizer
/// moved the meeting or changed who comes), the version with the highest SEQUENCE wins for the whole event,
/// so a rescheduled meeting is not counted at its old time as well. Links are made once every file is read.
public struct CalendarLinks: Sendable {
    public let options: CalendarOptions
    private let reader: ICalendarReader
    private let window: DateWindow
    /// Each person's email, lowercased, to their index in the organization.
    private let people: [String: Int32]
    /// The kept version of each event, by UID.
    private var events: [String: Series] = [:]
    /// External addresses (nobody in the org chart), interned; negative participant numbers index them.
    private var externalIndex: [String: Int32] = [:]
    private var externals: [String] = []
    public private(set) var files = 0
    public private(set) var eventsRead = 0
    public private(set) var occurrencesRead = 0
    public private(set) var skips: [MeetingSkip: Int] = [:]
    public private(set) var skippedEvents: [SkippedEvent] = []
    /// Series cut at ``CalendarOptions/maxOccurrencesPerSeries``, with their file.
    public private(set) var cappedSeries: [(file: String, uid: String)] = []

    /// One event as the file with its highest SEQUENCE has it: its occurrences by original start.
    private struct Series {
        var version: Int
        var occurrences: [Int: Meeting]
    }

    /// What is kept of an occurrence: its participants as people indices (external addresses as -1 - n).
    private struct Meeting {
        var date: CalendarDate
        var hours: Double
        var skip: MeetingSkip?
        var participants: [Int32]
    }

    public init(organization: Organization, options: CalendarOptions) {
        self.options = options
        reader = ICalendarReader(maxOccurrencesPerSeries: options.maxOccurrencesPerSeries)
        window = DateWindow(since: Self.localDate(options.since), until: Self.localDate(options.until))
        var people: [String: Int32] = [:]
        for (i, person) in organization.people.enumerated() {
            guard let email = person.email?.lowercased(), people[email] == nil else { continue }
            people[email] = Int32(i)
        }
        self.people = people
    }

    /// Reads one calendar file. A file that is not iCalendar, or is cut short, is an error naming its line; a
    /// problem confined to one event skips that event, counted and named in ``skippedEvents``.
    public mutating func read(_ bytes: [UInt8], fileName: String) throws {
        add(try parse(bytes, fileName: fileName))
    }

    /// One file read into its occurrences, not yet counted: files can be parsed on several threads at once
    /// (this does not change the reader), then added one by one, in a fixed order, with ``add(_:)``.
    public func parse(_ bytes: [UInt8], fileName: String) throws -> ParsedCalendar {
        do {
            return ParsedCalendar(result: try reader.read(bytes, fileName: fileName, window: window))
        } catch {
            throw OrgMapError.invalidInput(file: fileName, problems: [InputProblem(line: error.line, message: error.message)], more: 0)
        }
    }

    /// Counts a parsed file's occurrences, keeping each meeting once across files.
    public mutating func add(_ parsed: ParsedCalendar) {
        let result = parsed.result
        let fileName = result.fileName
        files += 1
        eventsRead += result.eventCount
        occurrencesRead += result.occurrences.count
        count(.schedulingMessage, result.skipped[.method] ?? 0)
        skippedEvents += result.problems.map { SkippedEvent(file: fileName, problem: $0) }
        cappedSeries += result.cappedUIDs.map { (fileName, $0) }
        for (uid, occurrences) in Dictionary(grouping: result.occurrences, by: \.uid) {
            let version = occurrences.map(\.sequence).max() ?? 0
            let kept = events[uid]
            switch kept.map({ version - $0.version }) ?? 1 {
            case ..<0:
                count(.duplicate, occurrences.count)
            case 0:
                var series = kept!
                for occurrence in occurrences {
                    if series.occurrences[occurrence.originalStart] != nil {
                        count(.duplicate, 1)
                    } else {
                        series.occurrences[occurrence.originalStart] = meeting(occurrence)
                    }
                }
                events[uid] = series
            default:
                count(.duplicate, kept?.occurrences.count ?? 0)
                events[uid] = Series(version: version, occurrences: Dictionary(occurrences.map { ($0.originalStart, meeting($0)) }, uniquingKeysWith: { a, _ in a }))
            }
        }
    }

    private mutating func count(_ skip: MeetingSkip, _ n: Int) {
        if n > 0 { skips[skip, default: 0] += n }
    }

    private mutating func meeting(_ occurrence: Occurrence) -> Meeting {
        var skip: MeetingSkip?
        if occurrence.isCancelled {
            skip = .cancelled
        } else if occurrence.isAllDay {
            skip = .allDay
        } else if occurrence.participants.count < 2 {
            skip = .tooFewParticipants
        } else if occurrence.participants.count > options.maxAttendees {
            skip = .tooManyParticipants
        }
        let date = CalendarDate(year: occurrence.startDate.year, month: occurrence.startDate.month, day: occurrence.startDate.day)
        let participants: [Int32] = skip != nil ? [] : occurrence.participants.map { email in
            if let person = people[email] { return person }
            if let known = externalIndex[email] { return -1 - known }
            externalIndex[email] = Int32(externals.count)
            externals.append(email)
            return -Int32(externals.count)
        }
        // The window holds the local start date: a valid day by construction.
        return Meeting(date: date ?? options.since, hours: Double(occurrence.durationSeconds) / 3600, skip: skip, participants: participants)
    }

    /// The counted meetings, and what they add up to.
    public struct Result: Sendable {
        /// Every pair of people of the org chart who met, per meeting, weighted 1/(n−1) or hours/(n−1).
        public var links: [FoundLink]
        /// Meetings that added links, or would have with people of the org chart.
        public var counted: Int
        public var skips: [MeetingSkip: Int]
        /// Addresses of participants who are nobody in the org chart, with how many counted meetings they were in.
        public var externals: [String: Int]
    }

    /// Turns the kept meetings into links, after every file is read.
    public func links() -> Result {
        var links: [FoundLink] = []
        var skips = self.skips
        var external: [String: Int] = [:]
        var counted = 0
        // In a fixed order, so the same calendars always store the same rows.
        let ordered = events.flatMap { uid, series in series.occurrences.map { (uid: uid, start: $0.key, meeting: $0.value) } }
            .sorted { ($0.start, $0.uid) < ($1.start, $1.uid) }
        for (_, _, meeting) in ordered {
            if let skip = meeting.skip {
                skips[skip, default: 0] += 1
                continue
            }
            counted += 1
            let share = (options.weighting == .hours ? meeting.hours : 1) / Double(meeting.participants.count - 1)
            let present = meeting.participants.filter { $0 >= 0 }
            for p in meeting.participants where p < 0 { external[externals[Int(-1 - p)], default: 0] += 1 }
            guard share > 0 else { continue }
            for i in present.indices {
                for j in present.indices where j > i && present[i] != present[j] {
                    links.append(FoundLink(a: Int(present[i]), b: Int(present[j]), weight: share, date: meeting.date))
                }
            }
        }
        return Result(links: links, counted: counted, skips: skips, externals: external)
    }

    private static func localDate(_ date: CalendarDate) -> LocalDate {
        LocalDate(year: date.year, month: date.month, day: date.day)
    }
}
