import OrgAnalysis

/// One row per finding, RFC 4180, safe to open in a spreadsheet.
public enum CSVReport {
    public static let header = [
        "rule", "severity", "subject_kind", "subject_id", "subject_name", "message", "recommendation", "evidence", "key",
    ]

    public static func render(_ analysis: Analysis) -> String {
        var lines = [header.map(cell).joined(separator: ",")]
        for f in analysis.findings {
            let evidence = f.evidence.map { "\($0.key)=\($0.value.text)" }.joined(separator: "; ")
            let row = [
                f.rule.rawValue, f.severity.rawValue, f.subject.kind.rawValue, f.subject.id, f.subject.name,
                f.message, f.recommendation, evidence, f.key,
            ]
            lines.append(row.map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Neutralises spreadsheet formulas (a leading `=`, `+`, `-`, `@`, tab or CR gets a `'`), then quotes
    /// the cell when it holds a comma, a quote or a line break, doubling inner quotes.
    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
