/// Finds user mentions in Slack's message markup: `<@U123>`, or `<@U123|name>` as older exports
/// write them. Workspace-wide (Enterprise Grid) user ids start with `W` instead of `U`.
enum MentionScanner {
    /// The distinct mentioned user ids, in order of first appearance.
    static func userIDs(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        // The `|name>` form needs a `>` somewhere after it; looking once keeps the scan linear.
        let lastClose = bytes.lastIndex(of: UInt8(ascii: ">")) ?? -1
        var ids: [String] = []
        var index = 0
        while index + 4 < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "@"),
                  bytes[index + 2] == UInt8(ascii: "U") || bytes[index + 2] == UInt8(ascii: "W")
            else {
                index += 1
                continue
            }
            var end = index + 3
            while end < bytes.count, isIDByte(bytes[end]) {
                end += 1
            }
            guard end > index + 3, end < bytes.count else {
                index += 1
                continue
            }
            let closes = bytes[end] == UInt8(ascii: ">")
                || (bytes[end] == UInt8(ascii: "|") && lastClose > end)
            if closes {
                let id = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                if !ids.contains(id) {
                    ids.append(id)
                }
            }
            index = end
        }
        return ids
    }

    /// Slack ids are upper-case letters and digits.
    private static func isIDByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
