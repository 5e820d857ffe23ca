#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A snapshot's ties, summed per pair of people, in three columns: the pair, the summed weight, how many links.
///
/// What the analysis reads instead of `[Tie]`: 20 bytes a pair in place of a 24-byte `Tie`, filled by the loader
/// while it reads the links (``TieColumns/merge(_:counts:)``) with no per-link array held beside it, so a snapshot
/// of 50 million links is bounded by its distinct pairs (docs/benchmarks.md).
public struct TieTable: Sendable {
    @usableFromInline package let columns: TieColumns

    package init(columns: TieColumns) {
        self.columns = columns
    }

    /// The ties as given, in their order (tests and small organizations build these).
    public init(_ ties: [Tie]) {
        let columns = TieColumns()
        columns.reserve(ties.count)
        for tie in ties { columns.append(a: tie.a, b: tie.b, weight: tie.weight, count: tie.count) }
        self.init(columns: columns)
    }

    /// How many ties (pairs of people).
    public var count: Int { columns.count }

    /// How many imported links the ties sum.
    public var linkCount: Int {
        var total = 0
        for k in 0..<columns.count { total += Int(columns.counts[k]) }
        return total
    }

    /// Calls `body(a, b, weight, count)` for every tie, `a < b`. Inlinable: the analysis's passes over millions of
    /// ties are closures that must be inlined into them.
    @inlinable @inline(__always)
    public func forEach(_ body: (Int, Int, Double, Int) -> Void) {
        forEach(in: 0..<columns.count, body)
    }

    /// ``forEach(_:)`` over the ties at positions `range` only: a pass split between threads.
    @inlinable @inline(__always)
    public func forEach(in range: Range<Int>, _ body: (Int, Int, Double, Int) -> Void) {
        let range = range.clamped(to: 0..<columns.count)
        guard !range.isEmpty else { return }
        let weights = columns.weights, counts = columns.counts
        if let rowStart = columns.rowStart, let others = columns.others {
            var a = columns.row(of: range.lowerBound)
            var k = range.lowerBound
            while k < range.upperBound {
                let end = min(rowStart[a + 1], range.upperBound)
                while k < end {
                    body(a, Int(others[k]), weights[k], Int(counts[k]))
                    k += 1
                }
                a += 1
            }
        } else {
            let keys = columns.keys
            for k in range {
                let key = keys[k]
                body(Int(key >> 32), Int(key & 0xFFFF_FFFF), weights[k], Int(counts[k]))
            }
        }
    }

    /// The ties as values.
    public var ties: [Tie] {
        var out: [Tie] = []
        out.reserveCapacity(count)
        forEach { a, b, weight, count in out.append(Tie(a: a, b: b, weight: weight, count: count)) }
        return out
    }
}

