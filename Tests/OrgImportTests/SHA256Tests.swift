import Foundation
import Testing
@testable import OrgImport

struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(input: String, digest: String) {
        var h = SHA256()
        h.update(Array(input.utf8))
        #expect(h.finalizeHex() == digest)
    }

    @Test func chunkedEqualsWhole() {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var whole = SHA256()
        whole.update(bytes)
        var chunked = SHA256()
        var i = 0
        for size in [1, 63, 64, 65, 127, 1000].cycled() {
            guard i < bytes.count else { break }
            chunked.update(bytes[i..<min(i + size, bytes.count)])
            i += size
        }
        #expect(chunked.finalizeHex() == whole.finalizeHex())
    }

    @Test func millionAs() {
        var h = SHA256()
        let block = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { h.update(block) }
        #expect(h.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

extension Array {
    /// The elements repeated without end.
    func cycled() -> UnfoldSequence<Element, Int> {
        sequence(state: 0) { i in
            defer { i = (i + 1) % count }
            return self[i]
        }
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
        let input = ByteInput(bytes: Array("a\n".utf8), name: "t.csv")
        for row in 1...10_000 { throttle.tick(rows: row, input: input) }
        #expect(seen.values == [4096, 8192])
        var silent = ProgressThrottle(interval: 3600) { seen.add($0.rows) }
        for row in 1...10_000 { silent.tick(rows: row, input: input) }
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

/// RFC 4231's test cases for HMAC-SHA-256, the keyed pseudonyms' digest.
struct HMACTests {
    @Test(arguments: [
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        // A key longer than the block is hashed first.
        ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    ])
    func rfc4231(key: [UInt8], message: [UInt8], digest: String) {
        #expect(SHA256.hmacHex(key: key, message: message) == digest)
    }
}
