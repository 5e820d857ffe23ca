/// Makes imported text (names, titles, departments) inert in GitHub-flavoured Markdown, HTML and Mermaid.
///
/// Every piece of text that came from an import goes through here before it reaches a report, so a name
/// such as `<img src=x onerror=alert(1)>` or `a | b` renders as itself and tables keep their columns.
public enum MarkdownEscaping {
    /// For paragraphs, list items, headings and table cells: one line, Markdown punctuation backslash-escaped,
    /// HTML special characters as entities, `@` as an entity so GitHub does not notify anyone.
    public static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~":
                out.append("\\")
                out.unicodeScalars.append(scalar)
            case "<": out.append("&lt;")
            case ">": out.append("&gt;")
            case "&": out.append("&amp;")
            case "@": out.append("&#64;")
            default:
                if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out.append(" ")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        // A leading "-", "+" or "=" could start a list item or underline a heading where the text starts a line.
        if let first = out.first, "-+=".contains(first) { out.insert("\\", at: out.startIndex) }
        return out
    }

    /// For a quoted Mermaid node label: Mermaid's `#code;` entities for quotes, angle brackets, `#` and backticks.
    public static func mermaidLabel(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "<", ">", "#", "`", "&", "|", "[", "]", "{", "}", "(", ")", ";", "\\":
                out.append("#\(scalar.value);")
            default:
                out.unicodeScalars.append(scalar.properties.generalCategory == .control ? " " : scalar)
            }
        }
        return out
    }

    /// A relative link for `![alt](link)`: every byte but letters, digits, `-._~/` percent-encoded, so spaces,
    /// parentheses and brackets in a folder name cannot end the link.
    public static func link(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