/// Growable columns of ties (pair key `a << 32 | b`, weight, link count), in memory of their own.
///
/// They grow with `realloc`, which for blocks this large moves pages rather than copying them, so growing does
/// not need the old and the new block at once, as an `Array` does. Keys are in ascending order when filled by
/// ``merge(_:counts:)``; ``compact(people:)`` then turns the 8-byte keys into 4-byte second people and a start
/// per first person, in place: 16 bytes a tie.
///
/// `@unchecked Sendable`: a loader fills the columns on one thread at a time, handing them over under a lock;
/// once in a ``TieTable`` they are only read.
@usableFromInline
package final class TieColumns: @unchecked Sendable {
    /// The pair keys, until ``compact(people:)``.
    @usableFromInline package private(set) var keys: UnsafeMutablePointer<UInt64>
    /// After ``compact(people:)``, in the keys' memory (``keys`` is then gone): each tie's second person; its
    /// first is the row it is in. Nil before.
    @usableFromInline package private(set) var others: UnsafeMutablePointer<UInt32>?
    /// After ``compact(people:)``: where each first person's ties start, one more than there are people.
    @usableFromInline package private(set) var rowStart: UnsafeMutablePointer<Int>?
    @usableFromInline package private(set) var weights: UnsafeMutablePointer<Double>
    @usableFromInline package private(set) var counts: UnsafeMutablePointer<UInt32>
    @usableFromInline package private(set) var count = 0
    private var capacity = 0

    package init() {
        keys = Self.grow(nil, to: 1)
        weights = Self.grow(nil, to: 1)
        counts = Self.grow(nil, to: 1)
        capacity = 1
    }

    /// Empty columns already in their compacted form, with room for `capacity` ties among `people` people: for
    /// a loader whose readers write ties in pair order straight into ``others``, ``weights`` and ``counts``, each
    /// reader into a stretch of its own, and count each first person's ties in ``rowStart`` (at `a + 1`); then
    /// ``joinCompacted(_:)``. No pair keys are held: 8 bytes a tie less than ``compact(people:)`` needs.
    package init(compactedCapacity capacity: Int, people: Int) {
        let n = max(capacity, 1)
        let others = Self.grow(nil as UnsafeMutablePointer<UInt32>?, to: n)
        self.others = others
        // Never read once compacted: the keys' memory is the second people's, as after compact(people:).
        keys = UnsafeMutableRawPointer(others).assumingMemoryBound(to: UInt64.self)
        weights = Self.grow(nil, to: n)
        counts = Self.grow(nil, to: n)
        self.capacity = n
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: people + 1)
        starts.initialize(repeating: 0, count: people + 1)
        rowStart = starts
        self.people = people
    }

    /// After the readers of ``init(compactedCapacity:people:)``: their stretches (`start`, how many ties) moved
    /// together in that order, each first person's ties counted into where its row starts, the room past the last
    /// tie given back.
    package func joinCompacted(_ parts: [(start: Int, count: Int)]) {
        guard let others, let rowStart, count == 0 else { preconditionFailure("not columns made compacted, or joined twice") }
        var end = 0
        for (start, n) in parts {
            precondition(start >= end && start + n <= capacity, "parts overlap or overflow")
            if start != end {
                memmove(others + end, others + start, n * MemoryLayout<UInt32>.stride)
                memmove(weights + end, weights + start, n * MemoryLayout<Double>.stride)
                memmove(counts + end, counts + start, n * MemoryLayout<UInt32>.stride)
            }
            end += n
        }
        for a in 0..<people { rowStart[a + 1] += rowStart[a] }
        precondition(rowStart[people] == end, "rows do not add up to the ties")
        let n = max(end, 1)
        self.others = Self.grow(others, to: n)
        keys = UnsafeMutableRawPointer(self.others!).assumingMemoryBound(to: UInt64.self)
        weights = Self.grow(weights, to: n)
        counts = Self.grow(counts, to: n)
        capacity = n
        count = end
    }

    deinit {
        if let others { free(others) } else { free(keys) }
        free(rowStart)
        free(weights)
        free(counts)
    }

    /// Room for `n` ties in all.
    package func reserve(_ n: Int) {
        guard n > capacity else { return }
        precondition(others == nil, "tie columns are complete once compacted")
        keys = Self.grow(keys, to: n)
        weights = Self.grow(weights, to: n)
        counts = Self.grow(counts, to: n)
        capacity = n
    }

    /// Turns sorted keys (each pair once, every person below `people`) into second people and row starts, in
    /// place, and gives back the room past the last tie.
    package func compact(people: Int) {
        precondition(others == nil, "tie columns compacted twice")
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: people + 1)
        starts.initialize(repeating: 0, count: people + 1)
        // Entry k's 4 bytes go where entry k/2's 8 did: every key is read before its bytes are written over.
        let raw = UnsafeMutableRawPointer(keys)
        var previous: UInt64?
        for k in 0..<count {
            let key = raw.load(fromByteOffset: 8 * k, as: UInt64.self)
            let a = Int(key >> 32)
            precondition(a < people && previous.map { key > $0 } ?? true, "tie columns out of order")
            previous = key
            starts[a + 1] += 1
            raw.storeBytes(of: UInt32(truncatingIfNeeded: key), toByteOffset: 4 * k, as: UInt32.self)
        }
        for a in 0..<people { starts[a + 1] += starts[a] }
        let n = max(count, 1)
        guard let shrunk = realloc(raw, n * 4) else { fatalError("out of memory shrinking ties") }
        others = shrunk.bindMemory(to: UInt32.self, capacity: n)
        weights = Self.grow(weights, to: n)
        counts = Self.grow(counts, to: n)
        capacity = n
        rowStart = starts
        self.people = people
    }

    /// After ``compact(people:)``: how many first people there are rows for.
    @usableFromInline package private(set) var people = 0

    /// The row (first person) holding tie `k`, after ``compact(people:)``.
    @usableFromInline
    func row(of k: Int) -> Int {
        guard let rowStart else { return 0 }
        // The last row starting at or before k.
        var lo = 0, hi = people - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if rowStart[mid] <= k { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    package func append(a: Int, b: Int, weight: Double, count links: Int) {
        if count == capacity { reserve(capacity * 2) }
        keys[count] = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
        weights[count] = weight
        counts[count] = UInt32(clamping: links)
        count += 1
    }

    /// Adds a run of ties, sorted by key with each key once, into these columns (sorted, each key once): a tie
    /// whose pair is already here has its weight and count added (these first, then the run's); the rest are
    /// placed in order. Merged from the back into room grown at the end, so nothing but that room is needed.
    package func merge(_ run: UnsafeBufferPointer<(pair: UInt64, weight: Double)>, counts runCounts: UnsafeBufferPointer<UInt32>) {
        guard !run.isEmpty else { return }
        let n = count, m = run.count
        reserve(n + m)
        var i = n - 1, j = m - 1, out = n + m - 1
        while j >= 0 {
            if i >= 0, keys[i] > run[j].pair {
                keys[out] = keys[i]; weights[out] = weights[i]; counts[out] = counts[i]
                i -= 1
            } else if i >= 0, keys[i] == run[j].pair {
                keys[out] = keys[i]
                weights[out] = weights[i] + run[j].weight
                counts[out] = counts[i] &+ runCounts[j]
                i -= 1
                j -= 1
            } else {
                keys[out] = run[j].pair; weights[out] = run[j].weight; counts[out] = runCounts[j]
                j -= 1
            }
            out -= 1
        }
        // Ties [0, i] are already in place; pairs found on both sides left `out - i` slots free between them and
        // the merged ones.
        let gap = out - i
        if gap > 0 {
            let from = out + 1, length = n + m - from
            memmove(keys + i + 1, keys + from, length * MemoryLayout<UInt64>.stride)
            memmove(weights + i + 1, weights + from, length * MemoryLayout<Double>.stride)
            memmove(counts + i + 1, counts + from, length * MemoryLayout<UInt32>.stride)
        }
        count = n + m - gap
    }

    private static func grow<T>(_ pointer: UnsafeMutablePointer<T>?, to n: Int) -> UnsafeMutablePointer<T> {
        let bytes = n * MemoryLayout<T>.stride
        guard let raw = realloc(pointer.map(UnsafeMutableRawPointer.init), bytes) else {
            fatalError("out of memory: \(bytes) bytes for ties")
        }
        return raw.bindMemory(to: T.self, capacity: n)
    }
}
