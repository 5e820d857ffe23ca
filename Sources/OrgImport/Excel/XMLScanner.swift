/// Where an ``XMLScanner`` gets its bytes: a zip entry being inflated, or bytes in memory.
public protocol XMLByteSource: AnyObject {
    /// Fills the front of `buffer`; returns the count written, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

extension ZipEntryReader: XMLByteSource {}

/// Bytes in memory handed over `chunkSize` at a time, so tests and the fuzzer can cut a document anywhere.
public final class MemoryByteSource: XMLByteSource {
    private let bytes: [UInt8]
    private let chunkSize: Int
    private var offset = 0

    public init(_ bytes: [UInt8], chunkSize: Int = 1 << 16) {
        self.bytes = bytes
        self.chunkSize = max(1, chunkSize)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, chunkSize, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}

/// A malformed XML document: what was expected, at which byte of the part.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 0-based offset of the token where the problem was found.
    public let offset: Int
    public let message: String

    public var description: String { "at byte \(offset): \(message)" }
}

/// What ``XMLScanner/next()`` found.
public enum XMLEvent: Equatable, Sendable {
    /// A start tag; read it with ``XMLScanner/localName`` and the attribute functions. A self-closing
    /// tag gives `.start` and then `.end`.
    case start
    /// An end tag (its name is still ``XMLScanner/localName``).
    case end
    /// Character data inside the root element, entities decoded, CR LF and CR read as LF: a run between
    /// two tags, or one CDATA section. Read it with ``XMLScanner/withText(_:)``.
    case text
    /// The end of the document, after the root element closed.
    case endOfDocument
}

/// A small pull scanner for the XML that spreadsheet parts hold, on bytes, fed by a ``XMLByteSource`` a
/// chunk at a time.
///
/// It handles the XML declaration and processing instructions (skipped), comments (skipped), elements with
/// namespace prefixes (names are matched by their local part: `<x:row>` is a `row`; `xmlns` attributes are
/// not attributes), attributes in any order quoted with `"` or `'`, self-closing tags, the five predefined
/// entities and character references (`&#NNN;`, `&#xHH;`), CDATA sections, a UTF-8 byte order mark, and
/// tokens cut anywhere by a chunk boundary. It checks well-formedness as far as a reader needs: tags nest and
/// match, one root, nothing but white space outside it, no unknown entity. A DOCTYPE is refused (workbooks
/// never have one, and its entity definitions are how XML bombs work); UTF-16 is refused.
///
/// Memory is one buffer, 64 KiB unless a single token (a tag or a text run) is longer; a token over
/// `maxTokenBytes` and nesting over `maxDepth` are errors, so no input makes it hold much or recurse.
/// What an event refers to (name, attributes, text) is valid until the next call of ``next()``.
///
/// Foundation's `XMLParser` is not used: on Linux it is libxml2, a new dependency of the static binary,
/// and it is slower on sheets (`docs/benchmarks.md`, "Excel workbooks").
public final class XMLScanner {
    /// The most bytes one tag or one run of text may take.
    public let maxTokenBytes: Int
    /// The deepest nesting of elements accepted.
    public let maxDepth: Int

    private let source: any XMLByteSource
    // Unchecked: the scanner is used by one thread at a time and never lends its storage while changing
    // it; the run-time exclusivity check on each byte read would cost more than the scan.
    @exclusivity(unchecked) private var buffer: UnsafeMutableRawBufferPointer
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var end = 0
    @exclusivity(unchecked) private var sourceEnded = false
    /// The document offset of `buffer[0]`.
    @exclusivity(unchecked) private var base = 0
    private var started = false
    private var rootSeen = false
    private var finished = false

