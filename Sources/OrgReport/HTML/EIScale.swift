/// The horizontal axis of the E-I pictures: −1 (every link inside engineering) to +1 (every link business-facing).
struct EIScale {
    /// Where −1 is drawn.
    let left: Double
    let width: Double

    func x(_ value: Double) -> Double { left + (min(1, max(-1, value)) + 1) / 2 * width }

    /// Grid lines at −1, −0.5, 0, +0.5 and +1 from `top` to `bottom`, labelled above `top`, the zero line darker.
    func axis(_ w: inout HTMLWriter, top: Double, bottom: Double) {
        for value in [-1.0, -0.5, 0, 0.5, 1] {
            let x = x(value)
            SVG.line(&w, x1: x, y1: top, x2: x, y2: bottom, stroke: value == 0 ? Palette.muted : Palette.grid)
            SVG.text(&w, ReportFormat.ei(value), x: x, y: top - 6, anchor: "middle", fill: Palette.muted, size: 11)
        }
        SVG.text(&w, "all inside engineering", x: left, y: top - 20, fill: Palette.muted, size: 11)
        SVG.text(&w, "all business-facing", x: left + width, y: top - 20, anchor: "end", fill: Palette.muted, size: 11)
    }
}
