import OrgAnalysis

/// The report's pictures: the E-I bars, the leaders × departments heatmap and the department map. The HTML
/// report draws them inline; `report --images DIR` writes them as `.svg` files the Markdown report links to.
public enum ReportPictures {
    public static let eiName = "ei-index"
    public static let heatmapName = "leaders-by-department"
    public static let mapName = "department-map"

    /// Every picture the analysis has data for, in report order (E-I, heatmap, map).
    public static func all(_ analysis: Analysis, context: ReportContext) -> [Picture] {
        [
            eiBars(analysis, brief: context.findingsPerRule != nil),
            heatmap(analysis, context.minimumGroupSize),
            departmentMap(analysis, context.minimumGroupSize),
        ].compactMap { $0 }
    }

    // MARK: E-I bars

    /// Each listed engineering leader's E-I index as a bar from 0, with the tier's threshold as a dashed mark.
    static func eiBars(_ analysis: Analysis, brief: Bool) -> Picture? {
        let leaders = ReportSelection.listedLeaders(analysis, brief: brief).leaders
        guard !leaders.isEmpty else { return nil }
        let scale = EIScale()
        var w = HTMLWriter()
        scale.axis(&w, rows: leaders.count)
        for (i, l) in leaders.enumerated() {
            scale.label(&w, i, name: l.person.name, detail: "\(l.tier.label), \(l.department)")
            let band = scale.band(i)
            let threshold = analysis.policy.minimumEI(for: l.tier)
            guard l.hasLinkData, let ei = l.eiIndex else {
                SVG.text(&w, l.hasLinkData ? "no weighed link" : "unknown: no link data", x: scale.valueX, y: band.middle + 4, fill: Palette.muted, size: 11)
                continue
            }
            let (from, to) = (scale.x(min(0, ei)), scale.x(max(0, ei)))
            SVG.rect(&w, x: from, y: band.top, width: max(1.5, to - from), height: band.bottom - band.top, fill: ei < 0 ? Palette.vermillion : Palette.blue)
            var label = ReportFormat.ei(ei)
            if let threshold {
                let x = scale.x(threshold)
                SVG.line(&w, x1: x, y1: band.top - 4, x2: x, y2: band.bottom + 4, stroke: Palette.ink, width: 2, dash: "4 2")
                label += ei < threshold ? " below \(ReportFormat.ei(threshold))" : " (min \(ReportFormat.ei(threshold)))"
            }
            let below = threshold.map { ei < $0 } ?? false
            SVG.text(&w, label, x: scale.valueX, y: band.middle + 4, weight: below ? "bold" : "normal", fill: below ? Palette.vermillion : Palette.ink)
        }
        let legend = scale.bottom(leaders.count) + 18
        SVG.rect(&w, x: 8, y: legend - 10, width: 12, height: 12, fill: Palette.vermillion)
        SVG.text(&w, "more weight inside engineering", x: 24, y: legend)
        SVG.rect(&w, x: 220, y: legend - 10, width: 12, height: 12, fill: Palette.blue)
        SVG.text(&w, "more weight business-facing", x: 236, y: legend)
        SVG.line(&w, x1: 12, y1: legend + 8, x2: 12, y2: legend + 22, stroke: Palette.ink, width: 2, dash: "4 2")
        SVG.text(&w, "the tier's threshold (none for managers)", x: 24, y: legend + 19)
        let height = legend + 32
        return Picture(
            name: eiName, title: "E-I index of each engineering leader",
            caption: "Each bar runs from 0 to the leader's E-I index, from −1 (every link stays in engineering) to +1 (every link reaches the business); a dashed mark is the tier's threshold, and a value below it is written in bold with \"below\".",
            width: EIScale.pictureWidth, height: height, fitsPhone: true, drawing: w)
    }

    // MARK: Heatmap

