import Foundation
import OrgModel
import OrgSample

/// `orgmap generate`: a deterministic synthetic organization written as an org chart and a links file, and
/// on request as calendars.
public enum SyntheticFiles {
    /// What was written, as paths.
    public struct Written: Sendable, Equatable {
        public var people: String
        public var links: String
        /// The calendars' folder and how many files it holds; nil when none were asked for.
        public var calendars: String?
        public var calendarFiles = 0
        /// The org chart as a workbook, when asked for.
        public var peopleWorkbook: String?
    }

    /// Writes `people.csv` and `links.csv` into `folder` (created if missing), with `workbook` the org chart
    /// also as `people.xlsx`, and with `calendars` one `.ics` file a person into its `calendars` folder.
    public static func write(_ options: SyntheticOrg.Options, layout: SyntheticOrg.LinkLayout, calendars: SyntheticCalendars.Options? = nil, workbook: Bool = false, into folder: String) throws -> Written {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OrgMapError.unwritableFile(path: folder, reason: error.localizedDescription)
        }
        let org = SyntheticOrg(options)
        let base = URL(fileURLWithPath: folder)
        var written = Written(people: base.appendingPathComponent("people.csv").path, links: base.appendingPathComponent("links.csv").path)
        try org.writePeople(to: written.people)
        try org.writeLinks(to: written.links, layout: layout)
        if workbook {
            let path = base.appendingPathComponent("people.xlsx").path
            // The day the calendars end, so the same options give the same bytes.
            try org.writePeopleWorkbook(to: path, generated: CalendarDate(year: 2026, month: 11, day: 1)!)
            written.peopleWorkbook = path
        }
        if let calendars {
            let path = base.appendingPathComponent("calendars").path
            written.calendarFiles = try SyntheticCalendars(org, options: calendars).write(into: path)
            written.calendars = path
        }
        return written
    }
}
