import Foundation
import Testing
@testable import OrgImport
import OrgModel

func fixture(_ name: String) throws -> ByteInput {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    return try ByteInput(path: url.path)
}

func peopleFile(_ text: String, _ configure: (inout PeopleImportOptions) -> Void = { _ in }) throws -> PeopleFile {
    var options = PeopleImportOptions()
    configure(&options)
    return try PeopleFile.read(ByteInput(bytes: Array(text.utf8), name: "people.csv"), options: options)
}

extension PeopleFile {
    /// name → manager's name, for readable expectations.
    var managerNames: [String: String] {
        let byKey = Dictionary(people.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
        var out: [String: String] = [:]
        for p in people { if let m = p.managerKey { out[p.name] = byKey[m] } }
        return out
    }
}

struct PeopleFileTests {
    struct Format: Sendable, CustomTestStringConvertible {
        let file: String
        let people: Int
        let roots: Int
        let matchedBy: String
        /// A few (person, manager) pairs that must be resolved.
        let lines: [(String, String)]
        var testDescription: String { file }
    }

    static let formats: [Format] = [
        Format(file: "bamboohr.csv", people: 7, roots: 1, matchedBy: "name", lines: [("Ashley Adams", "Charlotte Abbott"), ("Shannon Anderson", "Christina Agluinaldo"), ("Eric Asture", "Maja Andev")]),
        Format(file: "workday.csv", people: 5, roots: 1, matchedBy: "id", lines: [("Alex Garcia", "Teresa Serrano"), ("Joy Chen", "Alex Garcia")]),
        Format(file: "pingboard.csv", people: 5, roots: 1, matchedBy: "email", lines: [("Sam Rivera", "Jordan Lee"), ("Kai Nakamura", "Sam Rivera")]),
        Format(file: "visio.csv", people: 5, roots: 1, matchedBy: "name", lines: [("Jane Sampletone", "Joe Sampletone"), ("Mary Sampletone", "Frank Sampletone")]),
        Format(file: "drawio.csv", people: 4, roots: 1, matchedBy: "name", lines: [("Ron Donovan", "Evan Miller")]),
        Format(file: "d3-org-chart.csv", people: 5, roots: 1, matchedBy: "id", lines: [("Peacock Margaret", "Leverling Janet"), ("Buchanan Steven", "Ian Devling")]),
        Format(file: "northwind-employees.csv", people: 5, roots: 1, matchedBy: "id", lines: [("Michael Suyama", "Steven Buchanan"), ("Nancy Davolio", "Andrew Fuller")]),
        Format(file: "uk-organogram.csv", people: 4, roots: 1, matchedBy: "id", lines: [("Arjun Digital", "Jane Permanent")]),
        Format(file: "viva-attributes.csv", people: 5, roots: 1, matchedBy: "id", lines: [("P-1004", "P-1003"), ("P-1005", "P-1001")]),
    ]

