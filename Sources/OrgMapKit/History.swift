import Foundation
import OrgFastPath
import OrgModel
import OrgReport
import OrgStore

/// `orgmap imports` and the removals: the history of a database, and how to take back an import.
public enum History {
    /// Every import, oldest first: id, kind, snapshot, file, fingerprint, rows, when.
    public static func imports(in db: AppDatabase, format: ListingFormat) throws -> String {
        let imports = try db.imports()
        if format == .json { return JSONOutput.encode(imports) }
        guard !imports.isEmpty else { return "No imports yet; import an org chart with: orgmap import people FILE\n" }
        var table = TextTable(
            headers: ["Import", "Kind", "Snapshot", "Rows read", "Stored", "File", "SHA-256", "Imported at"],
            alignments: [.right, .left, .right, .right, .right, .left, .left, .left])
        for entry in imports {
            table.append([
                entry.id.map(String.init) ?? "", entry.kind.rawValue, entry.snapshotID.map(String.init) ?? "removed",
                String(entry.rowsRead), String(entry.rowsStored), entry.fileName, String(entry.sha256.prefix(12)), entry.importedAt,
            ])
        }
        return table.render()
    }

    /// "snapshot 3 (as of 2026-11-01, from people.csv): 62 people and 570 links", for the confirmation.
    public static func describeSnapshot(id: Int64, in db: AppDatabase) throws -> String {
        let snapshot = try db.snapshot(id: id)
        let links = try db.linkCounts()[id] ?? 0
        return "snapshot \(id) (as of \(snapshot.asOf), from \(snapshot.sourceFile)): \(plural(snapshot.personCount, "person", "people")) and \(plural(links, "link"))"
    }

    /// Removes a snapshot with its links, in one transaction, and says what went.
    public static func removeSnapshot(id: Int64, in db: AppDatabase) throws -> String {
        let what = try describeSnapshot(id: id, in: db)
        let removed = try db.removeSnapshot(id: id)
        return "Removed \(what); the import log keeps its \(plural(removed.imports, "entry", "entries")), without a snapshot."
    }

    /// "import 4 (links from calendars/, into snapshot 1): 570 links", for the confirmation.
    public static func describeImport(id: Int64, in db: AppDatabase) throws -> String {
        guard let entry = try db.imports().first(where: { $0.id == id }) else {
            throw OrgMapError.invalidArgument("\(db.path) has no import \(id); list them with: orgmap imports --db \(db.path)")
        }
        return "import \(id) (\(entry.kind.rawValue) from \(entry.fileName)\(entry.snapshotID.map { ", into snapshot \($0)" } ?? "")): \(plural(entry.rowsStored, entry.kind == .links ? "link" : "person", entry.kind == .links ? "links" : "people"))"
    }

    /// Removes the links of one links import and its entry in the log, in one transaction, and says what went.
    public static func removeImport(id: Int64, in db: AppDatabase) throws -> String {
        let what = try describeImport(id: id, in: db)
        let removed = try db.removeLinksImport(id: id)
        return "Removed \(what): \(plural(removed.links, "link")) deleted."
    }
}
