import Foundation
import Testing

/// Runs the built `orgmap` executable as a user would, in a folder of its own that is removed afterwards.
final class CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `orgmap` binary built next to this test bundle.
    static let binary: URL = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("orgmap")

    /// An empty folder for one test.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgmap-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The bytes of a file of the folder, for "unchanged" checks.
    func contents(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }

    @discardableResult
    func run(_ arguments: String..., stdin: String? = nil, environment: [String: String] = [:], executable: URL = CLI.binary) throws -> Result {
        try run(arguments: arguments, stdin: stdin, environment: environment, executable: executable)
    }

    /// Runs `executable` (orgmap unless said otherwise) with `arguments` in the test's folder, without
    /// ORGMAP_DB and ORGMAP_ANONYMIZE_KEY from the caller's environment. Standard output and standard error go
    /// to files, so a child writing more than a pipe holds to either can never block.
    @discardableResult
    func run(arguments: [String], stdin: String? = nil, environment: [String: String] = [:], executable: URL = CLI.binary) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ORGMAP_DB")
        env.removeValue(forKey: "ORGMAP_ANONYMIZE_KEY")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("orgmap-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let (out, err, input) = (capture.appendingPathComponent("out"), capture.appendingPathComponent("err"), capture.appendingPathComponent("in"))
        try Data(stdin.map { Array($0.utf8) } ?? []).write(to: input)
        for file in [out, err] { try Data().write(to: file) }
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        let inHandle = try FileHandle(forReadingFrom: input)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        try process.run()
        process.waitUntilExit()
        for handle in [outHandle, errHandle, inHandle] { try handle.close() }
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}

/// A folder with the sample's org chart and links imported through the real binary.
func sampleFolder() throws -> CLI {
    let cli = try CLI()
    try #require(try cli.run("demo", "--write-sample", ".").status == 0)
    try #require(try cli.run("import", "people", "northwind-people.csv", "--as-of", "2026-11-01").status == 0)
    try #require(try cli.run("import", "links", "northwind-links.csv").status == 0)
    return cli
}
