@testable import OrgFastPath
import Testing

/// The radix sort behind the report's per-pair sums, against the standard library's sort on the keys: the same
/// keys in the same order, every row kept with its weight, whatever the keys' shape.
struct PairSortTests {
    /// A deterministic generator, so a failure names its seed.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: UInt64) -> UInt64 { next() % n }
    }

    /// Rows of pairs `a << 32 | b` over `people` people (many repeated pairs when people are few), or raw keys.
    static func rows(count: Int, people: UInt64, seed: UInt64, raw: Bool = false) -> [PairSort.Row] {
        var random = SplitMix(state: seed)
        return (0..<count).map { i in
            let key = raw ? random.next() : random.below(people) << 32 | random.below(people)
            return (key, Double(i))
        }
    }

    static func check(_ rows: [PairSort.Row]) {
        var sorted = rows
        PairSort.sort(&sorted)
        #expect(sorted.map(\.pair) == rows.map(\.pair).sorted())
        // Nothing lost or duplicated: each row's weight is its original index.
        #expect(sorted.map(\.weight).sorted() == rows.map(\.weight).sorted())
        // Rows of one key keep their weights: each weight's key is unchanged.
        let keyOf = Dictionary(uniqueKeysWithValues: rows.map { ($0.weight, $0.pair) })
        #expect(sorted.allSatisfy { keyOf[$0.weight] == $0.pair })
    }

    @Test(arguments: [
        (0, 10 as UInt64), (1, 10), (2, 10), (47, 10), (48, 10), (49, 10), (1_000, 3), (1_000, 2), (20_000, 100),
        (20_000, 100_000), (50_000, 1 << 31), (5_000, 1),
    ])
    func sortsLikeTheStandardLibrary(count: Int, people: UInt64) {
        for seed in 1...3 as ClosedRange<UInt64> { Self.check(Self.rows(count: count, people: people, seed: seed)) }
    }

    @Test func rawKeysOfEveryByte() {
        Self.check(Self.rows(count: 30_000, people: 0, seed: 7, raw: true))
    }

    @Test func sortedReversedAndEqualInputs() {
        var ascending: [PairSort.Row] = []
        for i in 0..<10_000 {
            let key: UInt64 = UInt64(i / 3) << 32 | UInt64(i % 7)
            ascending.append((key, Double(i)))
        }
        Self.check(ascending)
        Self.check(ascending.reversed())
        let one: UInt64 = 42 << 32 | 7
        Self.check((0..<10_000).map { i -> PairSort.Row in (one, Double(i)) })
        Self.check((0..<10_000).map { i -> PairSort.Row in (UInt64(i % 2) << 56, Double(i)) })
    }
}
