import Foundation
import Logging
import OrgImport
@testable import OrgMapKit
import OrgModel
import OrgSample
import OrgStore
import Testing

/// A folder of its own with a database file, driven through OrgMapKit as the `orgmap` commands drive it;
/// removed when the test is done with it.
final class Workspace {
    let folder: URL
    /// What the workflows logged: the column mapping, warnings.
    let log = LogRecorder()
    /// The database file, `orgmap.sqlite` in the folder unless a test names another.
    var databasePath: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgmap-kit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        databasePath = folder.appendingPathComponent("orgmap.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    func contents(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }

    /// The database file's bytes, for "nothing changed" checks.
    var databaseBytes: Data? { FileManager.default.contents(atPath: databasePath) }

    /// Copies a fixture of this target into the folder under its own name.
    func copyFixture(_ name: String) throws {
        try write(name, try Fixtures.text(name))
    }

    /// Copies a fixture of the import tests (`Tests/OrgImportTests/Fixtures`) into the folder, byte for byte.
    func copyImportFixture(_ name: String) throws {
        try write(name, Array(try Data(contentsOf: Fixtures.orgCharts.appendingPathComponent(name))))
    }

    @discardableResult
    func importPeople(_ name: String, asOf: String = "2026-11-01", dryRun: Bool = false, _ configure: (inout PeopleImportOptions) -> Void = { _ in }) throws -> PeopleImport.Outcome {
        var options = PeopleImportOptions()
        configure(&options)
        return try PeopleImport(source: try source(name), asOf: try #require(CalendarDate(asOf)), options: options, dryRun: dryRun)
            .run(into: .file(databasePath), logger: log.logger)
    }

    @discardableResult
    func importLinks(_ name: String, _ configure: (inout LinksImportOptions) -> Void = { _ in }) throws -> LinksImport.Outcome {
        var options = LinksImportOptions()
        configure(&options)
        return try LinksImport(source: try source(name), options: options).run(in: try database(), logger: log.logger)
    }

    /// A file of the folder, named in messages and in the database as a user in the folder would name it;
    /// spreadsheets by their path, since a workbook is read from a file.
    func source(_ name: String) throws -> InputSource {
        if [".xlsx", ".xls"].contains(where: name.hasSuffix) { return .path(path(name)) }
        return .bytes(Array(try #require(contents(name), "no file \(name)")), name: name)
    }

    func database() throws -> AppDatabase { try DatabaseLocation.openExisting(databasePath) }

    /// What `orgmap report` prints: with the previous snapshot's changes (but for CSV) and `--top`.
    func report(_ format: ReportFormat = .markdown, _ request: AnalysisRequest = AnalysisRequest(), top: Int = 10) throws -> String {
        var analyzed = try request.analyze(try database(), sincePrevious: format.showsChangesSincePrevious)
        analyzed.context.findingsPerRule = top == 0 ? nil : top
        return format.render(analyzed)
    }

    /// What `orgmap diff` prints.
    func diff(_ format: DiffFormat = .markdown, _ request: DiffRequest = DiffRequest()) throws -> String {
        format.render(try request.run(try database()))
    }

    /// The sample organization's two files written and imported, as in the README.
    static func sample() throws -> Workspace {
        let workspace = try Workspace()
        _ = try Demo.writeSample(into: workspace.folder.path)
        try workspace.importPeople(SampleOrg.peopleFileName, asOf: SampleOrg.asOf.description)
        try workspace.importLinks(SampleOrg.linksFileName)
        return workspace
    }

    /// The hand-made "before" snapshot (2026-06-01) and, unless `second` is false, the "after" one (2026-09-01),
    /// each with its own links (the after one's only when `secondLinks`).
    static func diff(second: Bool = true, secondLinks: Bool = true) throws -> Workspace {
        let workspace = try Workspace()
        for name in ["diff-people-before.csv", "diff-links-before.csv", "diff-people-after.csv", "diff-links-after.csv"] {
            try workspace.copyFixture(name)
        }
        try workspace.importPeople("diff-people-before.csv", asOf: "2026-06-01")
        try workspace.importLinks("diff-links-before.csv")
        if second {
            try workspace.importPeople("diff-people-after.csv", asOf: "2026-09-01")
            if secondLinks { try workspace.importLinks("diff-links-after.csv") }
        }
        return workspace
    }
}

/// The files under `Tests/OrgMapKitTests/Fixtures`, and the org charts of `Tests/OrgImportTests/Fixtures`.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let orgCharts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("OrgImportTests/Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// An org chart or links fixture of the import tests, as an input source.
    static func orgChart(_ name: String) -> InputSource { .path(orgCharts.appendingPathComponent(name).path) }
}

/// Collects what the workflows log, for checking the messages a user would see on standard error.
final class LogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    var lines: [String] { lock.withLock { stored } }
    var text: String { lines.joined(separator: "\n") }

    var logger: Logger {
        Logger(label: "test") { _ in Handler(recorder: self) }
    }

    fileprivate func add(_ line: String) { lock.withLock { stored.append(line) } }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var logLevel: Logger.Level = .info
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorder.add("\(event.level == .warning ? "warning: " : "")\(event.message)")
        }
    }
}

/// A logger that drops everything.
let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

/// The problems of an `OrgMapError.invalidInput`, or a test failure.
func problems(of body: () throws -> Void) -> [InputProblem] {
    do {
        try body()
        Issue.record("expected an invalid input error")
    } catch let OrgMapError.invalidInput(_, problems, _) {
        return problems
    } catch {
        Issue.record("unexpected error \(error)")
    }
    return []
}

/// The message a user sees for what `body` throws; a test failure when it throws nothing.
func message(of body: () throws -> Void) -> String {
    do {
        try body()
        Issue.record("expected an error")
        return ""
    } catch {
        return "\(error)"
    }
}

/// A JSON object, or a test failure.
func object(_ json: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
}

/// A day for tests, written as text.
func day(_ text: String) -> CalendarDate { CalendarDate(text)! }
