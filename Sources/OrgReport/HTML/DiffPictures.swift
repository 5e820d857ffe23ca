import OrgAnalysis

/// The pictures of a comparison: findings opened, resolved and persisting as counts, and each leader's E-I index
/// and business departments reached before and after.
public enum DiffPictures {
    public static let countsName = "findings-changed"
    public static let leadersName = "leaders-before-after"
    /// Past this many leaders, the before/after picture keeps the technology and senior ones and those whose
    /// tier or reach changed.
    static let leaderLimit = 100

    static func findingCounts(_ d: SnapshotDiff) -> Picture {
        var bars: [(String, Int, String)] = [
            ("opened", d.opened.count, Palette.vermillion), ("resolved", d.resolved.count, Palette.green),
            ("persisting", d.persisting.count, Palette.muted),
        ]
        if !d.unknown.isEmpty { bars.append(("unknown", d.unknown.count, Palette.grid)) }
        let (labelWidth, barWidth, rowHeight) = (100.0, 300.0, 30.0)
        let maximum = Double(max(1, bars.map(\.1).max() ?? 1))
        var w = HTMLWriter()
        for (i, (label, count, colour)) in bars.enumerated() {
            let y = 14 + Double(i) * rowHeight
            SVG.text(&w, label, x: 8, y: y + 15, weight: "bold")
            let length = Double(count) / maximum * barWidth
            SVG.rect(&w, x: labelWidth, y: y, width: max(count > 0 ? 2 : 0, length), height: 20, fill: colour)
            SVG.text(&w, String(count), x: labelWidth + length + 8, y: y + 15)
        }
        return Picture(
            name: countsName, title: "Findings opened, resolved and persisting",
            caption: "Each bar counts findings matched by rule and subject between the two snapshots; the number is at its end.",
            width: labelWidth + barWidth + 40, height: 20 + Double(bars.count) * rowHeight, fitsPhone: true, drawing: w)
    }

    static func leaders(_ d: SnapshotDiff) -> Picture? {
        var rows = d.leaders
        if rows.count > leaderLimit {
            rows = rows.filter { l in l.tierChanged || l.reachChanged || [l.tier.from, l.tier.to].contains { ($0 ?? .individualContributor) >= .seniorEngineeringLeader } }
        }
        guard !rows.isEmpty else { return nil }
        let scale = EIScale()
        var w = HTMLWriter()
        scale.axis(&w, rows: rows.count)
        for (i, l) in rows.enumerated() {
            func count(_ has: Bool?, _ departments: [String]?) -> String {
                guard let has, let departments else { return "—" }
                return has ? String(departments.count) : "?"
            }
            let reach = DiffMarkdown.transition(count(l.hasLinkData.from, l.businessDepartmentsReached.from), count(l.hasLinkData.to, l.businessDepartmentsReached.to))
            scale.label(&w, i, name: l.person.name, detail: "\(DiffMarkdown.transition(DiffMarkdown.tier(l.tier.from), DiffMarkdown.tier(l.tier.to))); departments reached \(reach)")
            let band = scale.band(i)
            let before = l.hasLinkData.from == true ? l.eiIndex.from : nil
            let after = l.hasLinkData.to == true ? l.eiIndex.to : nil
            if let before, let after {
                SVG.line(&w, x1: scale.x(before), y1: band.middle, x2: scale.x(after), y2: band.middle, stroke: Palette.muted, width: 2)
            }
            if let before {
                w.empty("circle", ["cx": SVG.number(scale.x(before)), "cy": SVG.number(band.middle), "r": "6", "fill": Palette.panel, "stroke": Palette.ink, "stroke-width": "2"], selfClosing: true)
            }
            if let after {
                w.empty("circle", ["cx": SVG.number(scale.x(after)), "cy": SVG.number(band.middle), "r": "5", "fill": Palette.blue], selfClosing: true)
            }
            SVG.text(&w, DiffMarkdown.ei(l), x: scale.valueX, y: band.middle + 4)
        }
        let legend = scale.bottom(rows.count) + 18
        w.empty("circle", ["cx": "14", "cy": SVG.number(legend - 4), "r": "6", "fill": Palette.panel, "stroke": Palette.ink, "stroke-width": "2"], selfClosing: true)
        SVG.text(&w, "before", x: 26, y: legend)
        w.empty("circle", ["cx": "94", "cy": SVG.number(legend - 4), "r": "5", "fill": Palette.blue], selfClosing: true)
        SVG.text(&w, "after", x: 106, y: legend)
        SVG.text(&w, "— not a leader then; ? or unknown: no link data", x: 8, y: legend + 19, fill: Palette.muted)
        return Picture(
            name: leadersName, title: "Each engineering leader's E-I index and reach, before and after",
            caption: "A hollow dot is the E-I index in the earlier snapshot, a filled dot in the later one, from −1 (all links inside engineering) to +1 (all business-facing); the text gives both values and the business departments reached." + (rows.count < d.leaders.count ? " Only technology and senior leaders and leaders whose tier or reach changed are drawn." : ""),
            width: EIScale.pictureWidth, height: legend + 30, fitsPhone: true, drawing: w)
    }
}
