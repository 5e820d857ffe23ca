/// Strict UTF-8 validation over raw bytes.
///
/// The reader must name the line of an invalid byte rather than silently
/// substituting U+FFFD (which `String(decoding:as:)` would do), so it checks
/// every logical line once before any value is turned into a `String`.
enum UTF8Validation {
    /// Offset of the first byte that does not start a well-formed UTF-8 sequence,
    /// or nil when all bytes are valid. Rejects overlong forms, surrogates and
    /// code points above U+10FFFF.
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var scalar: UInt32
            let minimum: UInt32
            switch lead {
            case 0xC2...0xDF:
                length = 2; scalar = UInt32(lead & 0x1F); minimum = 0x80
            case 0xE0...0xEF:
                length = 3; scalar = UInt32(lead & 0x0F); minimum = 0x800
            case 0xF0...0xF4:
                length = 4; scalar = UInt32(lead & 0x07); minimum = 0x10000
            default:
                return index
            }
            guard index + length <= count else { return index }
            for offset in 1..<length {
                let continuation = bytes[index + offset]
                guard continuation & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                return index
            }
            index += length
        }
        return nil
    }
}
