@testable import OrgImport
import Testing

/// The XML scanner on its own: what real SpreadsheetML holds, cut into chunks anywhere, and malformed input.
struct XMLScannerTests {
    /// The events of `xml`, fed `chunk` bytes at a time, as text: `<name a=… r=…>`, `</name>`, `"text"`.
    func events(_ xml: String, chunk: Int = 1 << 16) throws -> [String] {
        let scanner = XMLScanner(source: MemoryByteSource(Array(xml.utf8), chunkSize: chunk))
        var out: [String] = []
        while true {
            switch try scanner.next() {
            case .start:
                var tag = "<\(scanner.localName)"
                for name in ["a", "b", "r", "t", "space", "id"] as [StaticString] {
                    if let value = scanner.attribute(name) { tag += " \(name)=\(value)" }
                }
                out.append(tag + ">")
            case .end:
                out.append("</\(scanner.localName)>")
            case .text:
                out.append("\"" + scanner.withText { String(decoding: $0, as: UTF8.self) } + "\"")
            case .endOfDocument:
                return out
            }
        }
    }

    static let document = """
        \u{FEFF}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!-- exported by a tool -->
        <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="rel">
          <x:sheetData>
            <x:row r="1"><x:c r='A1' t="inlineStr"><x:is><x:t xml:space="preserve"> a &amp; b &lt;&gt; &quot;&apos; &#233;&#x1F600; </x:t></x:is></x:c></x:row>
            <?pi inside?><x:row
              r = "2" ><x:c t="str" r="B2"><x:f>A1&amp;""</x:f><x:v><![CDATA[<not a tag> & not an entity]]></x:v></x:c><x:c r="C2"/></x:row>
            <row b="x&#10;y&#9;z" a="line
        break" r:id="rId7"/>
          </x:sheetData>
        </x:worksheet>
        <!-- trailing comment -->

        """

    @Test func spreadsheetMLEvents() throws {
        let read = try events(Self.document)
        #expect(read.filter { !$0.hasPrefix("\"") || $0.contains(where: { !$0.isWhitespace && $0 != "\"" }) } == [
            "<worksheet>", "<sheetData>", "<row r=1>", "<c r=A1 t=inlineStr>", "<is>", "<t space=preserve>",
            "\" a & b <> \"' é😀 \"", "</t>", "</is>", "</c>", "</row>",
            "<row r=2>", "<c r=B2 t=str>", "<f>", "\"A1&\"\"\"", "</f>", "<v>", "\"<not a tag> & not an entity\"", "</v>", "</c>",
            "<c r=C2>", "</c>", "</row>",
            "<row a=line break b=x\ny\tz id=rId7>", "</row>", "</sheetData>", "</worksheet>",
        ])
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func chunkBoundariesAnywhereGiveTheSameEvents(chunk: Int) throws {
        #expect(try events(Self.document, chunk: chunk) == events(Self.document))
    }

    @Test func lineEndsInTextReadAsLineFeeds() throws {
        #expect(try events("<a>x\r\ny\rz</a>") == ["<a>", "\"x\ny\nz\"", "</a>"])
    }

    @Test(arguments: [
        ("<a><b></a>", "expected </b>, found </a>"),
        ("<a>", "the document ends before </a> closes it"),
        ("<a><b x=\"1", "the document ends inside a tag"),
        ("<a>&foo;</a>", "unknown entity &foo;"),
        ("<a>&#0;</a>", "&#0; is not a character"),
        ("<a>&#xD800;</a>", "is not a character"),
        ("<a>&#12a;</a>", "a malformed character reference"),
        ("<a>AT&T</a>", "'&' starts no entity"),
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>", "DOCTYPE"),
        ("<a/><b/>", "a second root element"),
        ("text<a/>", "text before the root element"),
        ("<a/>text", "text after the root element"),
        ("", "no root element"),
        ("<a b=c/>", "expected a quoted attribute value"),
        ("<a b=\"1\"c=\"2\"/>", "expected white space"),
        ("<a b=\"<\"/>", "'<' inside an attribute value"),
        ("<1a/>", "expected an element name"),
        ("</a>", "an end tag with no element open"),
        ("<a></a >x", "text after the root element"),
    ])
    func malformedXMLIsAnErrorWithItsPlace(xml: String, message: String) throws {
        for chunk in [1, 1 << 16] {
            let error = try #require(throws: XMLError.self) { _ = try events(xml, chunk: chunk) }
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func utf16IsRefused() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("<a/>".utf8).flatMap { [$0, 0] }
        let scanner = XMLScanner(source: MemoryByteSource(bytes))
        #expect(throws: XMLError(offset: 0, message: "the part is UTF-16; only UTF-8 is supported")) { _ = try scanner.next() }
    }

    @Test func deepNestingAndLongTokensAreErrorsNotCrashes() throws {
        let deep = String(repeating: "<a>", count: 100_000)
        let scanner = XMLScanner(source: MemoryByteSource(Array(deep.utf8)))
        let error = try #require(throws: XMLError.self) { while try scanner.next() != .endOfDocument {} }
        #expect(error.message == "elements nested more than 128 deep")

        let long = "<a>" + String(repeating: "x", count: 300_000) + "</a>"
        let limited = XMLScanner(source: MemoryByteSource(Array(long.utf8), chunkSize: 4096), maxTokenBytes: 100_000)
        let tooLong = try #require(throws: XMLError.self) { while try limited.next() != .endOfDocument {} }
        #expect(tooLong.message == "a tag or text longer than 100000 bytes")
        // Under the limit, a token longer than the buffer grows it.
        #expect(try events(long, chunk: 1000) == ["<a>", "\"" + String(repeating: "x", count: 300_000) + "\"", "</a>"])
    }
}