    /// The current element's local name, as a range of `buffer`.
    @exclusivity(unchecked) private var nameStart = 0
    @exclusivity(unchecked) private var nameEnd = 0
    @exclusivity(unchecked) private var selfClosingPending = false
    /// Attributes of the current start tag: local name and value ranges of `buffer`; a value holding an
    /// entity or a line break is decoded into `decodedValues` (`decoded` true, the range then indexes it).
    @exclusivity(unchecked) private var attributes: [(nameStart: Int, nameEnd: Int, valueStart: Int, valueEnd: Int, decoded: Bool)] = []
    /// How many of `attributes` belong to the current tag: the array's slots are reused from tag to tag.
    @exclusivity(unchecked) private var attributeCount = 0
    @exclusivity(unchecked) private var decodedValues: [UInt8] = []
    /// The current text: a range of `buffer`, or `decodedText` when it needed decoding.
    @exclusivity(unchecked) private var textStart = 0
    @exclusivity(unchecked) private var textEnd = 0
    @exclusivity(unchecked) private var textIsDecoded = false
    @exclusivity(unchecked) private var decodedText: [UInt8] = []
    /// Qualified names of the open elements, one after another, and where each ends; bytes past the last
    /// end are left from closed elements, to be overwritten.
    @exclusivity(unchecked) private var openNames: [UInt8] = []
    @exclusivity(unchecked) private var openEnds: [Int] = []

    private static let initialCapacity = 1 << 16

    public init(source: any XMLByteSource, maxTokenBytes: Int = 4 << 20, maxDepth: Int = 128) {
        self.source = source
        self.maxTokenBytes = maxTokenBytes
        self.maxDepth = maxDepth
        buffer = .allocate(byteCount: Self.initialCapacity, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// How many elements are open; after `.start` it counts the new one, after `.end` no longer.
    public var depth: Int { openEnds.count }

    /// The document offset where the scanner stands: after the current token.
    public var offset: Int { base + position }

    // MARK: Reading the current event

    /// The local name of the current element (after `.start` or `.end`), without its prefix.
    public var localName: String { String(decoding: UnsafeRawBufferPointer(rebasing: buffer[nameStart..<nameEnd]), as: UTF8.self) }

    /// Whether the current element's local name is `name`; no string is made.
    public func nameIs(_ name: StaticString) -> Bool {
        equals(nameStart, nameEnd, name)
    }

    /// The value of the current start tag's attribute whose local name is `name`, decoded, lent to `body`;
    /// nil when the tag has none.
    public func withAttribute<R>(_ name: StaticString, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        for index in 0..<attributeCount where equals(attributes[index].nameStart, attributes[index].nameEnd, name) {
            let attribute = attributes[index]
            if attribute.decoded {
                return try decodedValues.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[attribute.valueStart..<attribute.valueEnd])) }
            }
            return try body(UnsafeRawBufferPointer(rebasing: buffer[attribute.valueStart..<attribute.valueEnd]))
        }
        return try body(nil)
    }

    /// The attribute's value as text, or nil when absent.
    public func attribute(_ name: StaticString) -> String? {
        withAttribute(name) { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// The current text, decoded, lent to `body`.
    public func withText<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if textIsDecoded {
            return try decodedText.withUnsafeBytes { try body($0) }
        }
        return try body(UnsafeRawBufferPointer(rebasing: buffer[textStart..<textEnd]))
    }

    private func equals(_ start: Int, _ end: Int, _ name: StaticString) -> Bool {
        guard end - start == name.utf8CodeUnitCount else { return false }
        let expected = UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        var i = 0
        while i < expected.count {
            if buffer[start + i] != expected[i] { return false }
            i += 1
        }
        return true
    }

    // MARK: Scanning

    /// The next event; `.endOfDocument` once the root element has closed and only white space, comments
    /// and processing instructions follow (and again on every later call).
    ///
    /// - Throws: `XMLError` for malformed XML, a document cut short, or a token or nesting over the limits;
    ///   or what the source throws.
    public func next() throws -> XMLEvent {
        if selfClosingPending {
            selfClosingPending = false
            closeElement()
            return .end
        }
        if finished { return .endOfDocument }
        if !started { try start() }
        while true {
            if position == end {
                if try !readMore(keepingFrom: position) { return try endDocument() }
                continue
            }
            if buffer[position] == UInt8(ascii: "<") {
                if let event = try markup() { return event }
            } else if let event = try text() {
                return event
            }
        }
    }

    private func start() throws {
        started = true
        while end - position < 3, try readMore(keepingFrom: position) {}
        let available = end - position
        if available >= 2, (buffer[position] == 0xFF && buffer[position + 1] == 0xFE) || (buffer[position] == 0xFE && buffer[position + 1] == 0xFF) {
            throw XMLError(offset: 0, message: "the part is UTF-16; only UTF-8 is supported")
        }
        if available >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
            position += 3
        }
    }

