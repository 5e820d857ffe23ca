extension String {
    /// Without leading and trailing spaces, tabs and line breaks. Foundation's `trimmingCharacters(in:)`
    /// bridges through NSString and cost a third of an import's time (docs/benchmarks.md).
    var trimmed: String {
        let bytes = utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = bytes.first, let last = bytes.last, isSpace(first) || isSpace(last) else { return self }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = bytes.lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
