import OrgAnalysis
import OrgModel

/// The default report: GitHub-flavoured Markdown a CTO can paste into a wiki or a pull request.
public enum MarkdownReport {
    /// With ``ReportContext/findingsPerRule`` set, the leaders table lists engineering managers only when there
    /// are at most this many engineering leaders.
    public static let leaderListLimit = 100

    /// With `images` (a picture's ``Picture/name`` to the link of its `.svg` file, as `report --images` writes
    /// them), the E-I bars and the heatmap are shown in their sections, and the department map replaces the
    /// Mermaid graph.
    public static func render(_ analysis: Analysis, context: ReportContext, images: [String: String] = [:]) -> String {
        var out: [String] = []
        out += scope(analysis, context)
        out += summary(analysis)
        out += context.sincePrevious.map(sincePrevious) ?? []
        out += findings(analysis, perRule: context.findingsPerRule)
        out += leaders(analysis, brief: context.findingsPerRule != nil, image: image(ReportPictures.eiName, images))
        out += matrix(analysis, context.minimumGroupSize, image: image(ReportPictures.heatmapName, images))
        if let map = image(ReportPictures.mapName, images) {
            out += ["## Department map", "", map, ""]
        } else {
            out += MermaidGraph.section(analysis, minimumGroupSize: context.minimumGroupSize)
        }
        out += unknown(analysis)
        out += method(analysis.policy, reportingLines: analysis.organization.hasReportingLines)
        return out.joined(separator: "\n") + "\n"
    }

    private static func esc(_ text: String) -> String { MarkdownEscaping.inline(text) }

    /// `![alt](<link>)` for a picture written beside the report; the link is ours (a relative path), percent-encoded.
    private static func image(_ name: String, _ images: [String: String]) -> String? {
        guard let link = images[name] else { return nil }
        let alt: String = switch name {
        case ReportPictures.eiName: "E-I index of each engineering leader"
        case ReportPictures.heatmapName: "Technology and senior leaders by core business department"
        default: "Department map"
        }
        return "![\(alt)](\(MarkdownEscaping.link(link)))"
    }

    private static func scope(_ analysis: Analysis, _ context: ReportContext) -> [String] {
        var lines = ["# Engineering leadership: who is connected to the business", ""]
        if let s = context.snapshot {
            lines.append("- **Snapshot:** #\(s.id) as of \(s.asOf), imported from \(esc(s.sourceFile))")
        }
        lines.append("- **People:** \(ReportFormat.count(context.peopleCount)), of whom \(ReportFormat.count(analysis.engineeringPeopleCount)) in engineering and \(ReportFormat.count(analysis.leaders.count)) engineering leaders")
        var links = "- **Links:** \(ReportFormat.count(context.linkCount)) imported (\(ReportFormat.count(analysis.importedTieCount)) pairs of people), plus \(ReportFormat.count(analysis.dottedLineTieCount)) dotted-line reporting lines"
        if let filter = context.linkFilter { links += "; \(esc(filter))" }
        lines.append(links)
        lines.append("- **Policy:** \(esc(context.policyDescription))")
        if let privacy = ReportSelection.privacy(context) { lines.append("- **Privacy:** \(privacy)") }
        lines.append("")
        return lines
    }

    private static func summary(_ analysis: Analysis) -> [String] {
        var lines = ["## Summary", ""]
        if !analysis.hasLinkData {
            lines += [
                "> \(ReportSelection.noLinkData)",
                "",
            ]
        }
        lines += ["| Severity | Findings |", "|---|---:|"]
        for (severity, count) in analysis.findingCounts { lines.append("| \(severity.rawValue) | \(count) |") }
        lines.append("")
        return lines
    }