    /// Technology and senior leaders × core business departments, each cell the link weight between them.
    static func heatmap(_ analysis: Analysis, _ rule: MinimumGroupSize?) -> Picture? {
        let columns = analysis.departments.filter(\.isCore)
        let rows = analysis.leaders.filter { $0.tier >= .seniorEngineeringLeader }
        guard !columns.isEmpty, !rows.isEmpty else { return nil }
        let hidden = columns.map { c in rule.map { $0.suppresses(c) } ?? false }
        let (labelWidth, cellWidth, cellHeight, header) = (250.0, 64.0, 26.0, 120.0)
        let weights = rows.map { l in Dictionary(l.businessDepartmentsReached.map { ($0.department, $0.weight) }, uniquingKeysWith: +) }
        let maximum = weights.flatMap(\.values).max() ?? 0
        let allMaximum = columns.map(\.engineeringWeight).max() ?? 0
        let width = labelWidth + Double(columns.count) * cellWidth + 20
        let bodyHeight = Double(rows.count + 1) * cellHeight
        var w = HTMLWriter()
        for (j, c) in columns.enumerated() {
            let x = labelWidth + Double(j) * cellWidth + cellWidth / 2
            w.element("text", [
                "x": SVG.number(x), "y": SVG.number(header - 8), "transform": "rotate(-40 \(SVG.number(x)) \(SVG.number(header - 8)))",
                "fill": Palette.ink, "font-size": "12",
            ], text: SVG.fit(c.name, 20))
        }
        // Compact for a large organization: one path per fill colour for every cell of it, one text a row with a
        // tspan a cell, and the grid drawn once.
        var cells: [String: String] = [:]
        func row(_ index: Int, label: String, bold: Bool, _ values: [(text: String, fill: String?, ink: String)]) {
            let y = header + Double(index) * cellHeight
            SVG.text(&w, SVG.fit(label, 34), x: 8, y: y + cellHeight / 2 + 4, weight: bold ? "bold" : "normal")
            let attributes: [(HTMLWriter.Name, String)] = [("y", SVG.number(y + cellHeight / 2 + 4)), ("text-anchor", "middle")]
            w.element("text", attributes) { w in
                for (j, value) in values.enumerated() {
                    let x = labelWidth + Double(j) * cellWidth
                    if let fill = value.fill {
                        cells[fill, default: ""] += "M\(SVG.number(x)) \(SVG.number(y))h\(SVG.number(cellWidth))v\(SVG.number(cellHeight))h-\(SVG.number(cellWidth))z"
                    }
                    var tspan: [(HTMLWriter.Name, String)] = [("x", SVG.number(x + cellWidth / 2))]
                    if value.ink != Palette.ink { tspan.append(("fill", value.ink)) }
                    w.element("tspan", tspan, text: value.text)
                }
            }
        }
        var body = HTMLWriter()
        swap(&w, &body)
        for (i, leader) in rows.enumerated() {
            row(i, label: leader.person.name, bold: false, columns.indices.map { j in
                if hidden[j] { return ("n/s", Palette.unknownFill, Palette.ink) }
                guard leader.hasLinkData else { return ("?", Palette.unknownFill, Palette.ink) }
                guard let weight = weights[i][columns[j].name] else { return ("—", nil, Palette.ink) }
                let step = Palette.step(weight, of: maximum)
                return (ReportFormat.weight(weight), step.fill, step.text)
            })
        }
        let allRow = rows.count
        row(allRow, label: ReportSelection.allOfEngineering, bold: true, columns.enumerated().map { j, c in
            if hidden[j] { return ("n/s", Palette.unknownFill, Palette.ink) }
            guard c.engineeringWeight > 0 else { return ("—", nil, Palette.ink) }
            let step = Palette.step(c.engineeringWeight, of: allMaximum)
            return (ReportFormat.weight(c.engineeringWeight), step.fill, step.text)
        })
        swap(&w, &body)
        for fill in Palette.ramp + [Palette.unknownFill] {
            guard let d = cells[fill] else { continue }
            w.empty("path", ["d": d, "fill": fill], selfClosing: true)
        }
        let (left, right, top, bottom) = (labelWidth, labelWidth + Double(columns.count) * cellWidth, header, header + bodyHeight)
        var grid = ""
        for j in 0...columns.count { grid += "M\(SVG.number(left + Double(j) * cellWidth)) \(SVG.number(top))V\(SVG.number(bottom))" }
        for i in 0...(rows.count + 1) { grid += "M\(SVG.number(left)) \(SVG.number(top + Double(i) * cellHeight))H\(SVG.number(right))" }
        w.empty("path", ["d": grid, "fill": "none", "stroke": Palette.panel, "stroke-width": "2"], selfClosing: true)
        w.empty("path", ["d": grid, "fill": "none", "stroke": Palette.grid, "stroke-width": "0.5"], selfClosing: true)
        w.append(body)
        SVG.line(&w, x1: 8, y1: header + Double(allRow) * cellHeight, x2: right, y2: header + Double(allRow) * cellHeight, stroke: Palette.ink)
        let legend = header + bodyHeight + 26
        var x = 8.0
        for (i, fill) in Palette.ramp.enumerated() {
            SVG.rect(&w, x: x + Double(i) * 18, y: legend - 11, width: 18, height: 14, fill: fill, stroke: Palette.grid)
        }
        x += 96
        SVG.text(&w, "light to dark: more link weight", x: x, y: legend)
        x += 200
        for (mark, meaning) in [("—", "no link"), ("?", "unknown: no link data"), ("n/s", rule.map { $0.marker } ?? "suppressed")] where mark != "n/s" || hidden.contains(true) {
            SVG.text(&w, mark, x: x, y: legend, weight: "bold")
            SVG.text(&w, meaning, x: x + 24, y: legend, fill: Palette.muted)
            x += 24 + Double(meaning.count) * 6.5 + 18
        }
        return Picture(
            name: heatmapName, title: "Technology and senior leaders × core business departments",
            caption: "Each cell is the link weight between a leader and a department, darker for more; — means no link, ? no link data for that leader; the last row sums all of engineering.",
            width: max(width, x + 8), height: legend + 16, drawing: w)
    }

