import OrgAnalysis

/// A Mermaid `graph LR` of engineering and business departments joined by their link weights (GitHub renders it).
enum MermaidGraph {
    /// More edges than this make the graph unreadable; the strongest are kept.
    static let maximumEdges = 40

    static func section(_ analysis: Analysis) -> [String] {
        let lines = render(analysis)
        guard !lines.isEmpty else { return [] }
        return ["## Department map", "",
                "Links between engineering and business departments (the \(maximumEdges) strongest at most); red outlines mark core business departments no engineering leader reaches.", "",
                "```mermaid"] + lines + ["```", ""]
    }

    /// The diagram's lines; node ids are `d1`, `d2`... in the analysis's department order, never imported text.
    static func render(_ analysis: Analysis) -> [String] {
        let function = Dictionary(analysis.departments.map { ($0.name, $0.function) }, uniquingKeysWith: { a, _ in a })
        let edges = analysis.departmentLinks
            .filter { function[$0.a] != function[$0.b] }
            .prefix(maximumEdges)
        let unbridged = analysis.departments.filter { $0.isCore && $0.hasLinkData && $0.leaders.isEmpty }.map(\.name)
        var shown = Set(edges.flatMap { [$0.a, $0.b] })
        shown.formUnion(unbridged)
        guard !shown.isEmpty else { return [] }

        var ids: [String: String] = [:]
        var lines = ["graph LR"]
        for (i, d) in analysis.departments.enumerated() where shown.contains(d.name) {
            let id = "d\(i + 1)"
            ids[d.name] = id
            let label = MarkdownEscaping.mermaidLabel(d.name)
            lines.append(d.function == .engineering ? "    \(id)[\"\(label)\"]" : "    \(id)([\"\(label)\"])")
        }
        for e in edges {
            lines.append("    \(ids[e.a]!) ---|\(ReportFormat.weight(e.weight))| \(ids[e.b]!)")
        }
        let engineering = analysis.departments.filter { $0.function == .engineering && shown.contains($0.name) }.compactMap { ids[$0.name] }
        let business = analysis.departments.filter { $0.function == .business && shown.contains($0.name) }.compactMap { ids[$0.name] }
        lines.append("    classDef engineering fill:#dbeafe,stroke:#1d4ed8")
        lines.append("    classDef business fill:#fef3c7,stroke:#b45309")
        lines.append("    classDef unbridged fill:#fee2e2,stroke:#b91c1c,stroke-width:3px")
        if !engineering.isEmpty { lines.append("    class \(engineering.joined(separator: ",")) engineering") }
        if !business.isEmpty { lines.append("    class \(business.joined(separator: ",")) business") }
        if !unbridged.isEmpty { lines.append("    class \(unbridged.compactMap { ids[$0] }.joined(separator: ",")) unbridged") }
        return lines
    }
}
