/// Everything two people's links add up to in one snapshot, over every source: what `orgmap links` lists so a
/// user can audit what orgmap took from their files before trusting a report.
public struct PairLinks: Sendable, Hashable {
    /// One end of the pair, as the org chart names them.
    public struct End: Sendable, Hashable {
        public var key: String
        public var email: String?
        public var name: String

        public init(key: String, email: String?, name: String) {
            self.key = key
            self.email = email
            self.name = name
        }
    }

    /// `a`'s id sorts before `b`'s: a pair is listed once, whichever way its links ran.
    public var a: End
    public var b: End
    /// The sum of the links' weights.
    public var weight: Double
    /// How many links.
    public var links: Int
    /// The earliest and latest dated link; nil when none is dated.
    public var firstDate: CalendarDate?
    public var lastDate: CalendarDate?
    /// The links' kinds (meeting, chat, ...), sorted; empty when none has one.
    public var kinds: [String]

    public init(a: End, b: End, weight: Double, links: Int, firstDate: CalendarDate?, lastDate: CalendarDate?, kinds: [String]) {
        self.a = a
        self.b = b
        self.weight = weight
        self.links = links
        self.firstDate = firstDate
        self.lastDate = lastDate
        self.kinds = kinds
    }
}