    // MARK: Department map

    /// Engineering departments on the left, business ones on the right, joined by lines as wide as their weight.
    static func departmentMap(_ analysis: Analysis, _ rule: MinimumGroupSize?) -> Picture? {
        let map = DepartmentMap(analysis, minimumGroupSize: rule)
        guard !map.isEmpty else { return nil }
        let engineering = map.departments.filter { $0.side == .engineering }
        let business = map.departments.filter { $0.side == .business }
        let (width, nodeWidth, nodeHeight, gap, top) = (780.0, 240.0, 28.0, 12.0, 48.0)
        let rows = max(engineering.count, business.count)
        let height = top + Double(rows) * (nodeHeight + gap) + 56
        func center(_ index: Int, of count: Int) -> Double {
            let offset = Double(rows - count) * (nodeHeight + gap) / 2
            return top + offset + Double(index) * (nodeHeight + gap) + nodeHeight / 2
        }
        var y: [String: Double] = [:]
        for (i, d) in engineering.enumerated() { y[d.name] = center(i, of: engineering.count) }
        for (i, d) in business.enumerated() { y[d.name] = center(i, of: business.count) }
        var w = HTMLWriter()
        SVG.text(&w, "Engineering", x: 8, y: 24, weight: "bold", fill: Palette.blue, size: 13)
        SVG.text(&w, "Business", x: width - 8, y: 24, anchor: "end", weight: "bold", fill: Palette.ink, size: 13)
        let maximum = map.edges.map(\.weight).max() ?? 1
        func strokeWidth(_ weight: Double) -> Double { 1.5 + 10 * (weight / maximum).squareRoot() }
        let (leftX, rightX) = (8 + nodeWidth, width - 8 - nodeWidth)
        for e in map.edges {
            guard let ya = y[e.a], let yb = y[e.b] else { continue }
            let aIsEngineering = engineering.contains { $0.name == e.a }
            let (y1, y2) = aIsEngineering ? (ya, yb) : (yb, ya)
            let mid = (leftX + rightX) / 2
            // Into an unbridged department the link is engineers' who lead no one: dashed, since it is no bridge.
            let noBridge = map.unbridged.contains(e.a) || map.unbridged.contains(e.b)
            var attributes: [(HTMLWriter.Name, String)] = [
                ("d", "M\(SVG.number(leftX)) \(SVG.number(y1)) C\(SVG.number(mid)) \(SVG.number(y1)) \(SVG.number(mid)) \(SVG.number(y2)) \(SVG.number(rightX)) \(SVG.number(y2))"),
                ("fill", "none"), ("stroke", Palette.blue), ("stroke-opacity", "0.55"), ("stroke-width", SVG.number(strokeWidth(e.weight))),
            ]
            if noBridge { attributes.append(("stroke-dasharray", "6 4")) }
            w.element("path", attributes) {
                $0.element("title", text: "\(e.a) – \(e.b): weight \(ReportFormat.weight(e.weight))\(noBridge ? ", no engineering leader among them" : "")")
            }
        }
        for d in map.departments {
            let isEngineering = d.side == .engineering
            let x = isEngineering ? 8 : rightX
            let cy = y[d.name] ?? 0
            let label: String
            if map.suppressed.contains(d.name) {
                SVG.rect(&w, x: x, y: cy - nodeHeight / 2, width: nodeWidth, height: nodeHeight, fill: Palette.unknownFill, stroke: Palette.muted, dash: "4 3")
                label = "\(SVG.fit(d.name, 14)): \(rule?.marker ?? "suppressed")"
            } else if map.unbridged.contains(d.name) {
                SVG.rect(&w, x: x, y: cy - nodeHeight / 2, width: nodeWidth, height: nodeHeight, fill: "#fbe3d4", stroke: Palette.vermillion, strokeWidth: 3, dash: "6 3")
                label = "\(SVG.fit(d.name, 22)): unbridged"
            } else {
                SVG.rect(&w, x: x, y: cy - nodeHeight / 2, width: nodeWidth, height: nodeHeight, fill: isEngineering ? Palette.engineeringFill : Palette.businessFill, stroke: isEngineering ? Palette.blue : Palette.orange)
                label = SVG.fit(d.name, 34)
            }
            SVG.text(&w, label, x: x + 8, y: cy + 4, weight: map.unbridged.contains(d.name) ? "bold" : "normal", size: map.suppressed.contains(d.name) ? 10 : 12)
        }
        let legend = height - 20
        var x = 8.0
        for weight in [maximum, maximum / 4] {
            SVG.line(&w, x1: x, y1: legend - 4, x2: x + 40, y2: legend - 4, stroke: Palette.blue, width: strokeWidth(weight))
            SVG.text(&w, "weight \(ReportFormat.weight(weight))", x: x + 48, y: legend)
            x += 150
        }
        SVG.rect(&w, x: x, y: legend - 12, width: 28, height: 16, fill: "#fbe3d4", stroke: Palette.vermillion, strokeWidth: 3, dash: "6 3")
        SVG.text(&w, "unbridged: no engineering leader; dashed line: other engineers", x: x + 36, y: legend)
        return Picture(
            name: mapName, title: "Department map",
            caption: "Engineering departments on the left, business departments on the right; a line's width follows the link weight between them (the \(DepartmentMap.maximumEdges) strongest at most), and a dashed outline marked \"unbridged\" is a core business department no engineering leader reaches (a dashed line into it is engineers' who lead no one).",
            width: width, height: height, drawing: w)
    }
}
