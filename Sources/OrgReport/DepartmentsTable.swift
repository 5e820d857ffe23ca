import OrgAnalysis

/// `orgmap departments`: every department with its function and, for business ones, its bridges to engineering.
public enum DepartmentsTable {
    public static func render(_ analysis: Analysis) -> String {
        var table = TextTable(
            headers: ["DEPARTMENT", "FUNCTION", "PEOPLE", "CORE", "HEAD", "LEADERS", "LEADER LINKS", "ENGINEERING"],
            alignments: [.left, .left, .right, .left, .left, .right, .left, .right])
        for d in analysis.departments {
            let business = d.function == .business
            let leaders = d.leaders.map { "\($0.leader.name) (\(ReportFormat.weight($0.weight)))" }.joined(separator: ", ")
            table.append([
                d.name, d.function.rawValue, String(d.people), d.isCore ? "yes" : "no", d.head?.name ?? "",
                business ? (d.hasLinkData ? String(d.leaders.count) : "unknown") : "",
                business ? leaders : "", business ? ReportFormat.weight(d.engineeringWeight) : "",
            ])
        }
        return table.render()
    }

    /// `{"departments":[...]}` with the same department objects as the JSON report.
    public static func json(_ analysis: Analysis) -> String {
        JSONOutput.encode(["departments": analysis.departments])
    }
}
