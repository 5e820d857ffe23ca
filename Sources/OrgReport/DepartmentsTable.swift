import OrgAnalysis

/// `orgmap departments`: every department with its function and, for business ones, its bridges to engineering.
public enum DepartmentsTable {
    /// With `minimumGroupSize`, a smaller department's row shows the marker in place of its figures.
    public static func render(_ analysis: Analysis, minimumGroupSize: MinimumGroupSize? = nil) -> String {
        var table = TextTable(
            headers: ["DEPARTMENT", "FUNCTION", "PEOPLE", "CORE", "HEAD", "LEADERS", "LEADER LINKS", "ENGINEERING"],
            alignments: [.left, .left, .right, .left, .left, .right, .left, .right])
        for d in analysis.departments {
            if let rule = minimumGroupSize, rule.suppresses(d) {
                table.append([d.name, d.side.rawValue, rule.marker, d.isCore ? "yes" : "no", "", "", "", ""])
                continue
            }
            let business = d.side == .business
            let leaders = d.leaders.map { "\($0.leader.name) (\(ReportFormat.weight($0.weight)))" }.joined(separator: ", ")
            table.append([
                d.name, d.side.rawValue, String(d.people), d.isCore ? "yes" : "no", d.head?.name ?? "",
                business ? (d.hasLinkData ? String(d.leaders.count) : "unknown") : "",
                business ? leaders : "", business ? ReportFormat.weight(d.engineeringWeight) : "",
            ])
        }
        return table.render()
    }

    /// `{"departments":[...]}` with the same department objects as the JSON report.
    public static func json(_ analysis: Analysis, minimumGroupSize: MinimumGroupSize? = nil) -> String {
        JSONOutput.encode(["departments": DepartmentEntry.entries(analysis, minimumGroupSize)])
    }
}
