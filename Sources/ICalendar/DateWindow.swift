/// The half-open range of local start dates `[since, until)` a caller wants.
///
/// Expansion is driven by this window: recurring series are only enumerated as
/// far as needed to cover it, so a ten-year daily series costs one year of work
/// when one year is asked for.
public struct DateWindow: Sendable, Hashable {
    /// First local date included.
    public let since: LocalDate
    /// First local date excluded.
    public let until: LocalDate

    public init(since: LocalDate, until: LocalDate) {
        self.since = since
        self.until = until
    }

    /// Day numbers covered, empty when `until` is not after `since`.
    var days: Range<Int> {
        let lower = since.dayNumber
        return lower..<max(lower, until.dayNumber)
    }
}
