/// The imported collaboration between two people of one snapshot, summed over all their links (undirected).
///
/// `a` and `b` are indices into ``Organization/people`` with `a < b`. Dotted-line managers are not ties:
/// the analyzer adds them from ``Organization/dottedLineManagerIndices``.
public struct Tie: Sendable, Hashable {
    public var a: Int
    public var b: Int
    /// The sum of the links' weights.
    public var weight: Double
    /// How many imported links were summed.
    public var count: Int

    public init(a: Int, b: Int, weight: Double, count: Int) {
        precondition(a != b, "a tie joins two different people")
        self.a = min(a, b)
        self.b = max(a, b)
        self.weight = weight
        self.count = count
    }
}
