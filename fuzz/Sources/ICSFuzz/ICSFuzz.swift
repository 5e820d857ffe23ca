#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FuzzerDriver
import ICalendar
import OrgImport
import OrgModel

@main
enum ICSFuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
}

/// Three people to link, so inputs that name them exercise the whole path from bytes to links.
private let organization = Organization(people: [
    Person(key: "1", name: "Ann Lee", email: "ann@x.io", department: "Engineering"),
    Person(key: "2", name: "Ben Ode", email: "ben@x.io", department: "Sales"),
    Person(key: "3", name: "Cy Park", email: "cy@x.io", department: "Engineering", managerKey: "1"),
])

/// One fuzz input, as a calendar file: the reader either returns occurrences (bounded in number, each with a
/// day inside the window) or throws a file-level error naming a line; the occurrences then become links with
/// finite, positive weights between distinct people. Anything else traps: a crash, a hang past the timeout, an
/// unbounded allocation.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let since = CalendarDate(year: 2026, month: 1, day: 1)!, until = CalendarDate(year: 2027, month: 1, day: 1)!
    let window = DateWindow(since: LocalDate(year: 2026, month: 1, day: 1), until: LocalDate(year: 2027, month: 1, day: 1))
    let reader = ICalendarReader(maxOccurrencesPerSeries: 500, maxOccurrencesPerFile: 5_000)
    do {
        let result = try reader.read(bytes, fileName: "fuzz.ics", window: window)
        precondition(result.occurrences.count <= 5_000, "the file cap was passed")
        for occurrence in result.occurrences {
            precondition(occurrence.startDate >= window.since && occurrence.startDate < window.until, "an occurrence outside the window")
            precondition(Set(occurrence.participants).count == occurrence.participants.count, "a participant twice")
        }
        for problem in result.problems { precondition(problem.line >= 1 && !problem.message.isEmpty) }
    } catch {
        precondition(error.line >= 1 && !error.message.isEmpty && error.fileName == "fuzz.ics", "an error without its line")
    }
    var links = CalendarLinks(organization: organization, options: CalendarOptions(since: since, until: until, maxAttendees: 25, weighting: size % 2 == 0 ? .meetings : .hours, maxOccurrencesPerSeries: 500))
    do {
        try links.read(bytes, fileName: "fuzz.ics")
        try links.read(bytes, fileName: "copy.ics")
        for link in links.links().links {
            precondition(link.a != link.b && link.weight.isFinite && link.weight > 0, "a bad link")
            precondition(link.date >= since && link.date < until, "a link outside the window")
        }
    } catch let error as OrgMapError {
        guard case let .invalidInput(file, problems, _) = error, file == "fuzz.ics", problems.count == 1 else {
            fatalError("unexpected error: \(error)")
        }
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}
