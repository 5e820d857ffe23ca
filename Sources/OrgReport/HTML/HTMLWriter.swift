/// Builds HTML and SVG markup in which imported text can only ever be text.
///
/// Tag and attribute names are string literals (``Name``), so no imported value can become markup; every text
/// and attribute value is escaped on the way in; the only attribute that holds a URL, `href`, must be an
/// in-page `#anchor` (and `src` is refused), so a `javascript:` name stays a name. Trusted markup (the stylesheet) must be a
/// `StaticString`: written in the source, never built at run time.
struct HTMLWriter: Sendable {
    /// A tag or attribute name; only a literal in the source makes one.
    public struct Name: ExpressibleByStringLiteral, Sendable {
        let text: String
        public init(stringLiteral value: StaticString) { text = value.description }
    }

    public private(set) var output = ""

    public init() {}

    /// Escaped text: `&`, `<` and `>` as entities; control characters as spaces; bidirectional overrides and
    /// isolates (U+202A–U+202E, U+2066–U+2069) as U+FFFD, so a name cannot reorder the text around it.
    public mutating func text(_ text: String) {
        Self.escape(text, into: &output, quotes: false)
    }

    /// `<name attributes>content</name>`.
    public mutating func element(_ name: Name, _ attributes: KeyValuePairs<Name, String> = [:], _ content: (inout HTMLWriter) -> Void = { _ in }) {
        element(name, attributes.map { ($0.key, $0.value) }, content)
    }

    /// `<name attributes>content</name>`, with attributes built up at run time (names still literals).
    public mutating func element(_ name: Name, _ attributes: [(Name, String)], _ content: (inout HTMLWriter) -> Void = { _ in }) {
        open(name, attributes)
        content(&self)
        output += "</\(name.text)>"
    }

    /// `<name attributes>text</name>`.
    public mutating func element(_ name: Name, _ attributes: KeyValuePairs<Name, String> = [:], text: String) {
        element(name, attributes) { $0.text(text) }
    }

    public mutating func element(_ name: Name, _ attributes: [(Name, String)], text: String) {
        element(name, attributes) { $0.text(text) }
    }

    /// A void element (`<meta>`, `<br>`) or a self-closed SVG one (`<rect/>`).
    public mutating func empty(_ name: Name, _ attributes: KeyValuePairs<Name, String> = [:], selfClosing: Bool = false) {
        empty(name, attributes.map { ($0.key, $0.value) }, selfClosing: selfClosing)
    }

    public mutating func empty(_ name: Name, _ attributes: [(Name, String)], selfClosing: Bool = false) {
        open(name, attributes, closing: selfClosing ? "/>" : ">")
    }

    /// Markup written in the source: the doctype, the stylesheet.
    public mutating func trusted(_ markup: StaticString) {
        output += markup.description
    }

    /// Markup another writer produced (a picture), escaped there.
    public mutating func append(_ other: HTMLWriter) {
        output += other.output
    }

    private mutating func open(_ name: Name, _ attributes: [(Name, String)], closing: String = ">") {
        output += "<" + name.text
        for (key, value) in attributes {
            // An href other than an in-page anchor would be a URL, possibly from data.
            precondition(key.text != "href" || value.hasPrefix("#"), "href must be an in-page anchor")
            precondition(key.text != "src", "the page loads nothing")
            output += " " + key.text + "=\""
            Self.escape(value, into: &output, quotes: true)
            output += "\""
        }
        output += closing
    }

    static func escape(_ text: String, into out: inout String, quotes: Bool) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}": out += "\u{FFFD}"
            default:
                out.unicodeScalars.append(scalar.properties.generalCategory == .control ? " " : scalar)
            }
        }
    }

    /// `text` escaped as an attribute value would be; for tests and callers that need the escaped form alone.
    public static func escaped(_ text: String) -> String {
        var out = ""
        escape(text, into: &out, quotes: true)
        return out
    }
}
