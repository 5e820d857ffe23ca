/// Sorts link rows by their pair key in place: an MSD radix sort (American flag sort) on the key's bytes, with
/// insertion sort for short runs.
///
/// The report sorts every link of a snapshot to sum them per pair of people: 5 million rows on the reference
/// workload, 50 million at ten times. The standard library's sort is a stable merge sort that takes a buffer of
/// half the rows (40 MB at 5 million) and a fifth of the report's time; this one needs no buffer and reads the
/// keys a byte at a time, most significant first, skipping bytes no key uses (docs/benchmarks.md). Rows with
/// equal keys end in an unspecified but deterministic order: their weights are summed.
enum PairSort {
    typealias Row = (pair: UInt64, weight: Double)

    /// Runs this short are finished by insertion sort.
    static let insertionLimit = 48

    static func sort(_ rows: inout [Row]) {
        rows.withUnsafeMutableBufferPointer { sort($0) }
    }

    static func sort(_ rows: UnsafeMutableBufferPointer<Row>) {
        guard rows.count > 1 else { return }
        var all: UInt64 = 0
        for row in rows { all |= row.pair }
        guard all != 0 else { return }
        // The most significant byte any key uses.
        let top = (63 - all.leadingZeroBitCount) / 8 * 8
        sortRange(rows, 0, rows.count, shift: top, used: all)
    }

    private static func sortRange(_ rows: UnsafeMutableBufferPointer<Row>, _ lo: Int, _ hi: Int, shift: Int, used: UInt64) {
        if hi - lo <= insertionLimit {
            insertionSort(rows, lo, hi)
            return
        }
        // A byte no key has set puts every row in one bucket: go straight to the next.
        var shift = shift
        while shift > 0, (used >> UInt64(shift)) & 0xFF == 0 { shift -= 8 }
        // Counts, then each bucket's next free slot and its end: on the stack, one set a call.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 768) { scratch in
            let counts = UnsafeMutableBufferPointer(rebasing: scratch[0..<256])
            let next = UnsafeMutableBufferPointer(rebasing: scratch[256..<512])
            let end = UnsafeMutableBufferPointer(rebasing: scratch[512..<768])
            counts.initialize(repeating: 0)
            for i in lo..<hi { counts[Int((rows[i].pair >> UInt64(shift)) & 0xFF)] += 1 }
            var position = lo
            for digit in 0..<256 {
                next[digit] = position
                position += counts[digit]
                end[digit] = position
            }
            // Each row is swapped straight into its bucket: every swap places at least one row for good.
            for digit in 0..<256 {
                while next[digit] < end[digit] {
                    let home = Int((rows[next[digit]].pair >> UInt64(shift)) & 0xFF)
                    if home == digit {
                        next[digit] += 1
                    } else {
                        rows.swapAt(next[digit], next[home])
                        next[home] += 1
                    }
                }
            }
            guard shift > 0 else { return }
            var start = lo
            for digit in 0..<256 {
                let stop = end[digit]
                if stop - start > 1 { sortRange(rows, start, stop, shift: shift - 8, used: used) }
                start = stop
            }
        }
    }

    private static func insertionSort(_ rows: UnsafeMutableBufferPointer<Row>, _ lo: Int, _ hi: Int) {
        guard hi - lo > 1 else { return }
        for i in (lo + 1)..<hi {
            let row = rows[i]
            var j = i
            while j > lo, rows[j - 1].pair > row.pair {
                rows[j] = rows[j - 1]
                j -= 1
            }
            rows[j] = row
        }
    }
}
