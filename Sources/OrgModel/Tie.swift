/// The imported collaboration between two people of one snapshot, summed over all their links (undirected).
///
/// `a` and `b` are indices into ``Organization/people`` with `a < b`. Dotted-line managers are not ties:
/// the analyzer adds them from ``Organization/dottedLineManagerIndices``.
public struct Tie: Sendable, Hashable {
    // Stored in 32 bits each (24 bytes a tie instead of 32): a snapshot of 50 million links holds tens of
    // millions of ties at once (docs/benchmarks.md). Two billion people or links per pair are out of reach.
    private var first: Int32
    private var second: Int32
    private var links: UInt32

    public var a: Int {
        get { Int(first) }
        set { first = Int32(newValue) }
    }
    public var b: Int {
        get { Int(second) }
        set { second = Int32(newValue) }
    }
    /// The sum of the links' weights.
    public var weight: Double
    /// How many imported links were summed.
    public var count: Int {
        get { Int(links) }
        set { links = UInt32(newValue) }
    }

    public init(a: Int, b: Int, weight: Double, count: Int) {
        precondition(a != b, "a tie joins two different people")
        first = Int32(min(a, b))
        second = Int32(max(a, b))
        self.weight = weight
        links = UInt32(count)
    }
}
