import Foundation
import Logging
import Testing
@testable import OrgImport
import OrgAnalysis
import OrgModel
import OrgSample
import OrgStore

/// A database holding the Viva attributes org chart (P-1001 ... P-1005).
func vivaOrg() throws -> AppDatabase {
    let db = try AppDatabase.inMemory()
    let file = try PeopleFile.read(try fixture("viva-attributes.csv"))
    try db.importSnapshot(people: file.people, lines: file.lines, asOf: "2026-10-31", log: ImportRecord(kind: "people", fileName: "viva-attributes.csv", sha256: file.sha256, rowsRead: 5, rowsStored: 5, rowsSkipped: 0, warnings: 0, duration: 0))
    return db
}

let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

func importLinks(_ text: String, into db: AppDatabase, _ configure: (inout LinksImportOptions) -> Void = { _ in }) throws -> LinksImportResult {
    var options = LinksImportOptions()
    configure(&options)
    return try LinksImport.run(input: ByteInput(bytes: Array(text.utf8), name: "links.csv"), database: db, options: options, logger: quiet)
}

struct LinksImportTests {
    @Test func edgeListByIdAndEmail() throws {
        let db = try AppDatabase.inMemory()
        let org = try PeopleFile.read(try fixture("pingboard.csv"))
        try db.importSnapshot(people: org.people, lines: org.lines, asOf: "2026-10-31", log: ImportRecord(kind: "people", fileName: "p", sha256: "", rowsRead: 5, rowsStored: 5, rowsSkipped: 0, warnings: 0, duration: 0))
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
        #expect(try db.ties(snapshotID: result.snapshot.id, since: "2026-10-02") == [Tie(a: 1, b: 2, weight: 1, count: 1)])
        #expect(try db.ties(snapshotID: result.snapshot.id, until: "2026-10-01") == [Tie(a: 0, b: 1, weight: 2, count: 1)])
    }

    @Test func vivaPersonToPerson() throws {
        let db = try vivaOrg()
        let result = try LinksImport.run(input: try fixture("viva-p2p.csv"), database: db, options: LinksImportOptions(), logger: quiet)
        #expect(result.format == .vivaP2P)
        #expect(result.stored == 3)
        #expect(result.unknownEndpoints == 1)
        #expect(result.selfLinks == 1)
        let ties = try db.ties(snapshotID: result.snapshot.id)
        #expect(ties.map(\.weight) == [1.2, 0.6, 2.5])
    }

    @Test(arguments: [
        (VivaWeight.diverse, [0.8], 1),
        (VivaWeight.none, [1.0, 1.0, 1.0], 0),
    ])
    func vivaWeightChoice(weight: VivaWeight, weights: [Double], zero: Int) throws {
        let db = try vivaOrg()
        var options = LinksImportOptions()
        options.vivaWeight = weight
        let result = try LinksImport.run(input: try fixture("viva-p2p.csv"), database: db, options: options, logger: quiet)
        #expect(try db.ties(snapshotID: result.snapshot.id).map(\.weight) == weights)
    }

    @Test(arguments: ["viva-p2p-with-attributes.csv", "viva-p2p-simulated.csv"])
    func vivaVariants(file: String) throws {
        let db = try vivaOrg()
        let result = try LinksImport.run(input: try fixture(file), database: db, options: LinksImportOptions(), logger: quiet)
        #expect(result.format == .vivaP2P)
        #expect(result.stored == 2)
    }

    @Test func vivaDatesAreMonthFirst() throws {
        let db = try vivaOrg()
        _ = try LinksImport.run(input: try fixture("viva-p2p.csv"), database: db, options: LinksImportOptions(), logger: quiet)
        let ties = try db.ties(snapshotID: 1, since: "2026-10-13", until: "2026-10-13")
        #expect(ties.map(\.weight) == [2.5])
    }

    @Test func strictMakesUnknownPeopleAnError() throws {
        let db = try vivaOrg()
        var options = LinksImportOptions()
        options.strict = true
        let p = problems { _ = try LinksImport.run(input: try fixture("viva-p2p.csv"), database: db, options: options, logger: quiet) }
        #expect(p.first?.line == 5)
        #expect(p.first?.message.contains("'P-9999' is nobody") == true)
        #expect(try db.linkCounts()[1] == nil)
    }

    static let bad: [BadInput] = [
        BadInput(name: "empty", csv: "", line: nil, says: "the file is empty"),
        BadInput(name: "header only", csv: "source,target\n", line: 1, says: "no rows under it"),
        BadInput(name: "no people columns", csv: "alpha,beta\nP-1001,P-1002\n", line: 1, says: "expected two columns naming the people linked"),
        BadInput(name: "negative weight", csv: "source,target,weight\nP-1001,P-1002,-2\n", line: 2, says: "expected a weight, a number 0 or more, found '-2'"),
        BadInput(name: "NaN weight", csv: "source,target,weight\nP-1001,P-1002,NaN\n", line: 2, says: "found 'NaN'"),
        BadInput(name: "text weight", csv: "source,target,weight\nP-1001,P-1002,lots\n", line: 2, says: "found 'lots'"),
        BadInput(name: "bad date", csv: "source,target,date\nP-1001,P-1002,2026-02-30\n", line: 2, says: "expected a date as YYYY-MM-DD"),
        BadInput(name: "date words", csv: "source,target,date\nP-1001,P-1002,last tuesday\n", line: 2, says: "found 'last tuesday'"),
        BadInput(name: "ragged", csv: "source,target,weight\nP-1001,P-1002\n", line: 2, says: "expected 3 fields"),
        BadInput(name: "empty endpoint", csv: "source,target\nP-1001,\n", line: 2, says: "one is empty"),
    ]

