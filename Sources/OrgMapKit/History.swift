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

    /// `orgmap snapshots pack`: packs the links of the snapshots given, or, when none is, of every snapshot whose
    /// links the report reads row by row (stored before schema version 4, or changed by hand); one transaction a
    /// snapshot. Triggers dropped or changed by hand are put back first. `say` gets a line as each step ends,
    /// `warn` a snapshot whose links cannot be packed.
    public static func packLinks(snapshots ids: [Int64], in db: AppDatabase, say: (String) -> Void, warn: (String) -> Void) throws {
        for id in ids { _ = try db.snapshot(id: id) }
        let restored = try db.restoreLinkPackTriggers()
        if !restored.isEmpty {
            say("""
                Put back \(plural(restored.count, "trigger")) that keep\(restored.count == 1 ? "s" : "") packed links true, dropped or changed by hand: \
                \(restored.joined(separator: ", ")). Links could have changed unseen meanwhile, so every snapshot's packed links were set \
                aside\(ids.isEmpty ? "" : "; `orgmap snapshots pack` with no id packs them all again").
                """)
        }
        let packing = try db.linkPacking()
        var given = Set<Int64>()
        let targets = ids.isEmpty ? packing.filter { $0.value == .unpacked }.keys.sorted() : ids.filter { given.insert($0).inserted }
        guard !targets.isEmpty else {
            let unpackable = packing.filter { $0.value == .unpackable }.keys.sorted()
            if packing.isEmpty {
                say("No snapshot has links yet: nothing to pack.")
            } else if unpackable.isEmpty {
                say("Every snapshot's links are packed already: reports read them at full speed. Nothing to do.")
            } else {
                let which = "snapshot\(unpackable.count == 1 ? "" : "s") \(unpackable.map(String.init).joined(separator: " "))"
                say("Nothing to pack: the links of \(which) cannot be packed (changed by hand), the others' are packed. `orgmap snapshots pack \(unpackable.map(String.init).joined(separator: " "))` tries again.")
            }
            return
        }
        for id in targets {
            let snapshot: Snapshot, outcome: AppDatabase.PackOutcome
            let started = Date()
            do {
                snapshot = try db.snapshot(id: id)
                outcome = try db.packLinks(snapshotID: id)
            } catch OrgMapError.snapshotNotFound where ids.isEmpty {
                continue  // removed meanwhile by another orgmap
            }
            if outcome.packing == .packed {
                say("""
                    Snapshot \(id) (as of \(snapshot.asOf)): \(plural(outcome.links, "link")) packed into \
                    \(plural(outcome.entries, "entry", "entries")) in \(seconds(Date().timeIntervalSince(started))).
                    """)
            } else {
                warn("""
                    snapshot \(id) (as of \(snapshot.asOf)): its links cannot be packed: one has a date that is not a valid YYYY-MM-DD, or names a person of \
                    another snapshot (possible only in a database edited by hand). Reports read them row by row, with the same \
                    results; `orgmap snapshots` marks it "cannot".
                    """)
            }
        }
    }

    /// A line for standard error when the report read some of `snapshots` row by row although packing them would
    /// let it read them at full speed; nil when there is nothing to advise. `since` and `until`: the date range
    /// read, since only whole months are read from packs.
    public static func packAdvice(snapshots: [Int64], since: CalendarDate?, until: CalendarDate?, in db: AppDatabase) throws -> String? {
        guard LinkPack.reads(since: since, until: until) else { return nil }
        let unpacked = Set(try db.unpackedSnapshots())
        let read = Array(Set(snapshots)).sorted().filter(unpacked.contains)
        guard !read.isEmpty else { return nil }
        let names = read.map(String.init).joined(separator: " ")
        return """
            note: the links of snapshot\(read.count == 1 ? "" : "s") \(names) were read row by row: they are not packed (stored by an \
            orgmap before schema version 4, or changed by hand). `orgmap snapshots pack` packs them once; reports then take \
            about 40% less time.
            """
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

extension ReportContext {
    /// The snapshots whose links the analysis read: its own and, with a comparison, the earlier one.
    public var snapshotsRead: [Int64] { (snapshot.map { [$0.id] } ?? []) + (sincePrevious.map { [$0.from.id] } ?? []) }
}
