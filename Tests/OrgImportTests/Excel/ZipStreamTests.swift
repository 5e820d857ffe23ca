import Foundation
@testable import OrgImport
import Testing

/// Zip entries handed over a buffer at a time (`ZipArchive.stream` and `openEntry`), as sheets are read.
struct ZipStreamTests {
    static let content = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 * 7 + $0 / 1000) })

    @Test func streamedBytesAreTheEntryInBoundedChunks() throws {
        let bytes = RawZip.build([.stored("stored.bin", Self.content), .deflated("deflated.bin", Self.content), .deflated("empty", Data())])
        try withTemporaryDirectory { folder in
            let zip = try ZipArchive(url: try write(bytes, named: "s.zip", in: folder))
            for name in ["stored.bin", "deflated.bin"] {
                var streamed = Data()
                var largest = 0
                try zip.stream(name) { chunk in
                    largest = max(largest, chunk.count)
                    streamed.append(contentsOf: chunk)
                }
                #expect(streamed == Self.content)
                #expect(largest <= 64 * 1024)
                #expect(try zip.read(name) == Self.content)
            }
            var calls = 0
            try zip.stream("empty") { _ in calls += 1 }
            #expect(calls == 0)
        }
    }

    @Test func aBadChecksumIsFoundAtTheEndOfTheStream() throws {
        var entry = RawZipEntry.deflated("sheet.xml", Self.content)
        entry.crc ^= 0xFFFF
        let problem = try readForgedEntry(entry)
        #expect(problem == .corruptEntry("its CRC-32 checksum does not match its data"))
        try withTemporaryDirectory { folder in
            let zip = try ZipArchive(url: try write(RawZip.build([entry]), named: "crc.zip", in: folder))
            var received = 0
            #expect(throws: ArchiveError.self) { try zip.stream("sheet.xml") { received += $0.count } }
            #expect(received == Self.content.count)
        }
    }

    @Test func aLyingSizeStopsTheStreamOneBufferPastIt() throws {
        var bomb = RawZipEntry(name: "bomb.xml", method: 8, payload: RawZip.zeroStream(doublings: 12, terminated: true), crc: 0, uncompressedSize: 1000)
        bomb.crc = 0
        try withTemporaryDirectory { folder in
            let zip = try ZipArchive(url: try write(RawZip.build([bomb]), named: "bomb.zip", in: folder))
            var received = 0
            let error = try #require(throws: ArchiveError.self) { try zip.stream("bomb.xml") { received += $0.count } }
            #expect(error.problem == .corruptEntry("it inflates to more than the 1000 bytes it declares"))
            #expect(received == 0)
        }
    }

    @Test func aStreamThatNeverEndsIsAnError() throws {
        let endless = RawZipEntry(name: "endless.xml", method: 8, payload: RawZip.zeroStream(doublings: 2, terminated: false), crc: 0, uncompressedSize: 1_000_000)
        #expect(try readForgedEntry(endless) == .corruptEntry("its deflate stream does not end within its \(endless.payload.count) compressed bytes"))
    }
}