    /// Every bad row is an error, and nothing is written: the transaction rolls back.
    @Test(arguments: bad)
    func rejects(_ b: BadInput) throws {
        let db = try vivaOrg()
        let p = problems { _ = try importLinks(b.csv, into: db) }
        #expect(p.first?.line == b.line)
        #expect(p.contains { $0.message.contains(b.says) }, "\(p)")
        #expect(try db.linkCounts()[1] == nil)
    }

    @Test func aBadRowAfterGoodOnesWritesNothing() throws {
        let db = try vivaOrg()
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
            let org = try PeopleFile.read(ByteInput(bytes: SampleOrg.people, name: SampleOrg.peopleFileName))
            try db.importSnapshot(people: org.people, lines: org.lines, asOf: SampleOrg.asOf, log: ImportRecord(kind: "people", fileName: "p", sha256: "", rowsRead: 0, rowsStored: 0, rowsSkipped: 0, warnings: 0, duration: 0))
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

struct PolicyFileTests {
    @Test func templateReadsBackAsTheDefaults() throws {
        #expect(try PolicyFile.parse(PolicyFile.template(), file: "p.yaml") == Policy.default)
    }

    @Test func partialPolicyKeepsOtherDefaults() throws {
        let policy = try PolicyFile.parse("minimum_department_size: 10\nbusiness_departments: [Data Sales]\n", file: "p.yaml")
        #expect(policy.minimumDepartmentSize == 10)
        #expect(policy.businessDepartments == ["Data Sales"])
        #expect(policy.technologyLeaderMinimumEI == Policy.default.technologyLeaderMinimumEI)
    }

    @Test func emptyFileIsTheDefaultPolicy() throws {
        #expect(try PolicyFile.parse("# nothing\n", file: "p.yaml") == Policy.default)
    }

    @Test func unknownKeyIsAnErrorWithItsLine() {
        let p = problems { _ = try PolicyFile.parse("minimum_department_size: 3\nminimum_departmnet_size: 4\n", file: "p.yaml") }
        #expect(p.first?.line == 2)
        #expect(p.first?.message.contains("unknown policy key 'minimum_departmnet_size'") == true)
    }

    @Test func wrongTypeIsAnError() {
        let p = problems { _ = try PolicyFile.parse("minimum_department_size: many\n", file: "p.yaml") }
        #expect(p.first?.message.contains("'minimum_department_size' should be a whole number") == true)
    }

    @Test func invalidYAML() {
        let p = problems { _ = try PolicyFile.parse("engineering_departments: [Platform\n", file: "p.yaml") }
        #expect(p.first?.message.contains("not valid YAML") == true)
    }
}

struct LinkValueTests {
    @Test(arguments: [
        ("2026-11-03", false, "2026-11-03"), ("2026-11-03T09:30:00Z", false, "2026-11-03"), ("2026-11-03 09:30", false, "2026-11-03"),
        ("11/3/2026", true, "2026-11-03"), ("1/31/2026 12:00:00 AM", true, "2026-01-31"), ("2/29/2024", false, "2024-02-29"),
        ("2026-02-30", false, nil), ("2026-11-03X", false, nil), ("13/1/2026", true, nil), ("1/2/3/2026", true, nil),
        ("1/2/26", true, nil), ("/1/2026", true, nil), ("2026-11-3", false, nil), ("", false, nil),
    ] as [(String, Bool, String?)])
    func dates(text: String, monthFirst: Bool, expected: String?) {
        var out = [UInt8](repeating: 0, count: 10)
        let ok = Array(text.utf8).withUnsafeBufferPointer { LinkValue.date($0, monthFirst: monthFirst, into: &out) }
        #expect(ok == (expected != nil))
        if let expected { #expect(String(decoding: out, as: UTF8.self) == expected) }
    }

    @Test(arguments: [("3", 3.0), ("0.25", 0.25), ("1e2", 100.0), ("0", 0.0)] as [(String, Double)])
    func weights(text: String, value: Double) {
        var scratch = [CChar](repeating: 0, count: 64)
        #expect(Array(text.utf8).withUnsafeBufferPointer { LinkValue.weight($0, scratch: &scratch) } == value)
    }

    @Test(arguments: ["-1", "NaN", "inf", "3 kg", "", "1,5", String(repeating: "9", count: 80)])
    func badWeights(text: String) {
        var scratch = [CChar](repeating: 0, count: 64)
        #expect(Array(text.utf8).withUnsafeBufferPointer { LinkValue.weight($0, scratch: &scratch) } == nil)
    }
}
