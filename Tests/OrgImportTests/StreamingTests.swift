import Testing
@testable import OrgImport
import OrgModel

/// Rows handed to the inserting thread by `PeopleFile.read`.
struct StreamingTests {
    /// Rows are handed to the inserting thread only while the file has no problem: after a bad row the rest is
    /// read, to list every problem, but nothing more is stored only to be rolled back.
    @Test(arguments: [
        (5_000, "5000,Bad,nobody", 10_000),  // an unknown manager shows only once the file is read: every row was handed over
        (5_000, "5000,Ragged", 4_096),       // a ragged row: the full batch before it, and nothing after
        (5_000, "10,Twice,0", 4_096),        // a duplicate id, likewise
        (20, "5000,Ragged", 0),              // a problem in the first batch: nothing at all
    ])
    func rowsStopBeingHandedOverOnceTheFileHasAProblem(at position: Int, bad: String, handed: Int) throws {
        var csv = "id,name,manager\n0,Root,\n"
        for i in 1..<10_000 { csv += i == position ? "\(bad)\n" : "\(i),Person \(i),0\n" }
        var count = 0
        let failed: Bool
        do {
            _ = try PeopleFile.read(CSVReader(input: ByteInput(bytes: Array(csv.utf8), name: "people.csv")), options: PeopleImportOptions(), streamingTo: { count += $0.count })
            failed = false
        } catch is OrgMapError {
            failed = true
        }
        #expect(failed)
        #expect(count == handed)
    }
}
