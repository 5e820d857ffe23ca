import OrgAnalysis

/// `orgmap leaders`: one line per engineering leader, as a terminal table or JSON.
public enum LeadersTable {
    public static func render(_ analysis: Analysis) -> String {
        var table = TextTable(
            headers: ["NAME", "TITLE", "TIER", "DEPARTMENT", "E-I", "BUSINESS", "CONSTRAINT", "EFF. SIZE", "REACHED", "MISSING"],
            alignments: [.left, .left, .left, .left, .right, .right, .right, .right, .left, .left])
        for l in analysis.leaders {
            table.append([
                l.person.name, l.title ?? "", l.tier.rawValue, l.department,
                l.hasLinkData ? ReportFormat.ei(l.eiIndex) : "unknown", ReportFormat.weight(l.businessFacing.weight),
                ReportFormat.brokerage(l.brokerage?.constraint), ReportFormat.brokerage(l.brokerage?.effectiveSize),
                l.businessDepartmentsReached.map(\.department).joined(separator: ", "),
                l.missingDepartments.joined(separator: ", "),
            ])
        }
        return table.render()
    }

    /// `{"leaders":[...]}` with the same leader objects as the JSON report.
    public static func json(_ analysis: Analysis) -> String {
        JSONOutput.encode(["leaders": analysis.leaders])
    }
}
