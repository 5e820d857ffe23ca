import Foundation

/// How keys are compared and hashed by their bytes, wherever keys are looked up without a `Dictionary<String, _>`:
/// the org chart's key index (``People``) and the import's tables of HR ids and people.
package enum TextKey {
    /// The composed form (NFC), so that "José" typed composed or decomposed (as macOS writes it) is one key; ASCII,
    /// most keys, as it is.
    package static func canonical(_ key: String) -> String {
        key.utf8.allSatisfy { $0 < 0x80 } ? key : key.precomposedStringWithCanonicalMapping
    }

    /// FNV-1a, 64 bits, with the high bits folded in: slots are chosen by the low bits. A fraction of the cost of
    /// `Dictionary`'s seeded SipHash for keys this short.
    package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }
}
