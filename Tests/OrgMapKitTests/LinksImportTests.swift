import Foundation
import Logging
import OrgAnalysis
import OrgFastPath
import OrgImport
@testable import OrgMapKit
import OrgModel
import OrgSample
import OrgStore
import Testing

/// A database in memory holding an org chart fixture of the import tests (the Viva attributes file by default:
/// P-1001 ... P-1005).
func orgDatabase(_ name: String = "viva-attributes.csv", asOf: String = "2026-10-31") throws -> AppDatabase {
    let db = try AppDatabase.inMemory()
    try PeopleImport(source: Fixtures.orgChart(name), asOf: day(asOf)).run(into: .database(db), logger: quiet)
    return db
}

func importLinks(_ text: String, into db: AppDatabase, _ configure: (inout LinksImportOptions) -> Void = { _ in }) throws -> LinksImport.Outcome {
    var options = LinksImportOptions()
    configure(&options)
    return try LinksImport(source: .bytes(Array(text.utf8), name: "links.csv"), options: options).run(in: db, logger: quiet)
}

func importLinks(fixture name: String, into db: AppDatabase, _ configure: (inout LinksImportOptions) -> Void = { _ in }) throws -> LinksImport.Outcome {
    var options = LinksImportOptions()
    configure(&options)
    return try LinksImport(source: Fixtures.orgChart(name), options: options).run(in: db, logger: quiet)
}

struct LinksImportTests {
    @Test func edgeListByIdAndEmail() throws {
        let db = try orgDatabase("pingboard.csv")
        let result = try importLinks("""
            from,to,count,type,day
            sam.rivera@acme.io,jordan.lee@acme.io,2,meeting,2026-10-01
            SAM.RIVERA@ACME.IO,kai.nakamura@acme.io,1,1:1,2026-10-02T09:30:00Z
            kai.nakamura@acme.io,sam.rivera@acme.io,3,chat,
            """, into: db)
        #expect(result.stored == 3)
        let ties = try db.ties(snapshotID: result.snapshot.id)
        // Sam (1) – Jordan (0): 2; Sam (1) – Kai (2): 1 + 3, both directions summed.
        #expect(ties == [Tie(a: 0, b: 1, weight: 2, count: 1), Tie(a: 1, b: 2, weight: 4, count: 2)])
        #expect(try db.ties(snapshotID: result.snapshot.id, since: day("2026-10-02")) == [Tie(a: 1, b: 2, weight: 1, count: 1)])
        #expect(try db.ties(snapshotID: result.snapshot.id, until: day("2026-10-01")) == [Tie(a: 0, b: 1, weight: 2, count: 1)])
    }

    /// A snapshot's links read back whatever lies between them in the table: imports into two snapshots in
    /// turn interleave their rows, and each snapshot gets exactly its own, whether its stretch of the table is
    /// read in rowid order (other links in between: one import of three) or through the index (most of it).
    @Test(arguments: [1, 40])
    func ties(ofInterleavedImports between: Int) throws {
        let db = try orgDatabase("pingboard.csv")
        try PeopleImport(source: Fixtures.orgChart("pingboard.csv"), asOf: day("2026-11-30")).run(into: .database(db), logger: quiet)
        let (first, second) = (try db.snapshots()[0].id, try db.snapshots()[1].id)
        #expect(first != second)
        _ = try importLinks("from,to,count\nsam.rivera@acme.io,jordan.lee@acme.io,2\n", into: db) { $0.snapshotID = first }
        let filler = (0..<between).map { "sam.rivera@acme.io,kai.nakamura@acme.io,\($0 + 1)" }.joined(separator: "\n")
        _ = try importLinks("from,to,count\n\(filler)\n", into: db) { $0.snapshotID = second }
        _ = try importLinks("from,to,count\nkai.nakamura@acme.io,sam.rivera@acme.io,3\njordan.lee@acme.io,sam.rivera@acme.io,1\n", into: db) { $0.snapshotID = first }
        #expect(try db.ties(snapshotID: first) == [Tie(a: 0, b: 1, weight: 3, count: 2), Tie(a: 1, b: 2, weight: 3, count: 1)])
        #expect(try db.ties(snapshotID: second) == [Tie(a: 1, b: 2, weight: Double(between * (between + 1) / 2), count: between)])
    }

    @Test func vivaPersonToPerson() throws {
        let db = try orgDatabase()
        let result = try importLinks(fixture: "viva-p2p.csv", into: db)
        #expect(result.format == .vivaP2P)
        #expect(result.stored == 3)
        #expect(result.unknownEndpoints == 1)
        #expect(result.selfLinks == 1)
        let ties = try db.ties(snapshotID: result.snapshot.id)
        #expect(ties.map(\.weight) == [1.2, 0.6, 2.5])
    }

    @Test(arguments: [
        (LinkWeight.diverse, [0.8], 1),
        (LinkWeight.none, [1.0, 1.0, 1.0], 0),
    ])
    func vivaWeightChoice(weight: LinkWeight, weights: [Double], zero: Int) throws {
        let db = try orgDatabase()
        let result = try importLinks(fixture: "viva-p2p.csv", into: db) { $0.weight = weight }
        #expect(try db.ties(snapshotID: result.snapshot.id).map(\.weight) == weights)
    }

