import Foundation
@testable import OrgMapKit
import OrgModel
import OrgSample
import Testing

/// Hostile files: each import fails with a message naming the file and the line, and leaves the database byte for
/// byte as it was. (The bounded-memory case runs the real binary under a memory cap: orgmapTests.)
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
        let workspace = try Workspace()
        try workspace.copyFixture("people.csv")
        try workspace.importPeople("people.csv")
        let before = try #require(workspace.databaseBytes)
        try workspace.write("hostile.csv", hostile.bytes())
        let error = message { try workspace.importPeople("hostile.csv") }
        #expect(error.contains(hostile.says), "\(error.prefix(2_000))")
        #expect(error.contains("nothing was imported"))
        #expect(workspace.databaseBytes == before)
        #expect(try workspace.database().snapshots().count == 1)
    }

    static let links: [Hostile] = [
        ("NaN weight", "NW001,NW003,NaN,meeting,2026-10-14", "column 3 (weight): expected a weight, a number 0 or more, found 'NaN'"),
        ("infinite weight", "NW001,NW003,1e999,meeting,2026-10-14", "column 3 (weight): expected a weight, a number 0 or more, found '1e999'"),
        ("non-numeric weight", "NW001,NW003,three,meeting,2026-10-14", "column 3 (weight): expected a weight, a number 0 or more, found 'three'"),
        ("decimal comma weight", "NW001,NW003,\"2,5\",meeting,2026-10-14", "column 3 (weight): expected a weight, a number 0 or more, found '2,5'"),
        ("month 13", "NW001,NW003,1,meeting,2026-13-01", "column 5 (date): expected a date as YYYY-MM-DD (ISO 8601), found '2026-13-01'"),
        ("February 30", "NW001,NW003,1,meeting,2026-02-30", "column 5 (date): expected a date as YYYY-MM-DD (ISO 8601), found '2026-02-30'"),
        ("day first", "NW001,NW003,1,meeting,14/10/2026", "column 5 (date): expected a date as YYYY-MM-DD (ISO 8601), found '14/10/2026'"),
        ("words", "NW001,NW003,1,meeting,last Tuesday", "column 5 (date): expected a date as YYYY-MM-DD (ISO 8601), found 'last Tuesday'"),
        ("trailing garbage", "NW001,NW003,1,meeting,2026-10-14Z9", "column 5 (date): expected a date as YYYY-MM-DD (ISO 8601), found '2026-10-14Z9'"),
    ].map { name, row, says in
        Hostile(name: name, bytes: { Array("source,target,weight,kind,date\nNW001,NW002,1,chat,2026-10-13\n\(row)\n".utf8) }, says: "hostile.csv: line 3, \(says)")
    } + [Hostile(name: "binary garbage", bytes: { binaryGarbage(count: 64 * 1024) }, says: "hostile.csv: line 1")]

    @Test(arguments: links)
    func hostileLinksChangeNothing(_ hostile: Hostile) throws {
        let workspace = try Workspace.sample()
        let before = try #require(workspace.databaseBytes)
        try workspace.write("hostile.csv", hostile.bytes())
        let error = message { try workspace.importLinks("hostile.csv") }
        #expect(error.contains(hostile.says), "\(error.prefix(2_000))")
        #expect(workspace.databaseBytes == before)
    }
}

/// Deterministic bytes of every value, NUL included, as a corrupt download or a renamed binary would have.
func binaryGarbage(count: Int) -> [UInt8] {
    var random = SplitMix64(seed: 0xBAD_F11E)
    return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
}
