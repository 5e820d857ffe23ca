/// Matches department names and titles against a policy's phrases, word by word, ignoring case.
///
/// Both sides are split into words on anything but letters, digits and `&` (so "R&D" stays one word);
/// "of", "the", "and" and a lone "&" are dropped, "sr"/"mgr"/"eng" read as "senior"/"manager"/"engineering",
/// and "vice president" reads as "vp". A phrase matches when its words appear consecutively.
public struct PhraseMatcher: Sendable {
    private let phrases: [(phrase: String, words: [String])]

    public init(_ phrases: [String]) {
        self.phrases = phrases.map { ($0, PhraseMatcher.words($0)) }.filter { !$0.words.isEmpty }
    }

    /// The longest phrase found in `text`, as written in the policy; nil when none matches.
    public func match(_ text: String) -> String? {
        let words = PhraseMatcher.words(text)
        guard !words.isEmpty else { return nil }
        var best: (phrase: String, length: Int)?
        for (phrase, pattern) in phrases where pattern.count > (best?.length ?? 0) {
            if PhraseMatcher.contains(words, pattern) { best = (phrase, pattern.count) }
        }
        return best?.phrase
    }

    static func words(_ text: String) -> [String] {
        var raw: [String] = []
        var current = ""
        for ch in text.lowercased() {
            // ASCII first: Unicode's letter and number properties are a table lookup a character, which on every
            // title of a large org chart was 4% of a report.
            let keeps = if let byte = ch.asciiValue {
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x26 || (byte >= 0x41 && byte <= 0x5A)
            } else {
                ch.isLetter || ch.isNumber
            }
            if keeps {
                current.append(ch)
            } else if !current.isEmpty {
                raw.append(current)
                current = ""
            }
        }
        if !current.isEmpty { raw.append(current) }
        var out: [String] = []
        for word in raw {
            switch word {
            case "of", "the", "and", "&": continue
            case "sr": out.append("senior")
            case "mgr": out.append("manager")
            case "eng", "engg": out.append("engineering")
            case "president" where out.last == "vice": out[out.count - 1] = "vp"
            default: out.append(word)
            }
        }
        return out
    }

    private static func contains(_ words: [String], _ pattern: [String]) -> Bool {
        guard pattern.count <= words.count else { return false }
        for start in 0...(words.count - pattern.count)
        where words[start..<(start + pattern.count)].elementsEqual(pattern) {
            return true
        }
        return false
    }
}
