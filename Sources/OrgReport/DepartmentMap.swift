import OrgAnalysis

/// What a department map shows, whichever way it is drawn (Mermaid, SVG): the strongest links between an
/// engineering and a business department, the core business departments no engineering leader reaches, and the
/// departments below the minimum group size, shown without their links.
struct DepartmentMap {
    /// More edges than this make a map unreadable; the strongest are kept.
    static let maximumEdges = 40

    /// Strongest first.
    let edges: [DepartmentLink]
    /// Core business departments with link data and no engineering leader, outside the suppressed ones.
    let unbridged: Set<String>
    /// Departments below the minimum group size: drawn, labelled with the marker, without links or outline.
    let suppressed: Set<String>
    /// The departments drawn, in the analysis's order.
    let departments: [DepartmentSummary]

    init(_ analysis: Analysis, minimumGroupSize: MinimumGroupSize?) {
        let side = Dictionary(analysis.departments.map { ($0.name, $0.side) }, uniquingKeysWith: { a, _ in a })
        let small = minimumGroupSize?.suppressedDepartments(in: analysis) ?? []
        let crossing = analysis.departmentLinks.filter { side[$0.a] != side[$0.b] }
        edges = Array(crossing.filter { !small.contains($0.a) && !small.contains($0.b) }.prefix(Self.maximumEdges))
        let bridgeless = analysis.departments.filter { $0.isCore && $0.hasLinkData && $0.leaders.isEmpty }.map(\.name)
        var shown = Set(edges.flatMap { [$0.a, $0.b] })
        shown.formUnion(bridgeless)
        shown.formUnion(crossing.flatMap { [$0.a, $0.b] }.filter(small.contains))
        unbridged = Set(bridgeless.filter { !small.contains($0) })
        suppressed = small.intersection(shown)
        departments = analysis.departments.filter { shown.contains($0.name) }
    }

    var isEmpty: Bool { departments.isEmpty }
}
