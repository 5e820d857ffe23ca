import Foundation
import Testing
import OrgSample

/// Hostile files given to the real `orgmap`: each fails with status 1, a message naming the file and the line,
/// nothing on standard output, and the database byte for byte as it was. The milder cases (empty file, ragged
/// rows, unterminated quotes, invalid UTF-8, a negative weight...) are in ImportPeopleCommandTests and
/// ReportCommandTests.
struct HostileInputTests {
    struct Hostile: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: @Sendable () -> [UInt8]
        let says: String
        var testDescription: String { name }
    }

    static let people: [Hostile] = [
        Hostile(name: "binary garbage", bytes: { binaryGarbage(count: 64 * 1024) }, says: "hostile.csv: line 1"),
        Hostile(name: "NUL bytes", bytes: { Array("id,name,manager\n1,A,\n2,B\0B,1\n".utf8) }, says: "hostile.csv: line 3, column 2: a NUL byte"),
        Hostile(name: "UTF-16", bytes: { [0xFF, 0xFE] + "id,name,manager\n".utf8.flatMap { [$0, 0] } }, says: "hostile.csv: line 1: the file is UTF-16"),
        Hostile(
            name: "a 2 MiB field", bytes: { Array("id,name,manager\n1,A,\n2,".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 2 << 20) + Array(",1\n".utf8) },
            says: "hostile.csv: line 3, column 2: a field is longer than 1048576 bytes"),
        Hostile(
            name: "a 2 MiB quoted field", bytes: { Array("id,name,manager\n1,A,\n2,\"".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 2 << 20) },
            says: "hostile.csv: line 3, column 2: a field is longer than 1048576 bytes; is a quote left open above?"),
        Hostile(
            name: "a 2 MiB field of doubled quotes", bytes: { Array("id,name,manager\n1,A,\n2,\"".utf8) + [UInt8](repeating: UInt8(ascii: "\""), count: 4 << 20) + Array("\",1\n".utf8) },
            says: "hostile.csv: line 3, column 2: a field is longer than 1048576 bytes"),
        Hostile(
            name: "a million columns", bytes: { Array("id,name,manager\n1,A,\n2".utf8) + Array(repeating: Array(",x".utf8), count: 1_000_000).flatMap { $0 } + [0x0A] },
            says: "hostile.csv: line 3: more than 10000 fields in one record"),
        Hostile(name: "duplicate headers", bytes: { Array("id,name,manager,Manager\n1,A,,\n".utf8) }, says: "hostile.csv: line 1: the header has 'manager' 2 times (columns 3, 4)"),
        Hostile(
            name: "a cycle of 1,000", bytes: { Array(("id,name,manager\n" + (1...1_000).map { "\($0),P\($0),\($0 % 1_000 + 1)\n" }.joined()).utf8) },
            says: "hostile.csv: line 2: the reporting lines form a cycle of 1000 people"),
    ]

    @Test(arguments: people)
    func hostileOrgChartChangesNothing(_ hostile: Hostile) throws {
        let cli = try CLI()
        try cli.write("people.csv", try cli.fixture("people.csv"))
        try #require(try cli.run("import", "people", "people.csv").status == 0)
        let before = try #require(cli.contents("orgmap.sqlite"))
        try Data(hostile.bytes()).write(to: URL(fileURLWithPath: cli.path("hostile.csv")))

        let started = Date()
        let result = try cli.run("import", "people", "hostile.csv")
        #expect(result.status == 1)
        #expect(result.stderr.contains(hostile.says), "\(result.stderr.prefix(2_000))")
        #expect(result.stderr.contains("nothing was imported"))
        #expect(result.stdout.isEmpty)
        #expect(Date().timeIntervalSince(started) < 20, "a hostile file must fail fast")
        #expect(cli.contents("orgmap.sqlite") == before)
        #expect(try cli.run("snapshots").stdout.split(separator: "\n").count == 3)
    }

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

    static let links: [BadText] = [
        BadText(name: "NaN weight", text: "NW001,NW003,NaN,meeting,2026-10-14", says: "column 3 (weight): expected a weight, a number 0 or more, found 'NaN'"),
        BadText(name: "infinite weight", text: "NW001,NW003,1e999,meeting,2026-10-14", says: "column 3 (weight): expected a weight, a number 0 or more, found '1e999'"),
        BadText(name: "non-numeric weight", text: "NW001,NW003,three,meeting,2026-10-14", says: "column 3 (weight): expected a weight, a number 0 or more, found 'three'"),
        BadText(name: "decimal comma weight", text: "NW001,NW003,\"2,5\",meeting,2026-10-14", says: "column 3 (weight): expected a weight, a number 0 or more, found '2,5'"),
        BadText(name: "month 13", text: "NW001,NW003,1,meeting,2026-13-01", says: "column 5 (date): expected a date as YYYY-MM-DD (ISO 8601), found '2026-13-01'"),
        BadText(name: "February 30", text: "NW001,NW003,1,meeting,2026-02-30", says: "column 5 (date): expected a date as YYYY-MM-DD (ISO 8601), found '2026-02-30'"),
        BadText(name: "day first", text: "NW001,NW003,1,meeting,14/10/2026", says: "column 5 (date): expected a date as YYYY-MM-DD (ISO 8601), found '14/10/2026'"),
        BadText(name: "words", text: "NW001,NW003,1,meeting,last Tuesday", says: "column 5 (date): expected a date as YYYY-MM-DD (ISO 8601), found 'last Tuesday'"),
        BadText(name: "trailing garbage", text: "NW001,NW003,1,meeting,2026-10-14Z9", says: "column 5 (date): expected a date as YYYY-MM-DD (ISO 8601), found '2026-10-14Z9'"),
    ]

    @Test(arguments: links)
    func hostileLinksChangeNothing(_ bad: BadText) throws {
        let cli = try sampleDatabase()
        let before = try #require(cli.contents("orgmap.sqlite"))
        try cli.write("bad.csv", "source,target,weight,kind,date\nNW001,NW002,1,chat,2026-10-13\n\(bad.text)\n")
        let result = try cli.run("import", "links", "bad.csv")
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.csv: line 3, \(bad.says)"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(cli.contents("orgmap.sqlite") == before)
    }

    @Test func binaryGarbageAsLinksChangesNothing() throws {
        let cli = try sampleDatabase()
        let before = try #require(cli.contents("orgmap.sqlite"))
        try Data(binaryGarbage(count: 64 * 1024)).write(to: URL(fileURLWithPath: cli.path("garbage.csv")))
        let result = try cli.run("import", "links", "garbage.csv")
        #expect(result.status == 1)
        #expect(result.stderr.contains("garbage.csv: line 1"), "\(result.stderr.prefix(2_000))")
        #expect(cli.contents("orgmap.sqlite") == before)
    }
}

/// Deterministic bytes of every value, NUL included, as a corrupt download or a renamed binary would have.
func binaryGarbage(count: Int) -> [UInt8] {
    var random = SplitMix64(seed: 0xBAD_F11E)
    return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
}

