import Foundation
import OrgModel
import OrgSample

/// `orgmap generate`: a deterministic synthetic organization written as an org chart and a links file.
public enum SyntheticFiles {
    /// Writes `people.csv` and `links.csv` into `folder` (created if missing) and returns their paths.
    public static func write(_ options: SyntheticOrg.Options, layout: SyntheticOrg.LinkLayout, into folder: String) throws -> (people: String, links: String) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OrgMapError.unwritableFile(path: folder, reason: error.localizedDescription)
        }
        let org = SyntheticOrg(options)
        let people = URL(fileURLWithPath: folder).appendingPathComponent("people.csv").path
        let links = URL(fileURLWithPath: folder).appendingPathComponent("links.csv").path
        try org.writePeople(to: people)
        try org.writeLinks(to: links, layout: layout)
        return (people, links)
    }
}
