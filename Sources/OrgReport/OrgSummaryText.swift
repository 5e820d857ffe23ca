import OrgModel

extension OrgSummary {
    /// The summary as aligned text tables, for a terminal.
    public func renderText(snapshot: Snapshot) -> String {
        var out = "Snapshot \(snapshot.id) as of \(snapshot.asOf), from \(snapshot.sourceFile)\n"
        // Nobody with a manager among several people: the org chart had no manager column, not hundreds of roots.
        let linesKnown = people < 2 || roots.count < people
        let structure = linesKnown ? "\(plural(depth, "level")) deep, \(plural(roots.count, "root"))" : "reporting lines unknown (no manager column)"
        out += "\(people) people in \(plural(departments.count, "department")), \(structure), \(plural(dottedLines, "dotted line"))\n\n"
        var departmentTable = TextTable(headers: ["Department", "People", "Teams"], alignments: [.left, .right, .right])
        for d in departments { departmentTable.append([d.name, String(d.people), String(d.teams)]) }
        out += departmentTable.render() + "\n"
        guard linesKnown else { return out }
        var rootTable = TextTable(headers: ["Root", "Id", "Title", "Department"])
        for r in roots { rootTable.append([r.name, r.id, r.title ?? "", r.department]) }
        out += rootTable.render() + "\n"
        var spanTable = TextTable(headers: ["Largest spans", "Direct reports", "Title", "Department"], alignments: [.left, .right, .left, .left])
        for s in largestSpans { spanTable.append([s.manager.name, String(s.directReports), s.manager.title ?? "", s.manager.department]) }
        out += spanTable.render()
        return out
    }
}

/// `orgmap org --format json`: the snapshot and its summary.
public enum OrgSummaryJSON {
    public static func render(_ summary: OrgSummary, snapshot: Snapshot) -> String {
        JSONOutput.encode(Document(snapshot: snapshot, summary: summary))
    }

    private struct Document: Encodable {
        var snapshot: Snapshot
        var summary: OrgSummary
    }
}
