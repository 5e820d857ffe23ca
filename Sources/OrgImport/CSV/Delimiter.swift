/// Field delimiters by the names messages and `--delimiter` use.
public enum Delimiter {
    /// "comma", "semicolon", "tab", "whitespace" (runs of spaces and tabs), or the character quoted: `'|'`.
    public static func name(_ delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: ","): "comma"
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "\t"): "tab"
        case CSVOptions.whitespace: "whitespace"
        default: "'\(Character(Unicode.Scalar(delimiter)))'"
        }
    }
}
