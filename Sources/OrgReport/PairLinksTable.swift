import OrgAnalysis
import OrgModel

/// `orgmap links`: one row per pair of people, written as it is read, so millions of pairs stream.
public enum PairLinksTable {
    public static let header = [
        "a_id", "a_email", "a_name", "b_id", "b_email", "b_name", "weight", "links", "first_date", "last_date", "kinds",
    ]

    /// The CSV header line (RFC 4180, CRLF).
    public static var csvHeader: String { header.joined(separator: ",") + "\r\n" }

    /// One CSV line; kinds joined with `;`; cells neutralised as in the CSV report.
    public static func csvLine(_ pair: PairLinks) -> String {
        cells(pair).map { CSVReport.cell($0 ?? "") }.joined(separator: ",") + "\r\n"
    }

    /// One element of the JSON array, keys in ``header``'s order; absent values are null.
    public static func jsonObject(_ pair: PairLinks) -> String {
        let values = cells(pair)
        let fields = zip(header, values).enumerated().map { i, field in
            let (key, value) = field
            let number = i == 6 || i == 7
            let json = value.map { number ? $0 : JSONOutput.quoted($0) } ?? "null"
            return "\(JSONOutput.quoted(key)): \(json)"
        }
        return "  {" + fields.joined(separator: ", ") + "}"
    }

    private static func cells(_ p: PairLinks) -> [String?] {
        [
            p.a.key, p.a.email, p.a.name, p.b.key, p.b.email, p.b.name, EvidenceValue.format(p.weight), String(p.links),
            p.firstDate?.description, p.lastDate?.description, p.kinds.isEmpty ? nil : p.kinds.joined(separator: ";"),
        ]
    }
}
