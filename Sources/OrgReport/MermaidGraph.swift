import OrgAnalysis

/// A Mermaid `graph LR` of engineering and business departments joined by their link weights (GitHub renders it).
enum MermaidGraph {
    static func section(_ analysis: Analysis, minimumGroupSize: MinimumGroupSize? = nil) -> [String] {
        let lines = render(analysis, minimumGroupSize: minimumGroupSize)
        guard !lines.isEmpty else { return [] }
        var intro = "Links between engineering and business departments (the \(DepartmentMap.maximumEdges) strongest at most); red outlines mark core business departments no engineering leader reaches."
        if let rule = minimumGroupSize {
            intro += " Departments with fewer than \(rule.minimum) people are grey and drawn without their links: \(rule.marker)."
        }
        return ["## Department map", "", intro, "", "```mermaid"] + lines + ["```", ""]
    }

    /// The diagram's lines; node ids are `d1`, `d2`... in the analysis's department order, never imported text.
    /// A department below `minimumGroupSize` keeps its node, labelled with the marker, but loses its edges and
    /// its unbridged outline: both are figures about its few people.
    static func render(_ analysis: Analysis, minimumGroupSize: MinimumGroupSize? = nil) -> [String] {
        let map = DepartmentMap(analysis, minimumGroupSize: minimumGroupSize)
        guard !map.isEmpty else { return [] }
        let small = map.suppressed
        let shown = Set(map.departments.map(\.name))
        var ids: [String: String] = [:]
        var lines = ["graph LR"]
        for (i, d) in analysis.departments.enumerated() where shown.contains(d.name) {
            let id = "d\(i + 1)"
            ids[d.name] = id
            let text = small.contains(d.name) ? "\(d.name): \(minimumGroupSize?.marker ?? "")" : d.name
            let label = MarkdownEscaping.mermaidLabel(text)
            lines.append(d.side == .engineering ? "    \(id)[\"\(label)\"]" : "    \(id)([\"\(label)\"])")
        }
        for e in map.edges {
            lines.append("    \(ids[e.a]!) ---|\(ReportFormat.weight(e.weight))| \(ids[e.b]!)")
        }
        let open = map.departments.filter { !small.contains($0.name) }
        let engineering = open.filter { $0.side == .engineering }.compactMap { ids[$0.name] }
        let business = open.filter { $0.side == .business }.compactMap { ids[$0.name] }
        let bridgeless = map.departments.map(\.name).filter(map.unbridged.contains)
        let hidden = map.departments.filter { small.contains($0.name) }.compactMap { ids[$0.name] }
        lines.append("    classDef engineering fill:#dbeafe,stroke:#1d4ed8")
        lines.append("    classDef business fill:#fef3c7,stroke:#b45309")
        lines.append("    classDef unbridged fill:#fee2e2,stroke:#b91c1c,stroke-width:3px")
        if !hidden.isEmpty { lines.append("    classDef suppressed fill:#e5e7eb,stroke:#6b7280,stroke-dasharray:4") }
        if !engineering.isEmpty { lines.append("    class \(engineering.joined(separator: ",")) engineering") }
        if !business.isEmpty { lines.append("    class \(business.joined(separator: ",")) business") }
        if !bridgeless.isEmpty { lines.append("    class \(bridgeless.compactMap { ids[$0] }.joined(separator: ",")) unbridged") }
        if !hidden.isEmpty { lines.append("    class \(hidden.joined(separator: ",")) suppressed") }
        return lines
    }
}
