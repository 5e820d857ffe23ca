import Foundation
import Testing

/// Runs the built `orgmap` executable as a user would, in a folder of its own.
struct CLI {
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

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// SHA of nothing fancy: the bytes, for "unchanged" checks.
    func contents(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }

    @discardableResult
    func run(_ arguments: String..., stdin: String? = nil, environment: [String: String] = [:], executable: URL = CLI.binary) throws -> Result {
        try run(arguments: arguments, stdin: stdin, environment: environment, executable: executable)
    }

    /// Runs `executable` (orgmap unless said otherwise) with `arguments` in the test's folder, without
    /// ORGMAP_DB from the caller's environment, capturing both outputs.
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
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A bad input for a table-driven test: what it is, its text (a whole file, or one row), what the error says.
struct BadText: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let says: String
    var testDescription: String { name }
}
