import Foundation
import Logging
import OrgImport
import OrgModel
import OrgSample
import OrgStore

/// The whole job on the sample organization embedded in the binary, in a database in memory.
public enum Demo {
    /// Imports the sample org chart and its links and renders the report in `format`; nothing touches the disk.
    public static func report(format: ReportFormat) throws -> String {
        format.render(try AnalysisRequest().analyze(try sampleDatabase()))
    }

    /// Imports the sample and renders its plan of introductions (`orgmap plan`) in `format`.
    public static func plan(format: PlanFormat) throws -> String {
        format.render(try PlanRequest().run(try sampleDatabase()))
    }

    /// A database in memory holding the sample org chart and its links.
    private static func sampleDatabase() throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        let silent = Logger(label: "orgmap.demo") { _ in SwiftLogNoOpLogHandler() }
        try PeopleImport(source: .bytes(SampleOrg.people, name: SampleOrg.peopleFileName), asOf: SampleOrg.asOf)
            .run(into: .database(db), logger: silent)
        try LinksImport(source: .bytes(SampleOrg.links, name: SampleOrg.linksFileName)).run(in: db, logger: silent)
        return db
    }

    /// Writes the sample's files into `folder` (replacing files of the same names): the org chart, its links as
    /// a CSV, and the same links as calendars, one `.ics` file a person, in ``SampleCalendars/folderName``.
    /// Returns the paths of the two CSV files and of the calendars' folder.
    public static func writeSample(into folder: String) throws -> [String] {
        let base = URL(fileURLWithPath: folder)
        var written = try [(SampleOrg.peopleFileName, SampleOrg.people), (SampleOrg.linksFileName, SampleOrg.links)].map { name, bytes in
            let path = base.appendingPathComponent(name).path
            try OutputFile.create(bytes, at: path, replacing: true)
            return path
        }
        let calendars = base.appendingPathComponent(SampleCalendars.folderName)
        do {
            try FileManager.default.createDirectory(at: calendars, withIntermediateDirectories: true)
        } catch {
            throw OrgMapError.unwritableFile(path: calendars.path, reason: error.localizedDescription)
        }
        for file in SampleCalendars.files {
            try OutputFile.create(Array(file.text.utf8), at: calendars.appendingPathComponent(file.name).path, replacing: true)
        }
        written.append(calendars.path)
        return written
    }
}
