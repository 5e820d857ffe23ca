import Foundation

extension String {
    /// The text in Unicode's composed form (NFC), for looking it up by its bytes: Swift's `==` holds "José"
    /// typed composed and decomposed (as macOS writes file names) equal, and byte-keyed tables must too.
    /// ASCII, most keys, is returned as it is.
    public var canonicalKey: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping
    }
}
