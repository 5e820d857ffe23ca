import Foundation
import Testing
@testable import ICalendar

/// Builds calendar text from lines and reads it with the engine.
enum Fixture {
    static let year2024 = DateWindow(since: date("2024-01-01"), until: date("2025-01-01"))

    /// Joins lines with CRLF (or the given line end).
    static func bytes(_ lines: [String], lineEnd: String = "\r\n") -> [UInt8] {
        Array((lines.joined(separator: lineEnd) + lineEnd).utf8)
    }

    /// Wraps VEVENT lines (and optional VTIMEZONE lines) in one VCALENDAR.
    static func calendar(_ body: [String], method: String? = nil) -> [String] {
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//orgmap//tests//EN"]
            + (method.map { ["METHOD:\($0)"] } ?? [])
            + body
            + ["END:VCALENDAR"]
    }

    /// One VEVENT with a UID, a DTSTART line and further property lines.
    static func event(_ uid: String, _ start: String, _ lines: [String] = []) -> [String] {
        ["BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:20240101T000000Z", start] + lines + ["END:VEVENT"]
    }

    static func read(_ lines: [String], window: DateWindow = year2024, lineEnd: String = "\r\n",
                     limit: Int = 5000) throws -> ICalendarFileResult {
        try ICalendarReader(maxOccurrencesPerSeries: limit)
            .read(bytes(lines, lineEnd: lineEnd), fileName: "test.ics", window: window)
    }

    /// Reads a file from Tests/ICalendarTests/Fixtures.
    static func readFixture(_ name: String, window: DateWindow = year2024) throws -> ICalendarFileResult {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        let data = try Data(contentsOf: url)
        return try ICalendarReader().read(Array(data), fileName: name, window: window)
    }

    /// Reads and expects a file-level error.
    static func error(_ bytes: [UInt8]) -> ICalendarError? {
        do {
            _ = try ICalendarReader().read(bytes, fileName: "broken.ics", window: year2024)
            return nil
        } catch {
            return error
        }
    }
}

/// `"2024-03-31"` as a `LocalDate`.
func date(_ text: String) -> LocalDate {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    return LocalDate(year: parts[0], month: parts[1], day: parts[2])
}

func window(_ since: String, _ until: String) -> DateWindow {
    DateWindow(since: date(since), until: date(until))
}

/// `"20240325T080000Z"` as seconds since 1970 (computed independently with Foundation).
func utc(_ text: String) -> Int {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
    return Int(formatter.date(from: text)?.timeIntervalSince1970 ?? -1)
}

extension ICalendarFileResult {
    /// Local start dates of all occurrences, as ISO strings.
    var dates: [String] {
        occurrences.map(\.startDate.description)
    }

    func occurrences(uid: String) -> [Occurrence] {
        occurrences.filter { $0.uid == uid }
    }
}

extension Occurrence {
    /// Local wall-clock `HH:mm` of the start in an IANA zone (via Foundation, as an oracle).
    func localTime(in identifier: String) -> String {
        let zone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(start)))
        let secondOfDay = ((start + offset) % 86_400 + 86_400) % 86_400
        let hour = secondOfDay / 3600, minute = secondOfDay / 60 % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
