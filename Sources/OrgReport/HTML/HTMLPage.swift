/// The shell every HTML output shares: one self-contained file, its stylesheet inline, no script, and a
/// Content-Security-Policy that forbids loading anything, so the page opens the same from an email attachment.
enum HTMLPage {
    /// Nothing may be fetched or run: the only resources are the inline stylesheet and inline SVG.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    static func document(title: String, _ body: (inout HTMLWriter) -> Void) -> String {
        var w = HTMLWriter()
        w.trusted("<!DOCTYPE html>\n")
        w.element("html", ["lang": "en"]) { w in
            w.element("head") { w in
                w.empty("meta", ["charset": "utf-8"])
                w.empty("meta", ["http-equiv": "Content-Security-Policy", "content": contentSecurityPolicy])
                w.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                w.empty("meta", ["name": "color-scheme", "content": "light dark"])
                w.empty("meta", ["name": "generator", "content": "orgmap"])
                w.element("title", text: title)
                w.element("style") { $0.trusted(stylesheet) }
            }
            w.element("body") { w in
                w.element("main", [:], body)
            }
        }
        return w.output + "\n"
    }

    /// Light and dark colour schemes, a phone width, and print: A4 or Letter (the margins fit both), section
    /// breaks, no table row or finding cut across pages.
    static let stylesheet: StaticString = """

        :root { color-scheme: light dark; --bg: #ffffff; --fg: #1a1a1a; --muted: #555555; --line: #d0d0d0; --stripe: #f4f6f8;
          --accent: #0b5c99; --high: #a33a00; --medium: #7a5500; --low: #2d5f8a; --info: #3d6b3d; --panel: #ffffff; --note: #fff6e5; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #15181c; --fg: #e8e8e8; --muted: #b4b4b4; --line: #454b52; --stripe: #1e2226;
            --accent: #7cc0f5; --high: #ff9a66; --medium: #f0c75e; --low: #9ccaf0; --info: #9fd49f; --note: #33291a; }
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 1rem; }
        h2 { font-size: 1.35rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--line); }
        h3 { font-size: 1.1rem; margin: 1.6rem 0 0.6rem; }
        h4 { font-size: 1rem; margin: 0 0 0.4rem; }
        a { color: var(--accent); }
        code { font: 0.9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
        ul.scope { padding-left: 1.2rem; overflow-wrap: anywhere; }
        nav ol { columns: 2 14rem; padding-left: 1.4rem; }
        .table { overflow-x: auto; margin: 0.6rem 0 1rem; }
        table { border-collapse: collapse; font-size: 0.9rem; min-width: 50%; }
        th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        th { background: var(--stripe); }
        tbody tr:nth-child(even) { background: var(--stripe); }
        td code { white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .finding { border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 4px; padding: 0.7rem 0.9rem; margin: 0.8rem 0; }
        .finding.high { border-left-color: var(--high); }
        .finding.medium { border-left-color: var(--medium); }
        .finding.low { border-left-color: var(--low); }
        .finding.info { border-left-color: var(--info); }
        .finding p { margin: 0.3rem 0; }
        .severity { display: inline-block; font-size: 0.75rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em;
          border: 1px solid currentColor; border-radius: 3px; padding: 0 0.35rem; margin-right: 0.4rem; vertical-align: 0.1em; }
        .severity.high { color: var(--high); } .severity.medium { color: var(--medium); }
        .severity.low { color: var(--low); } .severity.info { color: var(--info); }
        dl.evidence { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; margin: 0.4rem 0 0; }
        dl.evidence dt { font-weight: 600; }
        dl.evidence dd { margin: 0; overflow-wrap: anywhere; }
        .note { background: var(--note); border-left: 4px solid var(--medium); padding: 0.5rem 0.8rem; }
        .more { color: var(--muted); font-style: italic; }
        figure { margin: 1rem 0 1.5rem; }
        figcaption { margin-bottom: 0.4rem; }
        figcaption strong { display: block; }
        .scroll { overflow-x: auto; background: var(--panel); border: 1px solid var(--line); border-radius: 4px; }
        .scroll svg { display: block; height: auto; }
        .scroll svg.wide { max-width: none; }
        .scroll svg.fit { max-width: 100%; }
        details summary { cursor: pointer; color: var(--accent); }
        footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; }
        @media (max-width: 40rem) {
          body { font-size: 15px; }
          main { padding: 1rem 0.75rem 2rem; }
          h1 { font-size: 1.35rem; }
          h2 { font-size: 1.2rem; }
          table.many { min-width: 46rem; }
          dl.evidence { grid-template-columns: 1fr; }
          dl.evidence dd { margin-bottom: 0.3rem; }
          figure.wide figcaption::after { content: " Scroll the picture sideways to see all of it."; color: var(--muted); }
        }
        @page { margin: 14mm 12mm; }
        @media print {
          :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --stripe: #f2f2f2; --note: #fff6e5; }
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          nav { display: none; }
          section { break-before: page; }
          section:first-of-type { break-before: auto; }
          h2, h3, h4 { break-after: avoid; }
          tr, .finding, figure, li { break-inside: avoid; }
          thead { display: table-header-group; }
          .scroll, .table { overflow: visible; border: none; }
          table { width: 100%; font-size: 8pt; }
          th, td { padding: 0.15rem 0.3rem; overflow-wrap: break-word; }
          td.num, th.num { white-space: normal; }
          .scroll svg, .scroll svg.wide { max-width: 100%; }
          details > summary { display: none; }
          a { color: inherit; text-decoration: none; }
        }

        """
}

