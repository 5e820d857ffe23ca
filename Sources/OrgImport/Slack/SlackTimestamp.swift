import OrgModel

/// Slack's `ts`: both a message's id and its time, written as seconds since 1970 in decimal digits, a
/// dot and a sequence number (`"1698765432.000200"`).
enum SlackTimestamp {
    /// The UTC day of `ts`, or nil when `ts` is not such a number string.
    static func utcDate(of ts: String) -> CalendarDate? {
        let parts = ts.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
              let seconds = UInt64(String(decoding: parts[0], as: UTF8.self))
        else {
            return nil
        }
        // Whole days since 1970 from the epoch day; nil past year 9999.
        return seconds / 86_400 > UInt64(Int.max) ? nil : CalendarDate(year: 1970, month: 1, day: 1)?.adding(days: Int(seconds / 86_400))
    }
}