    /// Opened and resolved findings and leaders whose tier or reach changed; `orgmap diff` has the rest.
    private static func sincePrevious(_ c: SnapshotComparison) -> [String] {
        let d = c.diff
        var lines = [
            "## Since the previous snapshot", "",
            "Compared with \(DiffMarkdown.origin(of: c.from)), analysed the same way: \(d.opened.count) finding\(d.opened.count == 1 ? "" : "s") opened, \(d.resolved.count) resolved, \(d.persisting.count) persisting\(d.unknown.isEmpty ? "" : ", \(d.unknown.count) unknown"). `orgmap diff` shows everything that changed, people included.", "",
        ] + DiffMarkdown.linkDataWarning(c) + [
            "### Opened (\(d.opened.count))", "",
        ]
        lines += DiffMarkdown.findingTable(d.opened)
        lines += ["### Resolved (\(d.resolved.count))", ""]
        lines += DiffMarkdown.findingTable(d.resolved)
        let changed = d.changedLeaders
        lines += ["### Leaders whose tier or reach changed (\(changed.count))", ""]
        guard !changed.isEmpty else { return lines + ["None: every leader keeps their tier and reaches the same business departments.", ""] }
        lines += ["| Leader | Tier | E-I | Gained | Lost |", "|---|---|---:|---|---|"]
        for l in changed {
            let cells = [
                esc(l.person.name), DiffMarkdown.transition(DiffMarkdown.tier(l.tier.from), DiffMarkdown.tier(l.tier.to)),
                DiffMarkdown.ei(l), l.departmentsGained.map(esc).joined(separator: ", "),
                l.departmentsLost.map(esc).joined(separator: ", "),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines + [""]
    }

    private static func findings(_ analysis: Analysis, perRule limit: Int?) -> [String] {
        var lines = ["## Findings", ""]
        if analysis.findings.isEmpty { return lines + ["No findings.", ""] }
        var number = 0
        for severity in Severity.allCases {
            let group = analysis.findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            lines += ["### \(severity.rawValue.capitalized) (\(group.count))", ""]
            for (findings, note) in ReportSelection.findingGroups(group, limit: limit) {
                for finding in findings { lines += entry(finding, number: &number) }
                if let note { lines += ["*\(note)*", ""] }
            }
        }
        return lines
    }

    private static func entry(_ finding: Finding, number: inout Int) -> [String] {
        number += 1
        let evidence = ReportSelection.evidence(finding, text: esc)
        return [
            "#### \(number). `\(finding.rule.rawValue)`: \(esc(finding.subject.name))", "",
            esc(finding.message), "",
            "- **Evidence:** \(evidence.joined(separator: "; "))",
            "- **Recommendation:** \(esc(finding.recommendation))", "",
        ]
    }

    private static func leaders(_ analysis: Analysis, brief: Bool, image: String?) -> [String] {
        var lines = ["## Engineering leaders", ""]
        if analysis.leaders.isEmpty { return lines + ["Nobody in engineering leads a team.", ""] }
        let (listed, note) = ReportSelection.listedLeaders(analysis, brief: brief)
        if let note { lines += [note, ""] }
        if let image { lines += [image, ""] }
        lines += [
            "| Name | Title | Tier | Department | E-I | Constraint | Effective size | Business departments reached | Expected | Missing |",
            "|---|---|---|---|---:|---:|---:|---|---:|---|",
        ]
        for l in listed {
            let reached = ReportSelection.reached(l, text: esc)
            let cells = [
                esc(l.person.name), esc(l.title ?? ""), l.tier.label, esc(l.department),
                l.hasLinkData ? ReportFormat.ei(l.eiIndex) : "n/a",
                ReportFormat.brokerage(l.brokerage?.constraint), ReportFormat.brokerage(l.brokerage?.effectiveSize), reached,
                l.expectedDepartmentCount == 0 ? "none" : "\(l.expectedDepartmentCount)",
                l.missingDepartments.map(esc).joined(separator: ", "),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        lines.append("")
        return lines
    }

    /// Rows: technology and senior leaders (managers are not expected to reach the business);
    /// columns: core business departments; cells: link weight, or the marker for a department below the minimum.
    private static func matrix(_ analysis: Analysis, _ minimumGroupSize: MinimumGroupSize?, image: String?) -> [String] {
        guard let table = ReportSelection.matrix(analysis, minimumGroupSize, text: esc) else { return [] }
        var lines = [
            "## Engineering leaders × business departments", "",
            "Link weight between each technology or senior leader and each core business department; a dash means no link.", "",
        ]
        if let image { lines += [image, ""] }
        lines += [
            "| " + table.header.joined(separator: " | ") + " |",
            "|---|" + String(repeating: "---:|", count: table.header.count - 1),
        ]
        lines += table.rows.map { "| " + $0.joined(separator: " | ") + " |" }
        lines.append("| *\(ReportSelection.allOfEngineering)* | " + table.all.joined(separator: " | ") + " |")
        lines.append("")
        if let note = table.note { lines += [note, ""] }
        return lines
    }

    private static func unknown(_ analysis: Analysis) -> [String] {
        guard !analysis.unknown.isEmpty else { return [] }
        var lines = [
            "## Unknown", "",
            "The link data says nothing about these, so they were not judged (and never reported as isolated):", "",
        ]
        for u in analysis.unknown {
            let what = u.tier?.label ?? "department"
            lines.append("- \(esc(u.subject.name)) (\(what)): \(esc(u.reason))")
        }
        lines.append("")
        return lines
    }

    private static func method(_ p: Policy, reportingLines: Bool) -> [String] {
        ["## Method", ""] + ReportSelection.method(p, reportingLines: reportingLines).map { "- **\($0.lead)** \($0.text)" } + [""]
    }
}