    private func endDocument() throws -> XMLEvent {
        if let open = openEnds.indices.last {
            let name = String(decoding: openNames[(open == 0 ? 0 : openEnds[open - 1])..<openEnds[open]], as: UTF8.self)
            throw XMLError(offset: base + end, message: "the document ends before </\(name)> closes it: is the file truncated?")
        }
        guard rootSeen else {
            throw XMLError(offset: base + end, message: "no root element: expected an XML document")
        }
        finished = true
        return .endOfDocument
    }

    /// Moves the bytes from `start` on to the front of the buffer, growing it when they fill it, and reads
    /// once from the source. False when the source has nothing more.
    private func readMore(keepingFrom start: Int) throws -> Bool {
        if sourceEnded { return false }
        let kept = end - start
        if kept > maxTokenBytes {
            throw XMLError(offset: base + start, message: "a tag or text longer than \(maxTokenBytes) bytes")
        }
        if start > 0 {
            if kept > 0, let base = buffer.baseAddress { base.copyMemory(from: base + start, byteCount: kept) }
            // Ranges of the current event are left stale; the caller rescans the token from the front.
            shift(by: start)
        }
        if end == buffer.count {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
            grown.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<end]))
            buffer.deallocate()
            buffer = grown
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if count == 0 {
            sourceEnded = true
            return false
        }
        end += count
        return true
    }

    private func shift(by count: Int) {
        base += count
        position -= count
        end -= count
    }

    /// A run of text up to the next `<` (or the end). Nil when it is white space outside the root.
    private func text() throws -> XMLEvent? {
        var start = position
        var i = position
        var needsDecoding = false
        while true {
            let stop = end
            while i < stop {
                let b = buffer[i]
                if b == UInt8(ascii: "<") { break }
                if b == UInt8(ascii: "&") || b == 0x0D { needsDecoding = true }
                i += 1
            }
            if i < stop || sourceEnded { break }
            let offsetInToken = i - start
            // Reading more moves the run to the front of the buffer, whether or not it then finds more.
            let more = try readMore(keepingFrom: start)
            start = position
            i = start + offsetInToken
            if !more { break }
        }
        position = i
        if openEnds.isEmpty {
            for j in start..<i where !Self.isSpace(buffer[j]) {
                throw XMLError(offset: base + j, message: rootSeen ? "text after the root element" : "text before the root element: expected '<'")
            }
            return nil
        }
        textStart = start
        textEnd = i
        textIsDecoded = needsDecoding
        if needsDecoding {
            decodedText.removeAll(keepingCapacity: true)
            try decode(start, i, into: &decodedText, attribute: false)
        }
        return .text
    }

    /// A tag, comment, CDATA section or processing instruction at `position`, reading more when it is cut
    /// off. Nil for what gives no event.
    private func markup() throws -> XMLEvent? {
        while true {
            let start = position
            switch try parseMarkup(at: start) {
            case .incomplete:
                if try !readMore(keepingFrom: start) {
                    throw XMLError(offset: base + position, message: "the document ends inside a tag, comment or CDATA section: is the file truncated?")
                }
            case .event(let event):
                return event
            case .nothing:
                return nil
            }
        }
    }

    /// What parsing the markup at the scanner's position gave.
    private enum Parsed {
        case incomplete
        case event(XMLEvent)
        case nothing
    }

    private func parseMarkup(at start: Int) throws -> Parsed {
        let tokenOffset = base + start
        guard start + 1 < end else { return .incomplete }
        let second = buffer[start + 1]
        if second == UInt8(ascii: "?") {
            guard let close = find("?>", from: start + 2) else { return .incomplete }
            position = close + 2
            return .nothing
        }
        if second == UInt8(ascii: "!") {
            return try declaration(at: start)
        }
        if second == UInt8(ascii: "/") {
            return try endTag(at: start)
        }
        return try startTag(at: start, tokenOffset: tokenOffset)
    }

    private func declaration(at start: Int) throws -> Parsed {
        if hasPrefix("<!--", at: start) == nil || hasPrefix("<![CDATA[", at: start) == nil { return .incomplete }
        if hasPrefix("<!--", at: start) == true {
            guard let close = find("-->", from: start + 4) else { return .incomplete }
            position = close + 3
            return .nothing
        }
        if hasPrefix("<![CDATA[", at: start) == true {
            guard let close = find("]]>", from: start + 9) else { return .incomplete }
            guard !openEnds.isEmpty else {
                throw XMLError(offset: base + start, message: "a CDATA section outside the root element")
            }
            textStart = start + 9
            textEnd = close
            textIsDecoded = false
            position = close + 3
            return .event(.text)
        }
        throw XMLError(offset: base + start, message: "a DOCTYPE or other declaration, which spreadsheet parts never have")
    }

    /// True or false when the buffer holds enough bytes to tell, nil when it does not.
    private func hasPrefix(_ literal: StaticString, at start: Int) -> Bool? {
        let count = literal.utf8CodeUnitCount
        let available = min(count, end - start)
        for k in 0..<available where buffer[start + k] != literal.utf8Start[k] { return false }
        return available == count ? true : nil
    }

    /// Where `literal` next occurs from `from`, within the buffered bytes.
    private func find(_ literal: StaticString, from: Int) -> Int? {
        let count = literal.utf8CodeUnitCount
        let first = literal.utf8Start[0]
        var i = from
        while i + count <= end {
            if buffer[i] == first {
                var k = 1
                while k < count, buffer[i + k] == literal.utf8Start[k] { k += 1 }
                if k == count { return i }
            }
            i += 1
        }
        return nil
    }

    private func endTag(at start: Int) throws -> Parsed {
        var i = start + 2
        let qualifiedStart = i
        while i < end, !Self.isSpace(buffer[i]), buffer[i] != UInt8(ascii: ">") { i += 1 }
        let qualifiedEnd = i
        while i < end, Self.isSpace(buffer[i]) { i += 1 }
        guard i < end else { return .incomplete }
        guard buffer[i] == UInt8(ascii: ">") else {
            throw XMLError(offset: base + i, message: "expected '>' to close the end tag")
        }
        guard let open = openEnds.indices.last else {
            throw XMLError(offset: base + start, message: "an end tag with no element open")
        }
        let openStart = open == 0 ? 0 : openEnds[open - 1]
        let matches = openNames.withUnsafeBytes { names in
            names[openStart..<openEnds[open]].elementsEqual(UnsafeRawBufferPointer(rebasing: buffer[qualifiedStart..<qualifiedEnd]))
        }
        guard matches else {
            let expected = String(decoding: openNames[openStart..<openEnds[open]], as: UTF8.self)
            let found = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[qualifiedStart..<qualifiedEnd]), as: UTF8.self)
            throw XMLError(offset: base + start, message: "expected </\(expected)>, found </\(found)>")
        }
        setName(qualifiedStart, qualifiedEnd)
        closeElement()
        position = i + 1
        return .event(.end)
    }

    private func startTag(at start: Int, tokenOffset: Int) throws -> Parsed {
        var i = start + 1
        let qualifiedStart = i
        while i < end, Self.isNameByte(buffer[i]) { i += 1 }
        guard i < end else { return .incomplete }
        let qualifiedEnd = i
        guard qualifiedEnd > qualifiedStart, !Self.isDigitOrPunctuation(buffer[qualifiedStart]) else {
            throw XMLError(offset: tokenOffset, message: "expected an element name after '<'")
        }
        attributeCount = 0
        decodedValues.removeAll(keepingCapacity: true)
        var selfClosing = false
        while true {
            let beforeSpace = i
            while i < end, Self.isSpace(buffer[i]) { i += 1 }
            guard i < end else { return .incomplete }
            let b = buffer[i]
            if b == UInt8(ascii: ">") { i += 1; break }
            if b == UInt8(ascii: "/") {
                guard i + 1 < end else { return .incomplete }
                guard buffer[i + 1] == UInt8(ascii: ">") else {
                    throw XMLError(offset: base + i, message: "expected '>' after '/' in a tag")
                }
                selfClosing = true
                i += 2
                break
            }
            guard i > beforeSpace else {
                throw XMLError(offset: base + i, message: "expected white space, '>' or '/>' after the element name or an attribute")
            }
            let attributeStart = i
            while i < end, Self.isNameByte(buffer[i]) { i += 1 }
            guard i < end else { return .incomplete }
            let attributeEnd = i
            guard attributeEnd > attributeStart, !Self.isDigitOrPunctuation(buffer[attributeStart]) else {
                throw XMLError(offset: base + i, message: "expected an attribute name, '>' or '/>'")
            }
            while i < end, Self.isSpace(buffer[i]) { i += 1 }
            guard i < end else { return .incomplete }
            guard buffer[i] == UInt8(ascii: "=") else {
                throw XMLError(offset: base + i, message: "expected '=' after the attribute name")
            }
            i += 1
            while i < end, Self.isSpace(buffer[i]) { i += 1 }
            guard i < end else { return .incomplete }
            let quote = buffer[i]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw XMLError(offset: base + i, message: "expected a quoted attribute value")
            }
            i += 1
            let valueStart = i
            var needsDecoding = false
            while i < end, buffer[i] != quote {
                let v = buffer[i]
                if v == UInt8(ascii: "<") {
                    throw XMLError(offset: base + i, message: "'<' inside an attribute value")
                }
                if v == UInt8(ascii: "&") || v == 0x09 || v == 0x0A || v == 0x0D { needsDecoding = true }
                i += 1
            }
            guard i < end else { return .incomplete }
            let valueEnd = i
            i += 1
            // Namespace declarations are not attributes of the element.
            let prefixEnd = firstColon(attributeStart, attributeEnd)
            if equals(attributeStart, prefixEnd ?? attributeEnd, "xmlns") { continue }
            let localStart = prefixEnd.map { $0 + 1 } ?? attributeStart
            var attribute = (nameStart: localStart, nameEnd: attributeEnd, valueStart: valueStart, valueEnd: valueEnd, decoded: false)
            if needsDecoding {
                attribute.valueStart = decodedValues.count
                try decode(valueStart, valueEnd, into: &decodedValues, attribute: true)
                attribute.valueEnd = decodedValues.count
                attribute.decoded = true
            }
            if attributeCount < attributes.count {
                attributes[attributeCount] = attribute
            } else {
                attributes.append(attribute)
            }
            attributeCount += 1
        }
        if openEnds.isEmpty {
            guard !rootSeen else { throw XMLError(offset: tokenOffset, message: "a second root element") }
            rootSeen = true
        }
        guard openEnds.count < maxDepth else {
            throw XMLError(offset: tokenOffset, message: "elements nested more than \(maxDepth) deep")
        }
        var namesEnd = openEnds.last ?? 0
        for k in qualifiedStart..<qualifiedEnd {
            if namesEnd < openNames.count { openNames[namesEnd] = buffer[k] } else { openNames.append(buffer[k]) }
            namesEnd += 1
        }
        openEnds.append(namesEnd)
        setName(qualifiedStart, qualifiedEnd)
        selfClosingPending = selfClosing
        position = i
        return .event(.start)
    }

    private func setName(_ qualifiedStart: Int, _ qualifiedEnd: Int) {
        nameStart = firstColon(qualifiedStart, qualifiedEnd).map { $0 + 1 } ?? qualifiedStart
        nameEnd = qualifiedEnd
    }

    private func firstColon(_ start: Int, _ end: Int) -> Int? {
        var i = start
        while i < end {
            if buffer[i] == UInt8(ascii: ":") { return i }
            i += 1
        }
        return nil
    }

    private func closeElement() {
        openEnds.removeLast()
    }

    /// Decodes entities and character references in `buffer[start..<end]`; line ends CR LF and CR become LF,
    /// and in attribute values tab, LF and CR become a space, as XML says.
    private func decode(_ start: Int, _ end: Int, into out: inout [UInt8], attribute: Bool) throws {
        var i = start
        while i < end {
            let b = buffer[i]
            if b == UInt8(ascii: "&") {
                var close = i + 1
                while close < end, close - i <= 12, buffer[close] != UInt8(ascii: ";") { close += 1 }
                guard close < end, buffer[close] == UInt8(ascii: ";") else {
                    throw XMLError(offset: base + i, message: "'&' starts no entity: write it as &amp;")
                }
                try appendEntity(i + 1, close, into: &out)
                i = close + 1
                continue
            }
            if b == 0x0D {
                out.append(attribute ? 0x20 : 0x0A)
                if i + 1 < end, buffer[i + 1] == 0x0A { i += 1 }
            } else if attribute && (b == 0x09 || b == 0x0A) {
                out.append(0x20)
            } else {
                out.append(b)
            }
            i += 1
        }
    }

    private func appendEntity(_ start: Int, _ end: Int, into out: inout [UInt8]) throws {
        let name = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
        func named(_ text: StaticString) -> Bool {
            name.elementsEqual(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        if named("amp") { out.append(UInt8(ascii: "&")); return }
        if named("lt") { out.append(UInt8(ascii: "<")); return }
        if named("gt") { out.append(UInt8(ascii: ">")); return }
        if named("quot") { out.append(UInt8(ascii: "\"")); return }
        if named("apos") { out.append(UInt8(ascii: "'")); return }
        let entity = String(decoding: name, as: UTF8.self)
        guard name.first == UInt8(ascii: "#") else {
            throw XMLError(offset: base + start - 1, message: "unknown entity &\(entity);")
        }
        let hex = name.count > 1 && (name[1] == UInt8(ascii: "x"))
        let digits = name.dropFirst(hex ? 2 : 1)
        var value: UInt32 = 0
        for d in digits {
            let digit: UInt32
            switch d {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(d) - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(d) - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(d) - 55
            default: throw XMLError(offset: base + start - 1, message: "a malformed character reference &\(entity);")
            }
            value = value * (hex ? 16 : 10) + digit
            if value > 0x10FFFF { break }
        }
        guard !digits.isEmpty, value != 0, let scalar = Unicode.Scalar(value) else {
            throw XMLError(offset: base + start - 1, message: "&\(entity); is not a character")
        }
        out.append(contentsOf: String(Character(scalar)).utf8)
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    /// Bytes of a name: anything but white space and XML's delimiters (non-ASCII letters included).
    @inline(__always) private static func isNameByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "<"),
             UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "&"), 0:
            return false
        default:
            return true
        }
    }

    private static func isDigitOrPunctuation(_ b: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
            || b == UInt8(ascii: ":") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
    }
}
