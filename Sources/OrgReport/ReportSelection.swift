import OrgAnalysis

/// What a report writes out of a large analysis, and the sentences that say what it left out: shared by the
/// Markdown and HTML reports so that `--top` means the same in both. Sentences mark code with backticks.
enum ReportSelection {
    /// The leaders a report lists: everyone, or with `brief` and more than ``MarkdownReport/leaderListLimit``
    /// leaders, the technology and senior ones; and the sentence about the managers left out, if any.
    static func listedLeaders(_ analysis: Analysis, brief: Bool) -> (leaders: [LeaderMetrics], note: String?) {
        guard brief, analysis.leaders.count > MarkdownReport.leaderListLimit else { return (analysis.leaders, nil) }
        let listed = analysis.leaders.filter { $0.tier >= .seniorEngineeringLeader }
        let managers = analysis.leaders.count - listed.count
        return (listed, "Technology and senior engineering leaders; the \(ReportFormat.count(managers)) engineering manager\(managers == 1 ? " is" : "s are") not listed (more than \(MarkdownReport.leaderListLimit) leaders): `orgmap leaders` lists everyone, and `--top 0` lists them here.")
    }

    /// A severity's findings rule by rule in report order, each group cut to `limit` (the most telling first),
    /// with the sentence about the ones left out.
    static func findingGroups(_ group: [Finding], limit: Int?) -> [(findings: [Finding], note: String?)] {
        Rule.allCases.compactMap { rule in
            let findings = group.filter { $0.rule == rule }
            guard !findings.isEmpty else { return nil }
            guard let limit, findings.count > limit else { return (findings, nil) }
            let hidden = findings.count - limit
            return (Array(Finding.mostTellingFirst(findings).prefix(limit)),
                    "\(ReportFormat.count(hidden)) more `\(rule.rawValue)` finding\(hidden == 1 ? "" : "s") not written out here: `--top \(limit)` shows the \(limit) most telling of each rule (highest tier, then lowest E-I, or highest for a strength, then largest department). `--top 0` writes every finding; `--format csv` and `--format json` always hold them all.")
        }
    }

    /// A finding's evidence as "key value" pairs; `text` renders the imported ones.
    static func evidence(_ finding: Finding, text: (String) -> String) -> [String] {
        finding.evidence.map { entry in
            let value: String = switch entry.value {
            case .integer, .number: entry.value.text
            case .text, .list: text(entry.value.text)
            }
            return "\(entry.key.replacingOccurrences(of: "_", with: " ")) \(value)"
        }
    }

    /// The business departments a leader reaches with their weights, "none" or "unknown"; `text` renders names.
    static func reached(_ l: LeaderMetrics, text: (String) -> String) -> String {
        guard l.hasLinkData else { return "unknown" }
        if l.businessDepartmentsReached.isEmpty { return "none" }
        return l.businessDepartmentsReached.map { "\(text($0.department)) (\(ReportFormat.weight($0.weight)))" }.joined(separator: ", ")
    }

