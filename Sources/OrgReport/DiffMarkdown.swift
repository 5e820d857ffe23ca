import OrgAnalysis
import OrgModel

/// `orgmap diff` as GitHub-flavoured Markdown: which gaps opened and closed between two snapshots, and who moved.
public enum DiffMarkdown {
    public static func render(_ comparison: SnapshotComparison) -> String {
        let diff = comparison.diff
        var out = header(comparison)
        out += findingSection("Findings opened", diff.opened)
        out += findingSection("Findings resolved", diff.resolved)
        out += findingSection("Findings persisting", diff.persisting)
        if !diff.unknown.isEmpty { out += findingSection("Findings unknown", diff.unknown) }
        out += leaders(diff.leaders)
        out += people(diff.people)
        return out.joined(separator: "\n") + "\n"
    }

    private static func esc(_ text: String) -> String { MarkdownEscaping.inline(text) }

    /// "snapshot #2 as of 2026-11-01, imported from people.csv"
    static func origin(of s: Snapshot) -> String {
        "snapshot #\(s.id) as of \(s.asOf), imported from \(esc(s.sourceFile))"
    }

    private static func header(_ c: SnapshotComparison) -> [String] {
        let d = c.diff
        let p = d.people
        return [
            "# What changed between snapshot #\(c.from.id) and snapshot #\(c.to.id)", "",
            "- **From:** \(origin(of: c.from)), \(ReportFormat.count(c.from.personCount)) people",
            "- **To:** \(origin(of: c.to)), \(ReportFormat.count(c.to.personCount)) people",
        ] + (c.linkFilter.map { ["- **Links:** in both snapshots, only \(esc($0))"] } ?? []) + [
            "- **Findings:** \(d.opened.count) opened, \(d.resolved.count) resolved, \(d.persisting.count) persisting\(d.unknown.isEmpty ? "" : ", \(d.unknown.count) unknown")",
            "- **Engineering leaders:** \(d.tierChanges.count) changed tier, \(d.reachChanges.count) gained or lost a business department",
            "- **People:** \(p.joined.count) joined, \(p.left.count) left, \(p.moved.count) moved, \(p.retitled.count) changed title",
            "",
        ] + linkDataWarning(c)
    }

    /// A warning at the top when a side has no links: its link-based findings are unknown, not resolved.
    static func linkDataWarning(_ c: SnapshotComparison) -> [String] {
        guard let sentence = linkDataSentence(c, text: esc) else { return [] }
        return ["> \(sentence)", ""]
    }

    /// The warning's sentence, with **bold** and `code` marked as in Markdown; `text` renders the link filter.
    static func linkDataSentence(_ c: SnapshotComparison, text: (String) -> String) -> String? {
        guard let reason = c.diff.linkData.reason else { return nil }
        let missing = switch c.diff.linkData {
        case .missingBefore: [c.from]
        case .missingAfter: [c.to]
        default: [c.from, c.to]
        }
        let fix = missing.map { "`orgmap import links FILE --snapshot \($0.id)`" }.joined(separator: " and ")
        return "**Not comparable on links:** \(reason)\(c.linkFilter.map { " (\(text($0)))" } ?? ""). Findings judged from links are listed as unknown, never as opened or resolved, and E-I and reach show unknown on that side. Import the links (\(fix)) to compare them."
    }

    private static func findingSection(_ title: String, _ findings: [Finding]) -> [String] {
        ["## \(title) (\(findings.count))", ""] + findingTable(findings)
    }

    /// One row per finding, or "None."; shared with the report's "Since the previous snapshot" section.
    static func findingTable(_ findings: [Finding]) -> [String] {
        guard !findings.isEmpty else { return ["None.", ""] }
        var lines = ["| Severity | Rule | Subject | Finding |", "|---|---|---|---|"]
        for f in findings {
            lines.append("| \(f.severity.rawValue) | `\(f.rule.rawValue)` | \(esc(f.subject.name)) | \(esc(f.message)) |")
        }
        return lines + [""]
    }

