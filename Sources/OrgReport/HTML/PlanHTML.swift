import OrgAnalysis
import OrgModel

/// `orgmap plan --format html`: the Markdown plan's content in the same order, as one self-contained page.
public enum PlanHTML {
    public static let title = "Introductions that close the most gaps"

    public static func render(_ plan: Plan, context: ReportContext) -> String {
        HTMLPage.document(title: title) { w in
            w.element("header") { w in
                w.element("h1", text: title)
                var items: [(lead: String, text: String)] = []
                if let s = context.snapshot { items.append(("Snapshot:", "\(s.id), as of \(s.asOf), from \(s.sourceFile)")) }
                let assumed = items.count
                items.append(("Assumed:", PlanReport.assumed(plan)))
                items.append(("Policy:", "\(context.policyDescription)\(context.linkFilter.map { "; \($0)" } ?? "")"))
                if context.anonymized { items.append(("Anonymized:", "names and ids are pseudonyms")) }
                w.scope(items, prose: [assumed])
                w.paragraph(PlanReport.headline(plan))
            }
            for (n, intro) in plan.introductions.enumerated() {
                w.element("section", ["id": "introduction-\(n + 1)", "class": "finding"]) { w in
                    w.element("h2", text: "\(n + 1). \(intro.leader.name) meets \(intro.meet.name)\(intro.meet.title.map { ", \($0)" } ?? ""), \(intro.meet.department)")
                    if let via = intro.warmPath { w.element("p", text: "Warm path: \(via.name) already works with both.") }
                    for (lead, findings) in PlanReport.groups(intro) {
                        w.element("p", text: lead)
                        w.element("ul") { w in
                            for f in findings {
                                w.element("li") { w in
                                    w.element("code", text: f.rule.rawValue)
                                    w.text(" (\(f.severity.rawValue)) \(f.subject.name): \(f.messageWithoutFigures ?? f.message)")
                                }
                            }
                        }
                    }
                }
            }
            if !plan.remaining.isEmpty {
                w.section("open", "What stays open") { w in
                    w.table(["Finding", "Severity", "Subject", "Why"], code: [0], rows: plan.remaining.map {
                        [$0.finding.rule.rawValue, $0.finding.severity.rawValue, $0.finding.subject.name, $0.why]
                    })
                }
            }
            if !plan.unknown.isEmpty {
                w.section("needs-data", "Needs data, not meetings") { w in
                    w.paragraph(PlanReport.needsData)
                    w.element("ul") { w in
                        for u in plan.unknown { w.element("li", text: "\(u.subject.name)\(u.tier.map { " (\($0.label))" } ?? ""): \(u.reason)") }
                    }
                }
            }
            HTMLReport.footer(&w)
        }
    }
}
