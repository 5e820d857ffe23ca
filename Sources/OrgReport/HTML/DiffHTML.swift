import OrgAnalysis
import OrgModel

/// `orgmap diff --format html`: the Markdown diff's content in the same order, with its pictures, as one page.
public enum DiffHTML {
    public static func render(_ c: SnapshotComparison) -> String {
        let d = c.diff
        let p = d.people
        let title = "What changed between snapshot #\(c.from.id) and snapshot #\(c.to.id)"
        return HTMLPage.document(title: title) { w in
            w.element("header") { w in
                w.element("h1", text: title)
                var items: [(lead: String, text: String)] = [
                    ("From:", "\(origin(c.from)), \(ReportFormat.count(c.from.personCount)) people"),
                    ("To:", "\(origin(c.to)), \(ReportFormat.count(c.to.personCount)) people"),
                ]
                if let filter = c.linkFilter { items.append(("Links:", "in both snapshots, only \(filter)")) }
                items += [
                    ("Findings:", "\(d.opened.count) opened, \(d.resolved.count) resolved, \(d.persisting.count) persisting\(d.unknown.isEmpty ? "" : ", \(d.unknown.count) unknown")"),
                    ("Engineering leaders:", "\(d.tierChanges.count) changed tier, \(d.reachChanges.count) gained or lost a business department"),
                    ("People:", "\(p.joined.count) joined, \(p.left.count) left, \(p.moved.count) moved, \(p.retitled.count) changed title"),
                ]
                w.scope(items)
                linkDataWarning(&w, c)
                DiffPictures.findingCounts(d).figure(into: &w)
            }
            for (id, name, findings) in [("opened", "Findings opened", d.opened), ("resolved", "Findings resolved", d.resolved), ("persisting", "Findings persisting", d.persisting)] {
                w.section(id, "\(name) (\(findings.count))") { findingTable(&$0, findings) }
            }
            if !d.unknown.isEmpty {
                w.section("unknown", "Findings unknown (\(d.unknown.count))") { findingTable(&$0, d.unknown) }
            }
            w.section("leaders", "Engineering leaders (\(d.leaders.count))") { leaders(&$0, d) }
            w.section("people", "People") { people(&$0, p) }
            HTMLReport.footer(&w)
        }
    }

    private static func origin(_ s: Snapshot) -> String {
        "snapshot #\(s.id) as of \(s.asOf), imported from \(s.sourceFile)"
    }

    static func linkDataWarning(_ w: inout HTMLWriter, _ c: SnapshotComparison) {
        guard let sentence = DiffMarkdown.linkDataSentence(c, text: { $0 }) else { return }
        w.paragraph(sentence, class: "note")
    }

    /// One row per finding, or "None.".
    static func findingTable(_ w: inout HTMLWriter, _ findings: [Finding]) {
        guard !findings.isEmpty else { return w.element("p", text: "None.") }
        w.table(["Severity", "Rule", "Subject", "Finding"], code: [1], rows: findings.map {
            [$0.severity.rawValue, $0.rule.rawValue, $0.subject.name, $0.message]
        })
    }

    private static func leaders(_ w: inout HTMLWriter, _ d: SnapshotDiff) {
        guard !d.leaders.isEmpty else { return w.element("p", text: "Nobody in engineering leads a team in either snapshot.") }
        DiffPictures.leaders(d)?.figure(into: &w)
        w.element("p", text: "Everyone who led in engineering in either snapshot; a dash means not a leader (or not in engineering) then, \"unknown\" no link data.")
        w.table(["Leader", "Tier", "E-I", "Business departments reached", "Gained", "Lost"], numeric: [2], rows: d.leaders.map { l in
            [
                l.person.name, DiffMarkdown.transition(DiffMarkdown.tier(l.tier.from), DiffMarkdown.tier(l.tier.to)), DiffMarkdown.ei(l),
                DiffMarkdown.reached(l, text: { $0 }), l.departmentsGained.joined(separator: ", "), l.departmentsLost.joined(separator: ", "),
            ]
        })
    }

    private static func people(_ w: inout HTMLWriter, _ p: PeopleChanges) {
        if p.isEmpty { return w.element("p", text: "No one joined, left, moved or changed title.") }
        func name(_ s: Subject?) -> String { s?.name ?? "none" }
        for (title, entries) in [("Joined", p.joined), ("Left", p.left)] where !entries.isEmpty {
            w.element("h3", text: "\(title) (\(entries.count))")
            w.table(["Name", "Title", "Department", "Team", "Manager"], rows: entries.map {
                [$0.person.name, $0.title ?? "", $0.department, $0.team ?? "", name($0.manager)]
            })
        }
        if !p.moved.isEmpty {
            w.element("h3", text: "Moved (\(p.moved.count))")
            w.table(["Name", "Department", "Team", "Manager"], rows: p.moved.map { m in
                [
                    m.person.name, DiffMarkdown.transition(m.department.from ?? "", m.department.to ?? ""),
                    DiffMarkdown.transition(m.team.from ?? "none", m.team.to ?? "none"),
                    DiffMarkdown.transition(name(m.manager.from), name(m.manager.to)),
                ]
            })
        }
        if !p.retitled.isEmpty {
            w.element("h3", text: "Changed title (\(p.retitled.count))")
            w.table(["Name", "Before", "After"], rows: p.retitled.map { [$0.person.name, $0.title.from ?? "none", $0.title.to ?? "none"] })
        }
    }
}
