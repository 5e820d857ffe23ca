#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import OrgModel

/// Text keys compared as Swift compares text, found by their bytes in a ``ByteKeyTable``: "José" typed composed
/// (NFC) or decomposed (NFD, as macOS writes it) is one key. The people import's HR ids and department names.
package struct TextKeyTable: Sendable {
    private var table = ByteKeyTable()

    package init() {}

    package var count: Int { table.count }

    /// Adds `key` with `id` unless it is there; returns the id it had, or nil when it was added.
    @discardableResult
    package mutating func insert(_ key: String, id: Int64) -> Int64? { table.insert(TextKey.canonical(key), id: id) }

    package subscript(key: String) -> Int64? { table[TextKey.canonical(key)] }
}

/// A hash table from byte strings to ids, looked up without making a `String`: the links import resolves two
/// endpoints a row for millions of rows, and the people import indexes every key as it reads (docs/benchmarks.md).
/// FNV-1a over the bytes costs a fraction of `Dictionary<String, _>`'s seeded SipHash for keys this short.
package struct ByteKeyTable: Sendable {
    private var arena: [UInt8] = []
    /// Open addressing, linear probing; a slot holds an index into `entries` plus one, 0 when empty.
    private var slots: [Int32]
    private var entries: [(hash: UInt64, offset: Int, count: Int, id: Int64)] = []
    private var mask: Int

    package init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    package var count: Int { entries.count }

    /// Adds `key` with `id` unless it is there; returns the id it had, or nil when it was added.
    @discardableResult
    package mutating func insert(_ key: UnsafeBufferPointer<UInt8>, id: Int64) -> Int64? {
        let h = TextKey.hash(key)
        if let known = find(key, hash: h) { return known }
        if entries.count * 2 >= slots.count { grow() }
        entries.append((h, arena.count, key.count, id))
        arena.append(contentsOf: key)
        place(entries.count - 1, hash: h)
        return nil
    }

    @discardableResult
    package mutating func insert(_ key: String, id: Int64) -> Int64? {
        var key = key
        return key.withUTF8 { insert($0, id: id) }
    }

    package func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int64? {
        find(key, hash: TextKey.hash(key))
    }

    package subscript(key: String) -> Int64? {
        var key = key
        return key.withUTF8 { lookup($0) }
    }

    private func find(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int64? {
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena in
                    var i = Int(truncatingIfNeeded: h) & mask
                    while true {
                        let slot = Int(slots[i])
                        if slot == 0 { return nil }
                        let e = entries[slot - 1]
                        if e.hash == h, e.count == key.count,
                           e.count == 0 || memcmp(arena.baseAddress! + e.offset, key.baseAddress!, e.count) == 0 {
                            return e.id
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    private mutating func place(_ entry: Int, hash: UInt64) {
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = Int32(entry + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for (i, e) in entries.enumerated() { place(i, hash: e.hash) }
    }
}
