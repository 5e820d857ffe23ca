#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hash table from byte strings to ids, looked up without making a `String`: the links import
/// resolves two endpoints a row for millions of rows (docs/benchmarks.md).
struct ByteKeyTable: Sendable {
    private var arena: [UInt8] = []
    /// Open addressing, linear probing; a slot holds an index into `entries` plus one, 0 when empty.
    private var slots: [Int32]
    private var entries: [(hash: UInt64, offset: Int, count: Int, id: Int64)] = []
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// FNV-1a, 64 bits, with the high bits folded in: slots are chosen by the low bits.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    /// Adds `key`; the first id given for a key stays.
    mutating func insert(_ key: some Collection<UInt8>, id: Int64) {
        let bytes = Array(key)
        bytes.withUnsafeBufferPointer { b in
            guard lookup(b) == nil else { return }
            if entries.count * 2 >= slots.count { grow() }
            let h = Self.hash(b)
            entries.append((h, arena.count, b.count, id))
            arena.append(contentsOf: b)
            place(entries.count - 1, hash: h)
        }
    }

    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int64? {
        let h = Self.hash(key)
        return slots.withUnsafeBufferPointer { slots in
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
