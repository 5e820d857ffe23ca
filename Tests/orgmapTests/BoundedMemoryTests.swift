import Foundation
import Testing

/// Hostile files given to the real `orgmap` under a memory cap (the other hostile cases run in process, in
/// OrgMapKitTests): memory stays bounded whatever the file.
struct BoundedMemoryTests {
    /// The reader holds one buffer and the current record, whatever the file: with the address space capped at
    /// 256 MiB (a normal import needs about 80), a 320 MiB field and a million-column line fail cleanly.
    @Test func hostileFilesFailWithinBoundedMemory() throws {
        let cli = try CLI()
        let cap = 256 * 1024
        func capped(_ arguments: String...) throws -> CLI.Result {
            try cli.run(arguments: ["-c", "ulimit -v \(cap) && exec \"$0\" \"$@\"", CLI.binary.path] + arguments, executable: URL(fileURLWithPath: "/bin/sh"))
        }
        try cli.write("people.csv", try cli.fixture("people.csv"))
        let normal = try capped("import", "people", "people.csv")
        try #require(normal.status == 0, "the cap is too tight for a normal import: \(normal.stderr)")

        let wide = Array("id,name,manager\n1".utf8) + Array(repeating: Array(",x".utf8), count: 1_000_000).flatMap { $0 } + [0x0A]
        try Data(wide).write(to: URL(fileURLWithPath: cli.path("wide.csv")))
        try Data("id,name,manager\n1,\"".utf8).write(to: URL(fileURLWithPath: cli.path("long.csv")))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: cli.path("long.csv")))
        try handle.seekToEnd()
        let mebibyte = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<320 { try handle.write(contentsOf: mebibyte) }
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: cli.path("long.csv")) }

        let before = try #require(cli.contents("orgmap.sqlite"))
        for (file, says) in [("wide.csv", "wide.csv: line 2: more than 10000 fields"), ("long.csv", "long.csv: line 2, column 2: a field is longer than 1048576 bytes")] {
            let result = try capped("import", "people", file)
            #expect(result.status == 1, "\(result.stderr.prefix(2_000))")
            #expect(result.stderr.contains(says), "\(result.stderr.prefix(2_000))")
        }
        #expect(cli.contents("orgmap.sqlite") == before)
    }
}