    /// "before → after", or the value alone when it did not change.
    static func transition(_ before: String, _ after: String) -> String {
        before == after ? after : "\(before) → \(after)"
    }

    /// A dash on a side where the person was absent or outside engineering.
    static func tier(_ t: Tier?) -> String { t?.label ?? "—" }

    /// A dash on a side where the person was not a leader (``LeaderChange/hasLinkData`` is nil there), "unknown"
    /// where they had no link data.
    static func ei(_ change: LeaderChange) -> String {
        func side(_ hasLinkData: Bool?, _ value: Double?) -> String {
            guard let hasLinkData else { return "—" }
            return hasLinkData ? ReportFormat.ei(value) : "unknown"
        }
        return transition(side(change.hasLinkData.from, change.eiIndex.from), side(change.hasLinkData.to, change.eiIndex.to))
    }

    /// Business departments reached before and after; `text` renders their names.
    static func reached(_ change: LeaderChange, text: (String) -> String = esc) -> String {
        func side(_ hasLinkData: Bool?, _ departments: [String]?) -> String {
            guard let hasLinkData, let departments else { return "—" }
            if !hasLinkData { return "unknown" }
            return departments.isEmpty ? "none" : departments.map(text).joined(separator: ", ")
        }
        return transition(
            side(change.hasLinkData.from, change.businessDepartmentsReached.from),
            side(change.hasLinkData.to, change.businessDepartmentsReached.to))
    }

    private static func leaders(_ leaders: [LeaderChange]) -> [String] {
        var lines = ["## Engineering leaders (\(leaders.count))", ""]
        guard !leaders.isEmpty else { return lines + ["Nobody in engineering leads a team in either snapshot.", ""] }
        lines += [
            "Everyone who led in engineering in either snapshot; a dash means not a leader (or not in engineering) then, \"unknown\" no link data.", "",
            "| Leader | Tier | E-I | Business departments reached | Gained | Lost |",
            "|---|---|---:|---|---|---|",
        ]
        for l in leaders {
            let cells = [
                esc(l.person.name), transition(tier(l.tier.from), tier(l.tier.to)), ei(l), reached(l),
                l.departmentsGained.map(esc).joined(separator: ", "), l.departmentsLost.map(esc).joined(separator: ", "),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines + [""]
    }

    private static func people(_ p: PeopleChanges) -> [String] {
        var lines = ["## People", ""]
        if p.isEmpty { return lines + ["No one joined, left, moved or changed title.", ""] }
        if !p.joined.isEmpty { lines += placed("Joined", p.joined) }
        if !p.left.isEmpty { lines += placed("Left", p.left) }
        if !p.moved.isEmpty {
            lines += ["### Moved (\(p.moved.count))", "", "| Name | Department | Team | Manager |", "|---|---|---|---|"]
            for m in p.moved {
                let cells = [
                    esc(m.person.name),
                    transition(esc(m.department.from ?? ""), esc(m.department.to ?? "")),
                    transition(m.team.from.map(esc) ?? "none", m.team.to.map(esc) ?? "none"),
                    transition(manager(m.manager.from), manager(m.manager.to)),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        if !p.retitled.isEmpty {
            lines += ["### Changed title (\(p.retitled.count))", "", "| Name | Before | After |", "|---|---|---|"]
            for r in p.retitled {
                lines.append("| \(esc(r.person.name)) | \(r.title.from.map(esc) ?? "none") | \(r.title.to.map(esc) ?? "none") |")
            }
            lines.append("")
        }
        return lines
    }

    private static func manager(_ s: Subject?) -> String { s.map { esc($0.name) } ?? "none" }

    private static func placed(_ title: String, _ entries: [PersonEntry]) -> [String] {
        var lines = ["### \(title) (\(entries.count))", "", "| Name | Title | Department | Team | Manager |", "|---|---|---|---|---|"]
        for e in entries {
            let cells = [esc(e.person.name), e.title.map(esc) ?? "", esc(e.department), e.team.map(esc) ?? "", manager(e.manager)]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines + [""]
    }
}
