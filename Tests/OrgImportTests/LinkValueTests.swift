import Testing
@testable import OrgImport

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
