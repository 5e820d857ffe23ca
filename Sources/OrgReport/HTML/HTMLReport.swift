import OrgAnalysis
import OrgModel

/// The report as one self-contained HTML page with its pictures, for the meeting room: the Markdown report's
/// content in the same order, with the same `--top`, `--anonymize` and `--min-group-size` behaviour.
public enum HTMLReport {
    public static let title = "Engineering leadership: who is connected to the business"

    public static func render(_ analysis: Analysis, context: ReportContext) -> String {
        let pictures = Dictionary(ReportPictures.all(analysis, context: context).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var sections: [(id: String, title: String, write: (inout HTMLWriter) -> Void)] = [
            ("summary", "Summary", { summary(&$0, analysis) }),
        ]
        if let c = context.sincePrevious {
            sections.append(("since-previous", "Since the previous snapshot", { sincePrevious(&$0, c) }))
        }
        sections.append(("findings", "Findings", { findings(&$0, analysis, perRule: context.findingsPerRule) }))
        sections.append(("leaders", "Engineering leaders", { leaders(&$0, analysis, brief: context.findingsPerRule != nil, picture: pictures[ReportPictures.eiName]) }))
        if let heatmap = pictures[ReportPictures.heatmapName] {
            sections.append(("matrix", "Engineering leaders × business departments", { matrix(&$0, analysis, context.minimumGroupSize, heatmap) }))
        }
        if let map = pictures[ReportPictures.mapName] {
            sections.append(("department-map", "Department map", { map.figure(into: &$0) }))
        }
        if !analysis.unknown.isEmpty { sections.append(("unknown", "Unknown", { unknown(&$0, analysis) })) }
        sections.append(("method", "Method", { method(&$0, analysis) }))

        return HTMLPage.document(title: title) { w in
            w.element("header") { w in
                w.element("h1", text: title)
                scope(&w, analysis, context)
                w.element("nav", ["aria-label": "Contents"]) { w in
                    w.element("ol") { w in
                        for s in sections { w.element("li") { $0.element("a", ["href": "#" + s.id], text: s.title) } }
                    }
                }
            }
            for s in sections { w.section(s.id, s.title, s.write) }
            footer(&w)
        }
    }

    static func footer(_ w: inout HTMLWriter) {
        w.element("footer") { $0.paragraph("Made by orgmap. This page is one file: it loads nothing and runs no script, and prints as a handout (A4 or Letter).") }
    }

    private static func scope(_ w: inout HTMLWriter, _ analysis: Analysis, _ context: ReportContext) {
        var items: [(lead: String, text: String)] = []
        if let s = context.snapshot { items.append(("Snapshot:", "#\(s.id) as of \(s.asOf), imported from \(s.sourceFile)")) }
        items.append(("People:", "\(ReportFormat.count(context.peopleCount)), of whom \(ReportFormat.count(analysis.engineeringPeopleCount)) in engineering and \(ReportFormat.count(analysis.leaders.count)) engineering leaders"))
        var links = "\(ReportFormat.count(context.linkCount)) imported (\(ReportFormat.count(analysis.importedTieCount)) pairs of people), plus \(ReportFormat.count(analysis.dottedLineTieCount)) dotted-line reporting lines"
        if let filter = context.linkFilter { links += "; \(filter)" }
        items.append(("Links:", links))
        items.append(("Policy:", context.policyDescription))
        if let privacy = ReportSelection.privacy(context) { items.append(("Privacy:", privacy)) }
        w.scope(items)
    }

    private static func summary(_ w: inout HTMLWriter, _ analysis: Analysis) {
        if !analysis.hasLinkData {
            w.paragraph(ReportSelection.noLinkData, class: "note")
        }
        w.table(["Severity", "Findings"], numeric: [1], rows: analysis.findingCounts.map { [$0.severity.rawValue, String($0.count)] })
    }

    private static func sincePrevious(_ w: inout HTMLWriter, _ c: SnapshotComparison) {
        let d = c.diff
        w.element("p") { w in
            w.text("Compared with snapshot #\(c.from.id) as of \(c.from.asOf), imported from \(c.from.sourceFile), analysed the same way: \(plural(d.opened.count, "finding")) opened, \(d.resolved.count) resolved, \(d.persisting.count) persisting\(d.unknown.isEmpty ? "" : ", \(d.unknown.count) unknown"). ")
            w.prose("`orgmap diff` shows everything that changed, people included.")
        }
        DiffHTML.linkDataWarning(&w, c)
        DiffPictures.findingCounts(d).figure(into: &w)
        w.element("h3", text: "Opened (\(d.opened.count))")
        DiffHTML.findingTable(&w, d.opened)
        w.element("h3", text: "Resolved (\(d.resolved.count))")
        DiffHTML.findingTable(&w, d.resolved)
        let changed = d.changedLeaders
        w.element("h3", text: "Leaders whose tier or reach changed (\(changed.count))")
        guard !changed.isEmpty else { return w.paragraph("None: every leader keeps their tier and reaches the same business departments.") }
        w.table(["Leader", "Tier", "E-I", "Gained", "Lost"], numeric: [2], rows: changed.map { l in
            [
                l.person.name, DiffMarkdown.transition(DiffMarkdown.tier(l.tier.from), DiffMarkdown.tier(l.tier.to)),
                DiffMarkdown.ei(l), l.departmentsGained.joined(separator: ", "), l.departmentsLost.joined(separator: ", "),
            ]
        })
    }

    private static func findings(_ w: inout HTMLWriter, _ analysis: Analysis, perRule limit: Int?) {
        if analysis.findings.isEmpty { return w.paragraph("No findings.") }
        var number = 0
        for severity in Severity.allCases {
            let group = analysis.findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            w.element("h3", text: "\(severity.rawValue.capitalized) (\(group.count))")
            for (findings, note) in ReportSelection.findingGroups(group, limit: limit) {
                for finding in findings {
                    number += 1
                    entry(&w, finding, number: number)
                }
                if let note { w.paragraph(note, class: "more") }
            }
        }
    }

    private static func entry(_ w: inout HTMLWriter, _ finding: Finding, number: Int) {
        let severity = finding.severity.rawValue
        w.element("article", ["class": "finding \(severity)", "id": "finding-\(number)"]) { w in
            w.element("h4") { w in
                w.element("span", ["class": "severity \(severity)"], text: severity)
                w.text("\(number). ")
                w.element("code", text: finding.rule.rawValue)
                w.text(": " + finding.subject.name)
            }
            w.element("p", text: finding.message)
            w.element("dl", ["class": "evidence"]) { w in
                w.element("dt", text: "Evidence")
                w.element("dd", text: ReportSelection.evidence(finding, text: { $0 }).joined(separator: "; "))
                w.element("dt", text: "Recommendation")
                w.element("dd", text: finding.recommendation)
            }
        }
    }

    private static func leaders(_ w: inout HTMLWriter, _ analysis: Analysis, brief: Bool, picture: Picture?) {
        if analysis.leaders.isEmpty { return w.paragraph("Nobody in engineering leads a team.") }
        let (listed, note) = ReportSelection.listedLeaders(analysis, brief: brief)
        if let note { w.paragraph(note) }
        picture?.figure(into: &w)
        w.table(
            ["Name", "Title", "Tier", "Department", "E-I", "Constraint", "Effective size", "Business departments reached", "Expected", "Missing"],
            numeric: [4, 5, 6, 8],
            rows: listed.map { l in
                [
                    l.person.name, l.title ?? "", l.tier.label, l.department, l.hasLinkData ? ReportFormat.ei(l.eiIndex) : "n/a",
                    ReportFormat.brokerage(l.brokerage?.constraint), ReportFormat.brokerage(l.brokerage?.effectiveSize),
                    ReportSelection.reached(l, text: { $0 }), l.expectedDepartmentCount == 0 ? "none" : "\(l.expectedDepartmentCount)",
                    l.missingDepartments.joined(separator: ", "),
                ]
            })
    }

    private static func matrix(_ w: inout HTMLWriter, _ analysis: Analysis, _ rule: MinimumGroupSize?, _ heatmap: Picture) {
        heatmap.figure(into: &w)
        guard let table = ReportSelection.matrix(analysis, rule, text: { $0 }) else { return }
        w.element("details") { w in
            w.element("summary", text: "The same figures as a table")
            w.table(table.header, numeric: Set(1..<table.header.count), rows: table.rows + [[ReportSelection.allOfEngineering] + table.all])
        }
        if let note = table.note { w.element("p", text: note) }
    }

    private static func unknown(_ w: inout HTMLWriter, _ analysis: Analysis) {
        w.paragraph("The link data says nothing about these, so they were not judged (and never reported as isolated):")
        w.element("ul") { w in
            for u in analysis.unknown {
                w.element("li", text: "\(u.subject.name) (\(u.tier?.label ?? "department")): \(u.reason)")
            }
        }
    }

    private static func method(_ w: inout HTMLWriter, _ analysis: Analysis) {
        w.element("ul") { w in
            for item in ReportSelection.method(analysis.policy, reportingLines: analysis.organization.hasReportingLines) {
                w.element("li") { w in
                    w.element("strong", text: item.lead)
                    w.text(" ")
                    w.prose(item.text)
                }
            }
        }
    }
}
