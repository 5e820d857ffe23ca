/// The horizontal axis of the E-I pictures: −1 (every link inside engineering) to +1 (every link business-facing).
///
/// Both pictures stack each row: the leader's name and tier on two lines, then a band with their marks on the
/// axis and the values in words to its right. Narrow enough (``width``) to fit a phone's width.
struct EIScale {
    /// Where −1 is drawn.
    let left = 8.0
    let width = 290.0
    let rowHeight = 50.0
    /// Where the first row starts, below the axis labels.
    let top = 40.0
    /// The whole picture's width: the axis, then room for "-1.00 below -0.50".
    static let pictureWidth = 440.0

    /// Where values in words start, right of +1.
    var valueX: Double { left + width + 10 }

    func x(_ value: Double) -> Double { left + (min(1, max(-1, value)) + 1) / 2 * width }

    /// Where the legend goes under `rows` rows.
    func bottom(_ rows: Int) -> Double { top + Double(rows) * rowHeight }

    /// The band of row `index`: where its marks go.
    func band(_ index: Int) -> (top: Double, middle: Double, bottom: Double) {
        let y = top + Double(index) * rowHeight
        return (y + 30, y + 38, y + 46)
    }

    /// Labels at −1, −0.5, 0, +0.5 and +1 above the rows, and in each of `rows` bands a tick at each, the zero
    /// line darker; two paths whatever the number of rows.
    func axis(_ w: inout HTMLWriter, rows: Int) {
        SVG.text(&w, "all inside engineering", x: left, y: top - 22, fill: Palette.muted, size: 11)
        SVG.text(&w, "all business-facing", x: left + width, y: top - 22, anchor: "end", fill: Palette.muted, size: 11)
        var grid = ""
        var zero = ""
        for value in [-1.0, -0.5, 0, 0.5, 1] {
            let x = SVG.number(x(value))
            SVG.text(&w, ReportFormat.ei(value), x: self.x(value), y: top - 8, anchor: value == -1 ? "start" : value == 1 ? "end" : "middle", fill: Palette.muted, size: 11)
            for row in 0..<rows {
                let b = band(row)
                let segment = "M\(x) \(SVG.number(b.top - 2))V\(SVG.number(b.bottom + 2))"
                if value == 0 { zero += segment } else { grid += segment }
            }
        }
        w.empty("path", ["d": grid, "stroke": Palette.grid, "fill": "none"], selfClosing: true)
        w.empty("path", ["d": zero, "stroke": Palette.muted, "fill": "none"], selfClosing: true)
    }

    /// The leader's name (bold) and a second line (muted) at the top of row `index`.
    func label(_ w: inout HTMLWriter, _ index: Int, name: String, detail: String) {
        let y = top + Double(index) * rowHeight
        SVG.text(&w, SVG.fit(name, 40), x: left, y: y + 12, weight: "bold")
        SVG.text(&w, SVG.fit(detail, 62), x: left, y: y + 25, fill: Palette.muted, size: 11)
    }
}
