import Foundation
import Logging
import OrgImport
import OrgSample
import OrgStore

/// The whole job on the sample organization embedded in the binary, in a database in memory.
public enum Demo {
    /// Imports the sample org chart and its links and renders the report in `format`; nothing touches the disk.
    public static func report(format: ReportFormat) throws -> String {
        let db = try AppDatabase.inMemory()
        let silent = Logger(label: "orgmap.demo") { _ in SwiftLogNoOpLogHandler() }
        try PeopleImport(source: .bytes(SampleOrg.people, name: SampleOrg.peopleFileName), asOf: SampleOrg.asOf)
            .run(into: .database(db), logger: silent)
        try LinksImport(source: .bytes(SampleOrg.links, name: SampleOrg.linksFileName)).run(in: db, logger: silent)
        return format.render(try AnalysisRequest().analyze(db))
    }

    /// Writes the sample's files into `folder` (replacing files of the same names) and returns their paths.
    public static func writeSample(into folder: String) throws -> [String] {
        try [(SampleOrg.peopleFileName, SampleOrg.people), (SampleOrg.linksFileName, SampleOrg.links)].map { name, bytes in
            let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
            try OutputFile.create(bytes, at: path, replacing: true)
            return path
        }
    }
}