extension HTMLWriter {
    /// One of our own sentences, with `code` in backticks and **bold** in double asterisks; never imported text.
    mutating func prose(_ sentence: String) {
        for (i, part) in sentence.components(separatedBy: "**").enumerated() {
            let write: (inout HTMLWriter) -> Void = { w in
                for (j, piece) in part.components(separatedBy: "`").enumerated() {
                    if j % 2 == 1 { w.element("code", text: piece) } else { w.text(piece) }
                }
            }
            if i % 2 == 1 { element("strong", [:], write) } else { write(&self) }
        }
    }

    /// A table in a horizontally scrolling box; `numeric` columns align right, `code` columns are rule ids.
    mutating func table(_ headers: [String], numeric: Set<Int> = [], code: Set<Int> = [], rows: [[String]]) {
        element("div", ["class": "table"]) { w in
            // On a phone a table of many columns keeps a readable width and scrolls sideways.
            w.element("table", headers.count > 3 ? ["class": "many"] : [:]) { w in
                w.element("thead") { w in
                    w.element("tr") { w in
                        for (i, h) in headers.enumerated() {
                            w.element("th", numeric.contains(i) ? ["scope": "col", "class": "num"] : ["scope": "col"], text: h)
                        }
                    }
                }
                w.element("tbody") { w in
                    for row in rows {
                        w.element("tr") { w in
                            for (i, cell) in row.enumerated() {
                                if code.contains(i) {
                                    w.element("td") { $0.element("code", text: cell) }
                                } else {
                                    w.element("td", numeric.contains(i) ? ["class": "num"] : [:], text: cell)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `<section id="..."><h2>title</h2>...</section>`.
    mutating func section(_ id: String, _ title: String, _ content: (inout HTMLWriter) -> Void) {
        element("section", ["id": id]) { w in
            w.element("h2", text: title)
            content(&w)
        }
    }

    /// The list under a page's title: "**Lead:** text" items; the `prose` ones are our own sentences (with `code`).
    mutating func scope(_ items: [(lead: String, text: String)], prose: Set<Int> = []) {
        element("ul", ["class": "scope"]) { w in
            for (i, item) in items.enumerated() {
                w.element("li") { w in
                    w.element("strong", text: item.lead)
                    w.text(" ")
                    if prose.contains(i) { w.prose(item.text) } else { w.text(item.text) }
                }
            }
        }
    }

    /// `<p>` of our own prose.
    mutating func paragraph(_ sentence: String, class name: String? = nil) {
        if let name { element("p", ["class": name]) { $0.prose(sentence) } } else { element("p") { $0.prose(sentence) } }
    }
}
