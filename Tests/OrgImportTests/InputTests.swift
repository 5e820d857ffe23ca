import Foundation
import Testing
@testable import OrgImport

/// `ByteInput` fingerprints what it reads with SHA-256 (swift-crypto), whatever sizes the reads take.
struct InputDigestTests {
    func digest(_ bytes: [UInt8], readingBy size: Int) throws -> String {
        let input = ByteInput(bytes: bytes, name: "t")
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
        defer { buffer.deallocate() }
        while try input.read(into: buffer) > 0 {}
        return input.finishDigest()
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(input: String, digest: String) throws {
        #expect(try self.digest(Array(input.utf8), readingBy: 7) == digest)
    }

    @Test func readSizesDoNotMatter() throws {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let digests = try [1, 63, 64, 65, 1000, 1 << 16].map { try digest(bytes, readingBy: $0) }
        #expect(Set(digests).count == 1)
        #expect(try digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000), readingBy: 4096) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

struct ImportProgressTests {
    @Test func describesRateAndTimeLeft() {
        let p = ImportProgress(rows: 1_250_000, bytesRead: 25_000_000, totalBytes: 100_000_000, elapsed: 2.5)
        #expect(p.description == "1,250,000 rows, 500,000 rows/s, 8 s left")
        let stdin = ImportProgress(rows: 4096, bytesRead: 100, totalBytes: nil, elapsed: 1)
        #expect(stdin.description == "4,096 rows, 4,096 rows/s")
    }

    @Test func throttleReportsEvery4096RowsAtMost() {
        let seen = Counter()
        var throttle = ProgressThrottle(interval: 0) { seen.add($0.rows) }
        let input = CSVReader(input: ByteInput(bytes: Array("a\n".utf8), name: "t.csv"))
        for row in 1...10_000 { throttle.tick(rows: row, table: input) }
        #expect(seen.values == [4096, 8192])
        var silent = ProgressThrottle(interval: 3600) { seen.add($0.rows) }
        for row in 1...10_000 { silent.tick(rows: row, table: input) }
        #expect(seen.values == [4096, 8192])
    }
}

/// Collects values from a `@Sendable` callback.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int] = []
    func add(_ value: Int) { lock.withLock { stored.append(value) } }
    var values: [Int] { lock.withLock { stored } }
}
