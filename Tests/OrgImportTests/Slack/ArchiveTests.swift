import Foundation
import OrgImport
import OrgModel
import Testing

@Suite("Reading zip archives and folders")
struct ArchiveTests {
    private static let workCalendar = "BEGIN:VCALENDAR\r\nSUMMARY:Planning\r\nEND:VCALENDAR\r\n"
    private static let homeCalendar = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"

    @Test("a zip lists its files (not its folders or links) and reads deflated, stored and empty entries in memory")
    func zipListsAndReads() throws {
        var folderEntry = RawZipEntry.stored("Calendar/", Data())
        folderEntry.externalAttributes = 0o040755 << 16
        var link = RawZipEntry.stored("Calendar/Latest.ics", Data("Work.ics".utf8))
        link.externalAttributes = 0o120777 << 16
        // Info-ZIP gives an entry read from a pipe the pipe's FIFO mode; it still holds plain bytes.
        var piped = RawZipEntry.deflated("piped.txt", Data("from stdin".utf8))
        piped.externalAttributes = 0o010600 << 16
        let bytes = RawZip.build([
            folderEntry,
            .deflated("Calendar/Work.ics", Data(Self.workCalendar.utf8)),
            .stored("Calendar/Home.ics", Data(Self.homeCalendar.utf8)),
            link,
            .deflated("empty.txt", Data()),
            piped,
        ])
        try withTemporaryDirectory { folder in
            let url = try write(bytes, named: "takeout.zip", in: folder)
            let zip = try ZipArchive(url: url)
            #expect(zip.entryPaths == ["Calendar/Home.ics", "Calendar/Work.ics", "empty.txt", "piped.txt"])
            #expect(zip.contains("Calendar/Work.ics"))
            #expect(!zip.contains("Calendar/"))
            #expect(!zip.contains("Calendar/Latest.ics"))
            #expect(try zip.read("Calendar/Work.ics") == Data(Self.workCalendar.utf8))
            #expect(try zip.read("Calendar/Home.ics") == Data(Self.homeCalendar.utf8))
            #expect(try zip.read("empty.txt") == Data())
            #expect(try zip.read("piped.txt") == Data("from stdin".utf8))
            #expect(throws: ArchiveError(archive: url, entry: "Calendar/Missing.ics", problem: .entryNotFound)) {
                try zip.read("Calendar/Missing.ics")
            }
        }
    }

    @Test("openArchive picks the folder or zip reader by what is on disk")
    func openArchiveDispatch() throws {
        try withTemporaryDirectory { folder in
            try writeFolder(["a/b.json": "[]"], at: folder.appendingPathComponent("unpacked"))
            try writeZip(["a/b.json": "[]"], to: folder.appendingPathComponent("packed.zip"))
            let unpacked = try openArchive(at: folder.appendingPathComponent("unpacked"))
            let packed = try openArchive(at: folder.appendingPathComponent("packed.zip"))
            #expect(unpacked is FolderArchive)
            #expect(packed is ZipArchive)
            #expect(unpacked.entryPaths == ["a/b.json"])
            #expect(packed.entryPaths == ["a/b.json"])
            #expect(try packed.read("a/b.json") == Data("[]".utf8))
            let missing = folder.appendingPathComponent("nowhere.zip")
            #expect(throws: ArchiveError(archive: missing, problem: .unreadable("no such file or folder"))) {
                try openArchive(at: missing)
            }
        }
    }

    @Test("a folder lists nested files sorted, reads only listed paths, and caps sizes")
    func folderArchive() throws {
        try withTemporaryDirectory { folder in
            let root = folder.appendingPathComponent("export")
            try writeFolder(["b.json": "[]", "a/z.json": "{}", "a/big.json": String(repeating: " ", count: 2_000)], at: root)
            try writeFolder(["secret.txt": "outside"], at: folder)
            let archive = try FolderArchive(url: root, maxEntrySize: 1_000)
            #expect(archive.entryPaths == ["a/big.json", "a/z.json", "b.json"])
            #expect(try archive.read("a/z.json") == Data("{}".utf8))
            #expect(throws: ArchiveError(archive: root, entry: "../secret.txt", problem: .entryNotFound)) {
                try archive.read("../secret.txt")
            }
            #expect(throws: ArchiveError(
                archive: root, entry: "a/big.json", problem: .entryTooLarge(size: 2_000, limit: 1_000))) {
                try archive.read("a/big.json")
            }
        }
    }

    @Test("a zip cut in half is reported as truncated, naming the file")
    func truncatedZip() throws {
        try withTemporaryDirectory { folder in
            let whole = folder.appendingPathComponent("whole.zip")
            try writeZip(SlackFixture.files, to: whole)
            let bytes = try Data(contentsOf: whole)
            let half = try write(bytes.prefix(bytes.count / 2), named: "half.zip", in: folder)
            let error = try #require(throws: ArchiveError.self) { try openArchive(at: half) }
            #expect(error.problem == .truncatedZip)
            #expect(error.description == "\(half.path): the zip archive is truncated: its central directory is missing")
        }
    }

    @Test("random bytes or an empty file with a .zip name are not a zip archive")
    func notAZip() throws {
        try withTemporaryDirectory { folder in
            // Fixed pseudo-random bytes (xorshift), so no run can stumble on a zip signature by chance.
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            let noise = Data((0..<100_000).map { _ -> UInt8 in
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                return UInt8(truncatingIfNeeded: state >> 32)
            })
            for url in [try write(noise, named: "noise.zip", in: folder), try write(Data(), named: "empty.zip", in: folder)] {
                let error = try #require(throws: ArchiveError.self) { try ZipArchive(url: url) }
                #expect(error.problem == .notAZipArchive)
                #expect(error.description.hasPrefix("\(url.path): not a zip archive"))
            }
        }
    }

    @Test("an entry declaring more than the cap is refused before any byte is read")
    func declaredSizeOverCap() throws {
        let bytes = RawZip.build([
            .deflated("zeros.json", Data(count: 2 * 1024 * 1024)), .deflated("small.json", Data("[]".utf8)),
        ])
        try withTemporaryDirectory { folder in
            let url = try write(bytes, named: "big.zip", in: folder)
            let zip = try ZipArchive(url: url, maxEntrySize: 1024 * 1024)
            #expect(try zip.read("small.json") == Data("[]".utf8))
            #expect(throws: ArchiveError(
                archive: url, entry: "zeros.json", problem: .entryTooLarge(size: 2 * 1024 * 1024, limit: 1024 * 1024))) {
                try zip.read("zeros.json")
            }
        }
    }

    @Test("a zip bomb lying about its size stops at the declared size")
    func lyingSize() throws {
        var entry = RawZipEntry.deflated("bomb.json", Data(count: 1024 * 1024))
        entry.uncompressedSize = 1_000
        let problem = try readForgedEntry(entry)
        #expect(problem == .corruptEntry("it inflates to more than the 1000 bytes it declares"))
    }

    @Test("a deflate stream that runs past its compressed bytes is an error within a second, not a hang", .timeLimit(.minutes(1)))
    func neverEndingStream() throws {
        // A stored deflate block announcing 65535 bytes, of which 3 follow; the declared size leaves
        // room for all of them, so only running out of input can stop the read.
        let storedBlock = RawZipEntry(
            name: "endless.json", method: 8, payload: Data([0x00, 0xFF, 0xFF, 0x00, 0x00, 1, 2, 3]),
            crc: 0, uncompressedSize: 70_000)
        // A compressed block of 259 + 2064 × 1024 zeros with no end-of-block code, declaring more.
        let huffmanBlock = RawZipEntry(
            name: "endless.json", method: 8, payload: RawZip.zeroStream(doublings: 10, terminated: false),
            crc: 0, uncompressedSize: 3_000_000)
        let clock = ContinuousClock()
        for (entry, compressedSize) in [(storedBlock, 8), (huffmanBlock, 13_315)] {
            #expect(entry.payload.count == compressedSize)
            var problem: ArchiveError.Problem?
            let elapsed = try clock.measure { problem = try readForgedEntry(entry) }
            #expect(problem == .corruptEntry("its deflate stream does not end within its \(compressedSize) compressed bytes"))
            #expect(elapsed < .seconds(1))
        }
    }

    @Test("a wrong checksum, an unsupported method and damaged deflate data are corrupt entries")
    func corruptEntries() throws {
        let content = Data("[1, 2, 3]".utf8)
        let wrongChecksum = RawZipEntry(name: "a.json", method: 0, payload: content, crc: 12345, uncompressedSize: 9)
        #expect(try readForgedEntry(wrongChecksum) == .corruptEntry("its CRC-32 checksum does not match its data"))

        var deflated = RawZipEntry.deflated("a.json", content)
        deflated.crc ^= 1
        #expect(try readForgedEntry(deflated) == .corruptEntry("its CRC-32 checksum does not match its data"))

        let bzip2 = RawZipEntry(name: "a.json", method: 12, payload: content, crc: RawZip.checksum(content), uncompressedSize: 9)
        #expect(try readForgedEntry(bzip2)
            == .corruptEntry("it uses compression method 12; only 0 (stored) and 8 (deflate) are supported"))

        // Block type 3 is reserved, so zlib rejects the stream at once.
        let garbage = RawZipEntry(name: "a.json", method: 8, payload: Data([0xFF, 0xFF, 0xFF]), crc: 0, uncompressedSize: 9)
        #expect(try readForgedEntry(garbage) == .corruptEntry("its deflate data is damaged (invalid block type)"))
    }

    @Test("a directory record pointing outside the file is reported instead of silently dropping entries")
    func unreadableDirectoryRecord() throws {
        let first = RawZipEntry.deflated("a.json", Data("[]".utf8))
        let second = RawZipEntry.deflated("b.json", Data("{}".utf8))
        var bytes = RawZip.build([first, second])
        // Point the second directory record's local-header offset past the end of the file.
        let directoryStart = 2 * 30 + 12 + first.payload.count + second.payload.count
        let offsetField = directoryStart + 46 + 6 + 42
        bytes.replaceSubrange(offsetField..<offsetField + 4, with: [0xFF, 0xFF, 0xFF, 0x7F])
        try withTemporaryDirectory { folder in
            let url = try write(bytes, named: "damaged.zip", in: folder)
            #expect(throws: ArchiveError(
                archive: url, problem: .corruptZip("its central directory lists 2 entries but only 1 can be read"))) {
                try ZipArchive(url: url)
            }
        }
    }
}