    @Test(arguments: ["viva-p2p-with-attributes.csv", "viva-p2p-simulated.csv"])
    func vivaVariants(file: String) throws {
        let db = try orgDatabase()
        let result = try importLinks(fixture: file, into: db)
        #expect(result.format == .vivaP2P)
        #expect(result.stored == 2)
    }

    @Test func vivaDatesAreMonthFirst() throws {
        let db = try orgDatabase()
        _ = try importLinks(fixture: "viva-p2p.csv", into: db)
        let ties = try db.ties(snapshotID: 1, since: day("2026-10-13"), until: day("2026-10-13"))
        #expect(ties.map(\.weight) == [2.5])
    }

    @Test func strictMakesUnknownPeopleAnError() throws {
        let db = try orgDatabase()
        let p = problems { _ = try importLinks(fixture: "viva-p2p.csv", into: db) { $0.strict = true } }
        #expect(p.first?.line == 5)
        #expect(p.first?.message.contains("'P-9999' is nobody") == true)
        #expect(try db.linkCounts()[1] == nil)
    }

    static let bad: [BadLinks] = [
        BadLinks(name: "empty", csv: "", line: nil, says: "the file is empty"),
        BadLinks(name: "header only", csv: "source,target\n", line: 1, says: "no rows under it"),
        BadLinks(name: "no people columns", csv: "alpha,beta\nP-1001,P-1002\n", line: 1, says: "expected two columns naming the people linked"),
        BadLinks(name: "negative weight", csv: "source,target,weight\nP-1001,P-1002,-2\n", line: 2, says: "expected a weight, a number 0 or more, found '-2'"),
        BadLinks(name: "NaN weight", csv: "source,target,weight\nP-1001,P-1002,NaN\n", line: 2, says: "found 'NaN'"),
        BadLinks(name: "text weight", csv: "source,target,weight\nP-1001,P-1002,lots\n", line: 2, says: "found 'lots'"),
        BadLinks(name: "bad date", csv: "source,target,date\nP-1001,P-1002,2026-02-30\n", line: 2, says: "expected a date as YYYY-MM-DD"),
        BadLinks(name: "date words", csv: "source,target,date\nP-1001,P-1002,last tuesday\n", line: 2, says: "found 'last tuesday'"),
        BadLinks(name: "ragged", csv: "source,target,weight\nP-1001,P-1002\n", line: 2, says: "expected 3 fields"),
        BadLinks(name: "empty endpoint", csv: "source,target\nP-1001,\n", line: 2, says: "one is empty"),
    ]

    /// Every bad row is an error, and nothing is written: the transaction rolls back.
    @Test(arguments: bad)
    func rejects(_ b: BadLinks) throws {
        let db = try orgDatabase()
        let p = problems { _ = try importLinks(b.csv, into: db) }
        #expect(p.first?.line == b.line)
        #expect(p.contains { $0.message.contains(b.says) }, "\(p)")
        #expect(try db.linkCounts()[1] == nil)
    }

    @Test func aBadRowAfterGoodOnesWritesNothing() throws {
        let db = try orgDatabase()
        var csv = "source,target,weight\n"
        for _ in 0..<1000 { csv += "P-1001,P-1002,1\n" }
        csv += "P-1001,P-1003,oops\n"
        _ = problems { _ = try importLinks(csv, into: db) }
        #expect(try db.linkCounts()[1] == nil)
    }

    @Test func linksNeedASnapshot() throws {
        let db = try AppDatabase.inMemory()
        #expect(throws: OrgMapError.self) { try importLinks("source,target\na,b\n", into: db) }
    }

    /// The same ties written as a Viva export and as an edge list give the same ties and the same findings.
    @Test func vivaAndEdgeListAgree() throws {
        let edges = String(decoding: SampleOrg.links, as: UTF8.self)
        var viva = "PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,MetricDate,Diverse_tie_score,Diverse_tie_type,Strong_tie_score,Strong_tie_type\n"
        for line in edges.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let d = f[4].split(separator: "-").map { Int($0)! }
            viva += "\(f[0]),\(f[1]),\(d[1])/\(d[2])/\(d[0]),0,0,\(f[2]),2\n"
        }
        func analyzed(_ links: String) throws -> (ties: [Tie], findings: [Finding]) {
            let db = try AppDatabase.inMemory()
            try PeopleImport(source: .bytes(SampleOrg.people, name: SampleOrg.peopleFileName), asOf: SampleOrg.asOf).run(into: .database(db), logger: quiet)
            _ = try importLinks(links, into: db)
            let ties = try db.ties(snapshotID: 1)
            return (ties, Analyzer.analyze(organization: try db.organization(snapshotID: 1), ties: ties).findings)
        }
        let a = try analyzed(edges), b = try analyzed(viva)
        #expect(a.ties.count > 100)
        #expect(a.ties == b.ties)
        #expect(Set(a.findings.map(\.rule)).count == 5)
        #expect(a.findings == b.findings)
    }
}


/// One bad links file for a table-driven test: what it holds, the line blamed, and words the message must contain.
struct BadLinks: Sendable, CustomTestStringConvertible {
    let name: String
    let csv: String
    let line: Int?
    let says: String
    var testDescription: String { name }
}
