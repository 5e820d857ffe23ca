import OrgAnalysis
import OrgModel

/// `orgmap plan` as Markdown, JSON (docs/plan.md, "JSON shape") or CSV (one row per introduction).
public enum PlanReport {
    public static func markdown(_ plan: Plan, context: ReportContext) -> String {
        func esc(_ text: String) -> String { MarkdownEscaping.inline(text) }
        var lines = ["# Introductions that close the most gaps", ""]
        if let snapshot = context.snapshot {
            lines.append("- **Snapshot:** \(snapshot.id), as of \(snapshot.asOf), from \(esc(snapshot.sourceFile))")
        }
        lines += [
            "- **Assumed:** \(assumed(plan))",
            "- **Policy:** \(esc(context.policyDescription))\(context.linkFilter.map { "; \(esc($0))" } ?? "")",
        ]
        if context.anonymized { lines.append("- **Anonymized:** names and ids are pseudonyms") }
        lines.append("")
        lines += [headline(plan), ""]
        for (n, intro) in plan.introductions.enumerated() {
            let title = intro.meet.title.map { ", \(esc($0))" } ?? ""
            lines.append("## \(n + 1). \(esc(intro.leader.name)) meets \(esc(intro.meet.name))\(title), \(esc(intro.meet.department))")
            lines.append("")
            if let via = intro.warmPath {
                lines += ["Warm path: \(esc(via.name)) already works with both.", ""]
            }
            func item(_ finding: Finding) -> String { "- " + PlanReport.item(finding, text: esc) }
            for (n, (lead, findings)) in groups(intro).enumerated() {
                lines += (n == 0 ? [] : [""]) + [lead, ""] + findings.map(item)
            }
            lines.append("")
        }
        if !plan.remaining.isEmpty {
            lines += ["## What stays open", "", "| Finding | Severity | Subject | Why |", "|---|---|---|---|"]
            for r in plan.remaining {
                lines.append("| `\(r.finding.rule.rawValue)` | \(r.finding.severity.rawValue) | \(esc(r.finding.subject.name)) | \(esc(r.why)) |")
            }
            lines.append("")
        }
        if !plan.unknown.isEmpty {
            lines += ["## Needs data, not meetings", "", needsData, ""]
            for u in plan.unknown { lines.append("- \(esc(u.subject.name))\(u.tier.map { " (\($0.label))" } ?? ""): \(esc(u.reason))") }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// "each introduction adds a link of weight 6 between the two people (...)", with `code` in backticks.
    static func assumed(_ plan: Plan) -> String {
        "each introduction adds a link of weight \(EvidenceValue.format(plan.assumedWeight)) between the two people (\(plan.assumedWeight == Policy.default.planAssumedWeight ? "a meeting a fortnight for a quarter; " : "")`--assume-weight` or the policy's `plan_assumed_weight`)"
    }

    /// What the plan achieves, in one sentence (**bold** for the count).
    static func headline(_ plan: Plan) -> String {
        if plan.introductions.isEmpty {
            return plan.gapsBefore == 0 ? "The report raises no gap: nothing to plan." : "No single introduction closes any of the \(plan.gapsBefore) gaps the report raises; see what stays open below."
        }
        let opens = plan.opensTotal == 0 ? "" : " They open \(plural(plan.opensTotal, "finding")) the report did not raise, listed below."
        return "**\(plural(plan.introductions.count, "introduction")) close \(plan.closesTotal) of the \(plural(plan.gapsBefore, "gap")) the report raises.** Each was checked by running the analysis again with its link added; in order, each assumes the ones above it.\(opens)"
    }

    static let needsData = "No imported link touches these, so no finding can be raised or closed for them: import their calendars, chat or a survey first."

    /// An introduction's findings in groups, each with its lead sentence: closes, closes again, opens.
    static func groups(_ intro: Plan.Introduction) -> [(lead: String, findings: [Finding])] {
        var groups: [(String, [Finding])] = []
        if !intro.closes.isEmpty { groups.append(("Closes \(plural(intro.closes.count, "finding")):", intro.closes)) }
        if !intro.closesOpened.isEmpty {
            groups.append(("Closes again \(intro.closesOpened.count == 1 ? "a finding" : "findings") an introduction above opened:", intro.closesOpened))
        }
        if !intro.opens.isEmpty { groups.append(("Opens \(plural(intro.opens.count, "finding")) the report did not raise:", intro.opens)) }
        return groups
    }

    /// "`rule` (severity) Subject: message", with the rule in backticks; `text` renders imported text.
    static func item(_ finding: Finding, text: (String) -> String) -> String {
        "`\(finding.rule.rawValue)` (\(finding.severity.rawValue)) \(text(finding.subject.name)): \(text(finding.messageWithoutFigures ?? finding.message))"
    }

    public static func json(_ plan: Plan, context: ReportContext) -> String {
        JSONOutput.encode(Document(plan: plan, snapshot: context.snapshot))
    }

    public static let csvHeader = [
        "order", "leader_id", "leader_name", "meet_id", "meet_name", "meet_department", "meet_title", "warm_path_id",
        "warm_path_name", "assumed_weight", "closes", "closes_keys", "opens_keys",
    ]

    public static func csv(_ plan: Plan) -> String {
        var lines = [csvHeader.map(CSVReport.cell).joined(separator: ",")]
        for (n, intro) in plan.introductions.enumerated() {
            let row = [
                String(n + 1), intro.leader.id, intro.leader.name, intro.meet.id, intro.meet.name, intro.meet.department,
                intro.meet.title ?? "", intro.warmPath?.id ?? "", intro.warmPath?.name ?? "", EvidenceValue.format(intro.assumedWeight),
                String(intro.closes.count), intro.closes.map(\.key).joined(separator: ";"), intro.opens.map(\.key).joined(separator: ";"),
            ]
            lines.append(row.map(CSVReport.cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private struct Document: Encodable {
        var plan: Plan
        var snapshot: Snapshot?

        struct Named: Encodable { var id: String; var name: String }
        struct Closed: Encodable { var key: String; var rule: String; var severity: String; var subject: Subject }
        struct Introduction: Encodable {
            var leader: Named
            var leaderTier: String
            var meet: Plan.Person
            var warmPath: Named?
            var assumedWeight: Double
            var closes: [Closed]
            var opens: [Closed]

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(leader, forKey: .leader)
                try c.encode(leaderTier, forKey: .leaderTier)
                try c.encode(meet, forKey: .meet)
                try c.encode(warmPath, forKey: .warmPath)
                try c.encode(assumedWeight, forKey: .assumedWeight)
                try c.encode(closes, forKey: .closes)
                try c.encode(opens, forKey: .opens)
            }
            enum CodingKeys: String, CodingKey { case leader, leaderTier, meet, warmPath, assumedWeight, closes, opens }
        }
        struct Remaining: Encodable { var key: String; var rule: String; var severity: String; var subject: Subject; var why: String }
        struct Unknown: Encodable { var subject: Subject; var reason: String }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(snapshot, forKey: .snapshot)
            try c.encode(plan.assumedWeight, forKey: .assumedWeight)
            try c.encode(plan.gapsBefore, forKey: .gapsBefore)
            try c.encode(plan.introductions.map { i in
                Introduction(
                    leader: Named(id: i.leader.id, name: i.leader.name), leaderTier: i.leaderTier.rawValue, meet: i.meet,
                    warmPath: i.warmPath.map { Named(id: $0.id, name: $0.name) }, assumedWeight: i.assumedWeight,
                    closes: i.closes.map { Closed(key: $0.key, rule: $0.rule.rawValue, severity: $0.severity.rawValue, subject: $0.subject) },
                    opens: i.opens.map { Closed(key: $0.key, rule: $0.rule.rawValue, severity: $0.severity.rawValue, subject: $0.subject) })
            }, forKey: .introductions)
            try c.encode(plan.closesTotal, forKey: .closesTotal)
            try c.encode(plan.opensTotal, forKey: .opensTotal)
            try c.encode(plan.remaining.map { Remaining(key: $0.finding.key, rule: $0.finding.rule.rawValue, severity: $0.finding.severity.rawValue, subject: $0.finding.subject, why: $0.why) }, forKey: .remaining)
            try c.encode(plan.unknown.map { Unknown(subject: $0.subject, reason: $0.reason) }, forKey: .unknown)
        }
        enum CodingKeys: String, CodingKey { case snapshot, assumedWeight, gapsBefore, introductions, closesTotal, opensTotal, remaining, unknown }
    }
}