    /// The method section's paragraphs: a bold lead and its text.
    static func method(_ p: Policy, reportingLines: Bool) -> [(lead: String, text: String)] {
        [
            ("Function.", "A department is engineering when its name matches one of the policy's engineering patterns (whole words: \"IT\" does not match \"Recruiting\"), unless a business pattern or an explicit list says otherwise. Anyone whose title matches a technology-leader pattern counts as engineering whatever their department."),
            ("Tiers.", "Technology leader: a technology-leader title (CTO, CIO, VP Engineering, chief architect...) with no such title above; without one, the senior leaders at the top of engineering. Senior engineering leader: a director, head-of or senior-manager title, or someone who manages managers. Engineering manager: has direct reports. Everyone else in engineering is an individual contributor." + (reportingLines ? "" : " **This org chart has no reporting lines** (its file had no manager column): tiers come from titles alone, and a manager title makes an engineering manager.")),
            ("E-I index.", "Krackhardt and Stern's (E − I) / (E + I) on link weights, where E is the weight of a leader's links to people outside engineering and I the weight of their links inside engineering (their own department and other engineering departments). It runs from −1 (every link stays in engineering) to +1 (every link reaches the business)."),
            ("Expectations.", "A technology leader should reach every core business department (at least \(p.minimumDepartmentSize) people\(p.coreBusinessDepartments == nil ? "" : ", or as listed in the policy")); a senior engineering leader at least \(p.seniorLeaderMinimumBusinessDepartments); an engineering manager none: by the engineering vs technology leadership distinction, managers work inside their team."),
            ("Thresholds.", "`low-external-ratio` fires below an E-I of \(ReportFormat.ei(p.technologyLeaderMinimumEI)) for technology leaders and \(ReportFormat.ei(p.seniorLeaderMinimumEI)) for senior leaders; `boundary-spanner` notes managers who reach at least \(p.boundarySpannerMinimumBusinessDepartments) business departments with at least \(ReportFormat.percent(p.boundarySpannerMinimumShare)) of their link weight business-facing (or an E-I of \(ReportFormat.ei(p.boundarySpannerMinimumEI)) or more). A dotted-line reporting line counts as a link of weight \(ReportFormat.weight(p.dottedLineWeight))."),
            ("Brokerage.", "Burt's constraint (from 1/n for a leader whose n contacts do not know each other, to 1 when they all do or there is one) and effective size (contacts, less how much they are tied to each other), on the imported ties summed per pair, as networkx defines them: low constraint and a high effective size mark a broker between groups."),
            ("Bridges.", "Only engineering leaders' links make a business department bridged; individual contributors' links are shown but do not count. Leaders and departments with no imported link are unknown, not isolated."),
        ]
    }

    static let noLinkData = "**No collaboration links were imported.** Every leader and department is listed as unknown and no link-based rule ran; only the org chart's structure was checked."

    static let allOfEngineering = "All of engineering"

    /// What the report's scope says about pseudonyms and small groups; nil when neither applies.
    static func privacy(_ context: ReportContext) -> String? {
        var parts: [String] = []
        if context.anonymized {
            parts.append(context.anonymizationKeyed
                ? "names, emails and HR ids are stable pseudonyms, keyed with a secret"
                : "names, emails and HR ids are stable pseudonyms")
        }
        if let rule = context.minimumGroupSize {
            parts.append("figures of departments with fewer than \(rule.minimum) people are suppressed")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The leaders × departments table: rows are technology and senior leaders (managers are not expected to
    /// reach the business), columns core business departments, cells the link weight, "—" for none, "?" for no
    /// link data, or "suppressed" for a department below the minimum; `all` is all of engineering's weight, and
    /// `note` names the suppressed departments. Nil without such leaders or departments.
    static func matrix(_ analysis: Analysis, _ minimumGroupSize: MinimumGroupSize?, text: (String) -> String) -> (header: [String], rows: [[String]], all: [String], note: String?)? {
        let columns = analysis.departments.filter(\.isCore)
        let leaders = analysis.leaders.filter { $0.tier >= .seniorEngineeringLeader }
        guard !columns.isEmpty, !leaders.isEmpty else { return nil }
        let suppressed = columns.map { c in minimumGroupSize.map { $0.suppresses(c) } ?? false }
        let rows = leaders.map { leader in
            let weights = Dictionary(leader.businessDepartmentsReached.map { ($0.department, $0.weight) }, uniquingKeysWith: +)
            return [text(leader.person.name)] + zip(columns, suppressed).map { c, hidden in
                hidden ? "suppressed" : leader.hasLinkData ? weights[c.name].map(ReportFormat.weight) ?? "—" : "?"
            }
        }
        let all = zip(columns, suppressed).map { c, hidden in hidden ? "suppressed" : ReportFormat.weight(c.engineeringWeight) }
        var note: String?
        if let rule = minimumGroupSize, suppressed.contains(true) {
            note = "\(zip(columns, suppressed).filter(\.1).map { text($0.0.name) }.joined(separator: ", ")): \(rule.marker)."
        }
        return (["Leader"] + columns.map { text($0.name) }, rows, all, note)
    }
}