    @Test(arguments: formats)
    func importsWithEveryManagerResolved(_ f: Format) throws {
        let file = try PeopleFile.read(try fixture(f.file))
        #expect(file.people.count == f.people)
        #expect(file.people.filter { $0.managerKey == nil }.count == f.roots)
        #expect(file.managerMatchedBy?.rawValue == f.matchedBy)
        let managers = file.managerNames
        for (person, manager) in f.lines { #expect(managers[person] == manager, "\(person)") }
    }

    @Test func workdayQuotedFieldsKeepDelimitersAndLineBreaks() throws {
        let file = try PeopleFile.read(try fixture("workday.csv"))
        #expect(file.delimiter == UInt8(ascii: ";"))
        #expect(file.people[2].title == "Director; Platform\nEngineering")
        #expect(file.people[4].location == "New York, NY")
        #expect(file.lines == [2, 3, 4, 6, 7])
    }

    @Test func drawioRefsBecomeDottedLines() throws {
        let file = try PeopleFile.read(try fixture("drawio.csv"))
        let ron = try #require(file.people.first { $0.name == "Ron Donovan" })
        #expect(ron.dottedLineManagerKeys == ["emo", "tva"])
        #expect(file.lines.first == 14)
    }

    @Test func keysWithoutAnIdColumn() throws {
        #expect(try PeopleFile.read(try fixture("pingboard.csv")).people.map(\.key).first == "jordan.lee@acme.io")
        #expect(try PeopleFile.read(try fixture("visio.csv")).people.map(\.key).first == "Joe Sampletone")
        let viva = try PeopleFile.read(try fixture("viva-attributes.csv"))
        #expect(viva.people[0].name == "P-1001")
        #expect(viva.people[1].department == "Engineering")
    }

    @Test func bamboohrHasBOMAndCRLF() throws {
        let file = try PeopleFile.read(try fixture("bamboohr.csv"))
        #expect(file.mapping.columns[.id] == 0)
        #expect(file.people[0].key == "1")
        #expect(file.people[1].location == "Lindon, Utah")
    }

    @Test func ukOrganogramTopPostReportsToXX() throws {
        let file = try PeopleFile.read(try fixture("uk-organogram.csv"))
        #expect(file.people[0].managerKey == nil)
        #expect(file.people[1].department == "Digital Data and Technology")
        #expect(file.people[2].name == "N/D")
    }

    @Test func northwindWithoutDepartmentsWarns() throws {
        let file = try PeopleFile.read(try fixture("northwind-employees.csv"))
        #expect(file.people.allSatisfy { $0.department == Department.unassigned })
        #expect(file.warnings.contains { $0.kind == .unassigned && $0.lines.count == 5 })
        #expect(file.people[0].location == "Seattle")
    }

    @Test func lastCommaFirstNamesAreTurnedAroundAndStillMatch() throws {
        let file = try peopleFile("""
            Name,Manager,Department
            "Raman, Priya",,Engineering
            "Okafor, Daniel","Raman, Priya",Engineering
            Lee Jr.,Priya Raman,Engineering
            """)
        #expect(file.people.map(\.name) == ["Priya Raman", "Daniel Okafor", "Lee Jr."])
        #expect(file.managerNames["Daniel Okafor"] == "Priya Raman")
        #expect(file.managerNames["Lee Jr."] == "Priya Raman")
        #expect(file.warnings.contains { $0.kind == .turnedNames })
    }

    @Test func managerEmailsMatchWhateverTheirCase() throws {
        let file = try peopleFile("""
            Email,Manager Email,Department
            ceo@acme.io,,Exec
            cto@acme.io,CEO@Acme.io,Engineering
            """)
        #expect(file.people[1].managerKey == "ceo@acme.io")
    }

    @Test func severalRootsAndUnassignedAreWarnings() throws {
        let file = try peopleFile("""
            id,name,manager,department
            1,A,,Sales
            2,B,,
            3,C,1,Sales
            """)
        #expect(file.warnings.contains { $0.kind == .severalRoots && $0.message.contains("2 roots") })
        #expect(file.warnings.contains { $0.kind == .unassigned && $0.lines == [3] })
    }

    // MARK: Bad input

    static let bad: [BadInput] = [
        BadInput(name: "empty file", csv: "", line: nil, says: "the file is empty"),
        BadInput(name: "only blank lines", csv: "\n\n\r\n", line: nil, says: "the file is empty"),
        BadInput(name: "header only", csv: "id,name,manager\n", line: 1, says: "no rows under it"),
        BadInput(name: "ragged row, short", csv: "id,name,manager\n1,A,\n2,B\n", line: 3, says: "expected 3 fields, as in the header, found 2"),
        BadInput(name: "ragged row, long", csv: "id,name,manager\n1,A,,extra\n", line: 2, says: "expected 3 fields"),
        BadInput(name: "duplicate id", csv: "id,name,manager\n1,A,\n2,B,1\n1,C,1\n", line: 4, says: "duplicate id '1': already used by A on line 2"),
        BadInput(name: "self-management", csv: "id,name,manager\n1,A,\n2,B,2\n", line: 3, says: "B is their own manager"),
        BadInput(name: "cycle of two", csv: "id,name,manager\n1,A,\n2,B,3\n3,C,2\n", line: 3, says: "cycle of 2 people"),
        BadInput(name: "unknown manager", csv: "id,name,manager\n1,A,\n2,B,99\n", line: 3, says: "manager '99' is nobody in this file"),
        BadInput(name: "ambiguous manager name", csv: "name,manager,department\nAlex Kim,,Eng\nAlex Kim,,Sales\nSam Lee,Alex Kim,Eng\n", line: 3, says: "duplicate id 'Alex Kim'"),
        BadInput(name: "missing id value", csv: "id,name,manager\n1,A,\n,B,1\n", line: 3, says: "expected an id in column 1 ('id')"),
        BadInput(name: "missing columns", csv: "title,department\nCTO,Engineering\n", line: 1, says: "the header has 'title', 'department'"),
    ]

    @Test(arguments: bad)
    func rejects(_ b: BadInput) {
        let p = problems { _ = try peopleFile(b.csv) }
        #expect(p.first?.line == b.line)
        #expect(p.contains { $0.message.contains(b.says) }, "\(p)")
    }

    @Test func ambiguousManagerNameNamesBothRows() {
        let p = problems {
            _ = try peopleFile("""
                id,name,manager,department
                1,Maya Castillo,,Exec
                2,Alex Kim,Maya Castillo,Eng
                3,Alex Kim,Maya Castillo,Sales
                4,Sam Lee,Alex Kim,Eng
                5,Ana Ruiz,Sam Lee,Eng
                """)
        }
        #expect(p.count == 1)
        #expect(p.first?.line == 5)
        #expect(p.first?.message.contains("2 people have that name (line 3, line 4)") == true)
    }

    @Test func unknownManagersCanBecomeRoots() throws {
        let file = try peopleFile("id,name,manager\n1,A,\n2,B,99\n") { $0.allowUnknownManagers = true }
        #expect(file.people[1].managerKey == nil)
        #expect(file.warnings.contains { $0.kind == .unknownManager && $0.lines == [3] })
    }

    @Test func cycleOfAThousandNamesEveryone() throws {
        var csv = "id,name,manager\n0,Root,\n"
        for i in 1...1000 { csv += "\(i),Person \(i),\(i == 1000 ? 1 : i + 1)\n" }
        let p = problems { _ = try peopleFile(csv) }
        #expect(p.count == 1)
        let message = try #require(p.first?.message)
        #expect(message.contains("cycle of 1000 people"))
        for i in [1, 2, 500, 999, 1000] { #expect(message.contains("Person \(i) (line \(i + 2))")) }
    }

    @Test func everyProblemIsListedUpToTheLimit() {
        var csv = "id,name,manager\n"
        for i in 1...80 { csv += "\(i),P\(i),missing\n" }
        do {
            _ = try peopleFile(csv)
            Issue.record("expected failure")
        } catch let OrgMapError.invalidInput(_, problems, more) {
            #expect(problems.count == 50)
            #expect(more == 30)
        } catch {
            Issue.record("\(error)")
        }
    }
}
