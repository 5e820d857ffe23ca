import Foundation

/// One chart drawn by orgmap itself as SVG: inline in the HTML report, or a `.svg` file beside a Markdown one.
///
/// Every picture has a title and a one-line caption saying how to read it; both are its accessible name and
/// description (`role="img"`, `<title>`, `<desc>`). It draws on its own white panel with the colours set as
/// attributes, so it reads the same inline, in a file, in a dark page and on paper.
public struct Picture: Sendable {
    /// The file name without `.svg`, and the stem of its ids in a page: "ei-index".
    public var name: String
    public var title: String
    public var caption: String
    public var width: Double
    public var height: Double
    /// Narrow enough to shrink to a phone's width and stay legible; a wider picture scrolls sideways there.
    var fitsPhone = false
    /// The drawing, already escaped by the writer that made it.
    var drawing: HTMLWriter

    /// The `<svg>` element as a file holds it: with the XML declaration and namespace (which a page must not
    /// carry, since the page holds no URL at all).
    public var file: String {
        var w = HTMLWriter()
        write(into: &w, standalone: true)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + w.output + "\n"
    }

    func write(into w: inout HTMLWriter, standalone: Bool = false) {
        let size = "0 0 \(SVG.number(width)) \(SVG.number(height))"
        let ids = "\(name)-title \(name)-desc"
        let body: (inout HTMLWriter) -> Void = { w in
            w.element("title", ["id": "\(name)-title"], text: title)
            w.element("desc", ["id": "\(name)-desc"], text: caption)
            w.empty("rect", ["width": SVG.number(width), "height": SVG.number(height), "fill": Palette.panel], selfClosing: true)
            w.append(drawing)
        }
        if standalone {
            w.element("svg", [
                "xmlns": SVG.namespace, "viewBox": size, "width": SVG.number(width), "height": SVG.number(height),
                "role": "img", "aria-labelledby": ids, "font-family": SVG.fontFamily, "font-size": "12", "fill": Palette.ink,
            ], body)
        } else {
            // A narrow picture is shown at 1.3 times its size on a wide screen, and shrinks to fit a phone.
            w.element("svg", [
                "viewBox": size, "width": SVG.number(fitsPhone ? width * 1.3 : width), "class": fitsPhone ? "fit" : "wide",
                "role": "img", "aria-labelledby": ids,
                "font-family": SVG.fontFamily, "font-size": "12", "fill": Palette.ink,
            ], body)
        }
    }

    /// `<figure>` with the title and caption above the drawing, for the HTML report.
    func figure(into w: inout HTMLWriter) {
        w.element("figure", ["id": "figure-\(name)", "class": fitsPhone ? "fit" : "wide"]) { w in
            w.element("figcaption") { w in
                w.element("strong", text: title)
                w.text(" ")
                w.text(caption)
            }
            w.element("div", ["class": "scroll"]) { w in write(into: &w) }
        }
    }
}

/// Drawing helpers shared by the charts.
enum SVG {
    /// The SVG namespace, needed by a standalone file only.
    static let namespace = "http://www.w3.org/2000/svg"
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

    /// "12", "12.5": one decimal at most, no exponent.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// Imported text cut to fit a label: at most `limit` characters, with an ellipsis.
    static func fit(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Attributes at their SVG default (start, normal, ink, 12 px, no stroke) are left out: a large organization's
    /// pictures hold tens of thousands of marks.
    static func text(_ w: inout HTMLWriter, _ value: String, x: Double, y: Double, anchor: String = "start", weight: String = "normal", fill: String = Palette.ink, size: Double = 12) {
        var attributes: [(HTMLWriter.Name, String)] = [("x", number(x)), ("y", number(y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if weight != "normal" { attributes.append(("font-weight", weight)) }
        if fill != Palette.ink { attributes.append(("fill", fill)) }
        if size != 12 { attributes.append(("font-size", number(size))) }
        w.element("text", attributes, text: value)
    }

    static func rect(_ w: inout HTMLWriter, x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String = "none", strokeWidth: Double = 1, dash: String = "none", title: String? = nil) {
        var attributes: [(HTMLWriter.Name, String)] = [
            ("x", number(x)), ("y", number(y)), ("width", number(max(0, width))), ("height", number(height)), ("fill", fill),
        ]
        if stroke != "none" { attributes.append(("stroke", stroke)) }
        if stroke != "none", strokeWidth != 1 { attributes.append(("stroke-width", number(strokeWidth))) }
        if dash != "none" { attributes.append(("stroke-dasharray", dash)) }
        guard let title else { return w.empty("rect", attributes, selfClosing: true) }
        w.element("rect", attributes) { $0.element("title", text: title) }
    }

    static func line(_ w: inout HTMLWriter, x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = Palette.ink, width: Double = 1, dash: String = "none") {
        var attributes: [(HTMLWriter.Name, String)] = [("x1", number(x1)), ("y1", number(y1)), ("x2", number(x2)), ("y2", number(y2)), ("stroke", stroke)]
        if width != 1 { attributes.append(("stroke-width", number(width))) }
        if dash != "none" { attributes.append(("stroke-dasharray", dash)) }
        w.empty("line", attributes, selfClosing: true)
    }
}
