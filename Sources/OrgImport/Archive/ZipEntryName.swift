/// Decodes the name bytes of a zip entry.
///
/// The format says names are CP437 unless general-purpose flag bit 11 marks them UTF-8, but the flag is
/// not trusted either way: macOS's Archive Utility and Info-ZIP on Unix write UTF-8 names without
/// setting it. So valid UTF-8 is read as UTF-8 (a real CP437 name with non-ASCII letters is almost never
/// valid UTF-8), and anything else as CP437, which maps every byte, so no name is lost.
enum ZipEntryName {
    /// CP437's characters for bytes 0x80...0xFF; its lower half is ASCII.
    private static let upperHalf = Array((
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒ"
            + "áíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
            + "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
            + "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}"
    ).unicodeScalars)

    static func decode(_ bytes: some Collection<UInt8>) -> String {
        let utf8 = String(decoding: bytes, as: UTF8.self)
        // Decoding replaces invalid sequences, so unchanged bytes mean the name was valid UTF-8.
        if utf8.utf8.elementsEqual(bytes) {
            return utf8
        }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : upperHalf[Int(byte) - 0x80])
        }
        return String(scalars)
    }
}
