/// The pictures' colours: Okabe and Ito's colour-blind-safe palette for categories, a single-hue blue ramp for
/// weights. Each colour that carries meaning has at least 3:1 contrast with the white panel (WCAG AA for
/// graphics) and every mark also has a text label, so nothing is told by colour alone.
enum Palette {
    static let panel = "#ffffff"
    /// Text: 16.1:1 on white.
    static let ink = "#1a1a1a"
    /// Secondary text and axes: 7:1 on white.
    static let muted = "#555555"
    static let grid = "#d0d0d0"
    /// Okabe-Ito blue (5.0:1): engineering, positive E-I, "after".
    static let blue = "#0072b2"
    /// Okabe-Ito vermillion (3.9:1): below threshold, unbridged, opened.
    static let vermillion = "#d55e00"
    /// Okabe-Ito bluish green, darkened to 3.6:1: resolved.
    static let green = "#00845f"
    /// Okabe-Ito orange, darkened for the business side's outline (3.1:1).
    static let orange = "#b87f00"
    static let businessFill = "#fdf0d5"
    static let engineeringFill = "#dcecf7"
    /// Unknown and suppressed cells.
    static let unknownFill = "#e6e6e6"

    /// Five steps of blue, light to dark, for a weight's share of the largest; text on the last two is white.
    static let ramp = ["#deebf7", "#b3d3ea", "#6baed6", "#2b7bba", "#08467f"]

    /// The ramp step for `value` out of `maximum` (above 0), and the text colour that reads on it.
    static func step(_ value: Double, of maximum: Double) -> (fill: String, text: String) {
        let share = maximum > 0 ? value / maximum : 0
        let index = min(ramp.count - 1, Int((share * Double(ramp.count)).rounded(.down)))
        return (ramp[index], index >= 3 ? "#ffffff" : ink)
    }
}
