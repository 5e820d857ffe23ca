import Foundation
import GRDB
import Testing
@testable import OrgImport
@testable import OrgStore

/// Links are inserted many rows a statement, with text bound in place: every row must land as written,
/// in file order, across full statements and the remainder.
struct LinkRowsTests {
    @Test(arguments: [1, 63, 64, 65, 1_000, 20_000])
    func everyRowLandsAsWritten(count: Int) throws {
        let db = try vivaOrg()
        let keys = ["P-1001", "P-1002", "P-1003", "P-1004", "P-1005"]
        var csv = "source,target,weight,kind,date\n"
        var expected: [[String?]] = []
        for i in 0..<count {
            let source = keys[i % 5], target = keys[(i + 1 + (i / 5) % 4) % 5]
            let weight = Double(i % 7 + 1)
            let kind = i % 3 == 0 ? nil : "kind \(i % 4)"
            let date = i % 5 == 0 ? nil : "2026-10-\(i % 28 < 9 ? "0" : "")\(i % 28 + 1)"
            csv += "\(source),\(target),\(Int(weight)),\(kind ?? ""),\(date ?? "")\n"
            expected.append([source, target, String(weight), kind, date])
        }
        let result = try importLinks(csv, into: db)
        #expect(result.stored == count)
        let stored = try db.reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.person_key, t.person_key, l.weight, l.kind, l.date FROM link l
                JOIN person s ON s.id = l.source_id JOIN person t ON t.id = l.target_id ORDER BY l.id
                """).map { row -> [String?] in [row[0], row[1], String(row[2] as Double), row[3], row[4]] }
        }
        #expect(stored == expected)
    }
}
