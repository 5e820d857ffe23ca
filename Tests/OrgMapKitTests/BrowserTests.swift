import Foundation
@testable import OrgImport
@testable import OrgMapKit
import OrgModel
import OrgReport
import Testing

extension Tag {
    /// Tests that drive a real browser (headless Chromium): `swift test --filter BrowserTests`.
    @Tag static var browser: Self
}

/// The demo's HTML report opened in headless Chromium (Debian's `chromium`; poppler-utils' `pdftotext`): what a
/// reader sees, not what the renderer meant. Without Chromium the tests are skipped, saying so; with `CI=true`
/// they run and a missing browser fails them.
@Suite(.tags(.browser), .enabled(if: Browser.shouldRun, "Chromium is not installed (apt-get install chromium poppler-utils); CI=true makes its absence a failure"))
struct BrowserTests {
    @Test func demoReportRendersWithoutErrorsOrRequests() throws {
        let browser = try Browser()
        let page = try Demo.report(format: .html)
        #expect(!page.contains("http://") && !page.contains("https://"), "the page names no URL to load")
        let file = try browser.write("demo.html", page)
        let run = try browser.run(["--dump-dom", file])
        #expect(run.consoleLines == [], "console messages (errors, blocked requests): \(run.consoleLines)")
        let dom = run.output
        #expect(dom.contains("<code>department-unbridged</code>: Legal"))
        #expect(dom.contains("Daniel Okafor should meet Nadia Haddad (General Counsel), head of Legal."))
        for name in [ReportPictures.eiName, ReportPictures.heatmapName, ReportPictures.mapName] {
            #expect(dom.contains("aria-labelledby=\"\(name)-title \(name)-desc\""), "picture \(name) is not in the DOM")
        }
        #expect(dom.components(separatedBy: "<svg ").count - 1 == 3)
    }

    @Test func aHostileNameStaysText() throws {
        let browser = try Browser()
        let workspace = try Workspace()
        try workspace.write("people.csv", """
            Employee ID,Name,Title,Department,Manager ID
            E1,<script>document.title='owned'</script>,CTO,Engineering,
            E2,"<img src=x onerror=""document.title='owned'"">",Engineering Manager,Engineering,E1
            E3,Ana Ruiz,Engineer,Engineering,E2
            E4,javascript:alert(1),VP Sales,Sales,E1
            E5,Bo Lind,Account Executive,Sales,E4
            E6,Eve\u{202E}evE,CFO,Finance,E1
            E7,Cy Moss,Account Executive,Sales,E4
            E8,Di Park,Account Executive,Sales,E4
            """)
        try workspace.write("links.csv", "source,target,weight\nE1,E2,3\nE2,E3,2\nE3,E5,1\nE2,E6,1\n")
        _ = try workspace.importPeople("people.csv")
        _ = try workspace.importLinks("links.csv")
        let file = try browser.write("hostile.html", try workspace.report(.html))
        let run = try browser.run(["--dump-dom", file])
        #expect(run.consoleLines == [], "\(run.consoleLines)")
        #expect(run.output.contains("<title>Engineering leadership: who is connected to the business</title>"), "a script ran and changed the title")
        #expect(!run.output.contains("<script") && !run.output.contains("<img"))
        #expect(run.output.contains("&lt;script&gt;document.title='owned'&lt;/script&gt;"))
        #expect(run.output.contains("javascript:alert(1)") && !run.output.contains("href=\"javascript"))
        #expect(!run.output.contains("\u{202E}"))
    }

    @Test func screenshotIsNotBlankAndPrintingKeepsTheFindingsAsText() throws {
        let browser = try Browser()
        let file = try browser.write("demo.html", try Demo.report(format: .html))
        let png = browser.folder.appendingPathComponent("demo.png").path
        _ = try browser.run(["--window-size=1280,2000", "--screenshot=\(png)", file])
        let pixels = try PNGData.decodedScanlines(try Data(contentsOf: URL(fileURLWithPath: png)))
        #expect(Set(pixels).count > 32, "the screenshot is uniform: nothing was drawn")

        let pdf = browser.folder.appendingPathComponent("demo.pdf").path
        _ = try browser.run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", file])
        let text = try Browser.command("pdftotext", ["-layout", pdf, "-"]).output
        #expect(text.contains("department-unbridged"))
        #expect(text.contains("Daniel Okafor should meet Nadia Haddad"))
        #expect(text.contains("Method"))
    }
}

/// Headless Chromium in a folder of its own, removed when the test is done with it.
final class Browser {
    static let candidates = ["chromium", "chromium-browser", "google-chrome"]

    /// Chromium's path, from `ORGMAP_CHROMIUM` (empty: none) or the PATH; nil when none is installed.
    static let path: String? = {
        if let explicit = ProcessInfo.processInfo.environment["ORGMAP_CHROMIUM"] { return explicit.isEmpty ? nil : explicit }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for name in candidates {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") { return "\(folder)/\(name)" }
        }
        return nil
    }()

    /// In CI the tests run whatever is installed, so a missing browser fails them instead of skipping.
    static var shouldRun: Bool { path != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    let executable: String
    let folder: URL

    init() throws {
        executable = try #require(Self.path, "CI=true and no Chromium: .ci/run installs the chromium package")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgmap-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Writes `text` into the folder; returns its `file://` URL.
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.absoluteString
    }

    struct Run {
        var output: String
        var errors: String
        /// What the page wrote to the console: errors, and every request the Content-Security-Policy refused.
        var consoleLines: [String] { errors.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init) }
    }

    /// Headless, no sandbox (CI runs as root), no GPU, its own profile, logging to standard error, and no name
    /// resolves: a request off the page could not succeed even if the policy let it out.
    /// Under coreutils' `timeout`, so a browser that hangs fails the test instead of stalling the run.
    func run(_ arguments: [String]) throws -> Run {
        try Self.command("timeout", ["120", executable,
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--enable-logging=stderr", "--v=0",
            "--host-resolver-rules=MAP * ~NOTFOUND",
        ] + arguments)
    }

    static func command(_ executable: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        let (out, err) = (FileManager.default.temporaryDirectory.appendingPathComponent("orgmap-\(UUID().uuidString).out"),
                          FileManager.default.temporaryDirectory.appendingPathComponent("orgmap-\(UUID().uuidString).err"))
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        let run = Run(output: String(decoding: try Data(contentsOf: out), as: UTF8.self), errors: String(decoding: try Data(contentsOf: err), as: UTF8.self))
        try #require(process.terminationStatus == 0, "\(executable) exited with \(process.terminationStatus): \(run.errors.suffix(2000))")
        return run
    }
}

/// Just enough PNG to tell a blank screenshot from a drawn one: the inflated image data.
enum PNGData {
    static func decodedScanlines(_ png: Data) throws -> [UInt8] {
        let bytes = [UInt8](png)
        try #require(bytes.count > 8 && bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG")
        var offset = 8
        var idat = Data()
        while offset + 8 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            if type == "IDAT" { idat.append(contentsOf: bytes[offset + 8..<offset + 8 + length]) }
            offset += 12 + length
        }
        // A zlib stream: a two-byte header, then raw deflate.
        var chunk: Data? = idat.dropFirst(2)
        let stream = try Inflate.Stream {
            defer { chunk = nil }
            return chunk
        }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try buffer.withUnsafeMutableBytes { try stream.read(into: $0) }
            if n == 0 { break }
            out += buffer[0..<n]
            try #require(out.count < 200_000_000, "a screenshot of more than 200 MB")
        }
        return out
    }
}
