import Foundation
import OrgImport
import OrgModel
import Testing

/// Runs `body` with a fresh directory that is removed afterwards, whatever happens.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("SlackExportTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// Writes `files` (relative path → contents) under `folder`.
func writeFolder(_ files: [String: String], at folder: URL) throws {
    for (path, contents) in files {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }
}

/// Writes `files` into a new zip at `url`, deflated, each path prefixed with `prefix`.
func writeZip(_ files: [String: String], to url: URL, prefix: String = "") throws {
    let entries = files.sorted { $0.key < $1.key }.map { RawZipEntry.deflated(prefix + $0.key, Data($0.value.utf8)) }
    try RawZip.build(entries).write(to: url)
}

/// Writes `data` into `folder` under `name` and returns its URL.
func write(_ data: Data, named name: String, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try data.write(to: url)
    return url
}

/// Writes a one-entry forged zip, reads its entry, and returns the problem reported, after checking
/// that the error names both the archive and the entry.
func readForgedEntry(_ entry: RawZipEntry) throws -> ArchiveError.Problem {
    try withTemporaryDirectory { folder in
        let url = try write(RawZip.build([entry]), named: "forged.zip", in: folder)
        let zip = try ZipArchive(url: url)
        #expect(zip.entryPaths == [entry.name])
        let error = try #require(throws: ArchiveError.self) { try zip.read(entry.name) }
        #expect(error.archive == url)
        #expect(error.entry == entry.name)
        return error.problem
    }
}

/// Links in a stable order, so two lists compare equal whatever order they were produced in.
func sorted(_ links: [SlackLink]) -> [SlackLink] {
    links.sorted {
        ($0.date, $0.userA, $0.userB, $0.reason.rawValue, $0.weight)
            < ($1.date, $1.userA, $1.userB, $1.reason.rawValue, $1.weight)
    }
}

func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day)!
}
