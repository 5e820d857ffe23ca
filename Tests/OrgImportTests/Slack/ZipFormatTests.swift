import Foundation
import OrgImport
import OrgModel
import Testing

@Suite("Zip format details: names, ZIP64, directory consistency, zip bombs")
struct ZipFormatTests {
    /// Writes `bytes` as a zip and opens it.
    private func withZip(_ bytes: Data, body: (URL, ZipArchive) throws -> Void) throws {
        try withTemporaryDirectory { folder in
            let url = try write(bytes, named: "test.zip", in: folder)
            try body(url, try ZipArchive(url: url))
        }
    }

    @Test("names are UTF-8 with or without flag bit 11, and CP437 when not valid UTF-8")
    func entryNames() throws {
        var unflagged = RawZipEntry.stored("macOS/Ärger.txt", Data("b".utf8))
        unflagged.flags = 0
        var dos = RawZipEntry.stored("", Data("c".utf8))
        dos.nameBytes = Array("dos/caf".utf8) + [0x82] + Array(".txt".utf8)
        dos.flags = 0
        let bytes = RawZip.build([.deflated("Präsentation/日本語 ✓.json", Data("a".utf8)), unflagged, dos])
        try withZip(bytes) { _, zip throws in
            #expect(zip.entryPaths == ["Präsentation/日本語 ✓.json", "dos/café.txt", "macOS/Ärger.txt"])
            #expect(try zip.read("Präsentation/日本語 ✓.json") == Data("a".utf8))
            #expect(try zip.read("macOS/Ärger.txt") == Data("b".utf8))
            #expect(try zip.read("dos/café.txt") == Data("c".utf8))
        }
    }

    @Test("ZIP64 sizes and offsets come from the extra field, whichever of them are saturated")
    func zip64() throws {
        let letters = Data(String(repeating: "abc", count: 2_000).utf8)
        var all = RawZipEntry.deflated("all.txt", letters)
        all.zip64 = [.uncompressedSize, .compressedSize, .localHeaderOffset]
        var sizeAndOffset = RawZipEntry.deflated("some.txt", Data(String(repeating: "xy", count: 700).utf8))
        sizeAndOffset.zip64 = [.compressedSize, .localHeaderOffset]
        var offsetOnly = RawZipEntry.stored("offset.txt", Data("plain".utf8))
        offsetOnly.zip64 = [.localHeaderOffset]
        let bytes = RawZip.build([all, sizeAndOffset, offsetOnly], zip64EndRecord: true)
        try withZip(bytes) { _, zip throws in
            #expect(zip.entryPaths == ["all.txt", "offset.txt", "some.txt"])
            #expect(try zip.read("all.txt") == letters)
            #expect(try zip.read("some.txt") == Data(String(repeating: "xy", count: 700).utf8))
            #expect(try zip.read("offset.txt") == Data("plain".utf8))
        }
    }

    @Test("a saturated size without its ZIP64 extra field is a corrupt directory")
    func zip64FieldMissing() throws {
        let entry = RawZipEntry.stored("a.json", Data("[]".utf8))
        var bytes = RawZip.build([entry])
        // The directory record follows the local header (30 bytes), the name and the data.
        let compressedSizeField = 30 + 6 + 2 + 20
        bytes.replaceSubrange(compressedSizeField..<compressedSizeField + 4, with: [0xFF, 0xFF, 0xFF, 0xFF])
        try withTemporaryDirectory { folder in
            let url = try write(bytes, named: "zip64.zip", in: folder)
            #expect(throws: ArchiveError(
                archive: url, problem: .corruptZip("central directory record 1 of 1 lacks its ZIP64 sizes or offset"))) {
                try ZipArchive(url: url)
            }
        }
    }

    @Test("a zip with no entries opens as an empty archive")
    func emptyZip() throws {
        let bytes = RawZip.build([])
        #expect(bytes.count == 22)
        try withZip(bytes) { url, zip throws in
            #expect(zip.entryPaths.isEmpty)
            #expect(!zip.contains("a.json"))
            #expect(throws: ArchiveError(archive: url, entry: "a.json", problem: .entryNotFound)) {
                try zip.read("a.json")
            }
        }
    }

    @Test("when a name occurs twice, the first entry wins")
    func duplicateNames() throws {
        let bytes = RawZip.build([
            .stored("a.json", Data("first".utf8)), .deflated("a.json", Data("second".utf8)),
            .stored("b.json", Data("b".utf8)),
        ])
        try withZip(bytes) { _, zip throws in
            #expect(zip.entryPaths == ["a.json", "b.json"])
            #expect(try zip.read("a.json") == Data("first".utf8))
        }
    }

    @Test("an end record whose entry count disagrees with the directory's records is a corrupt directory")
    func countMismatch() throws {
        let long = String(repeating: "n", count: 60)
        let entries = [RawZipEntry.stored("\(long)1", Data("1".utf8)), .stored("\(long)2", Data("2".utf8))]
        try withTemporaryDirectory { folder in
            let tooFew = try write(RawZip.build(entries, declaredCount: 1), named: "few.zip", in: folder)
            #expect(throws: ArchiveError(
                archive: tooFew,
                problem: .corruptZip("its central directory holds more records than the 1 its end record lists"))) {
                try ZipArchive(url: tooFew)
            }
            let tooMany = try write(RawZip.build(entries, declaredCount: 3), named: "many.zip", in: folder)
            #expect(throws: ArchiveError(
                archive: tooMany, problem: .corruptZip("its central directory lists 3 entries but only 2 can be read"))) {
                try ZipArchive(url: tooMany)
            }
        }
    }

    @Test("the hand-made zero stream used as a zip bomb is valid deflate")
    func zeroStreamIsValid() throws {
        let zeros = Data(count: 259 + 2_064 * 4)
        let entry = RawZipEntry(
            name: "zeros.bin", method: 8, payload: RawZip.zeroStream(doublings: 2, terminated: true),
            crc: RawZip.checksum(zeros), uncompressedSize: UInt32(zeros.count))
        try withZip(RawZip.build([entry])) { _, zip throws in
            #expect(try zip.read("zeros.bin") == zeros)
        }
    }

    @Test("a zip bomb (7 MB inflating to 1 GB) declaring 1000 bytes fails at once, without inflating it all")
    func zipBomb() throws {
        let payload = RawZip.zeroStream(doublings: 19, terminated: true)
        #expect(payload.count == 6_815_750)
        let entry = RawZipEntry(name: "bomb.json", method: 8, payload: payload, crc: 0, uncompressedSize: 1_000)
        var problem: ArchiveError.Problem?
        let elapsed = try ContinuousClock().measure { problem = try readForgedEntry(entry) }
        #expect(problem == .corruptEntry("it inflates to more than the 1000 bytes it declares"))
        #expect(elapsed < .seconds(1))
    }
}
