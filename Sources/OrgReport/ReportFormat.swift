import Foundation
import OrgAnalysis

/// Number formats shared by every report, so the Markdown, text and CSV outputs agree.
enum ReportFormat {
    /// Signed, two decimals: "+0.27", "-1.00"; "n/a" when the index is undefined.
    static func ei(_ value: Double?) -> String {
        value.map(EvidenceValue.formatIndex) ?? "n/a"
    }

    /// "67%"; "n/a" when nothing is expected.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        return "\(Int((value * 100).rounded()))%"
    }

    static func weight(_ value: Double) -> String { EvidenceValue.format(value) }

    /// Burt's constraint and effective size, two decimals: "0.63", "2.38"; "n/a" without ties.
    static func brokerage(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        return String(format: "%.2f", value)
    }

    /// "1,234".
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }
}
