import OrgAnalysis

/// A department as the JSON outputs write it. Without a minimum group size it is the ``DepartmentSummary``
/// unchanged; with one, every entry gains `suppressed` (null, or the marker), and a department below the
/// minimum keeps its name, function and core flag while its figures (people, head, link data, leaders,
/// engineering weight) are null.
struct DepartmentEntry: Encodable {
    var summary: DepartmentSummary
    var minimumGroupSize: MinimumGroupSize?

    static func entries(_ analysis: Analysis, _ minimumGroupSize: MinimumGroupSize?) -> [DepartmentEntry] {
        analysis.departments.map { DepartmentEntry(summary: $0, minimumGroupSize: minimumGroupSize) }
    }

    enum CodingKeys: String, CodingKey {
        case name, function, functionReason, people, isCore, head, hasLinkData, leaders, engineeringWeight, suppressed
    }

    func encode(to encoder: any Encoder) throws {
        guard let rule = minimumGroupSize else { return try summary.encode(to: encoder) }
        guard rule.suppresses(summary) else {
            try summary.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            return try c.encodeNil(forKey: .suppressed)
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(summary.name, forKey: .name)
        try c.encode(summary.side, forKey: .function)
        try c.encode(summary.sideReason, forKey: .functionReason)
        try c.encode(summary.isCore, forKey: .isCore)
        for key in [CodingKeys.people, .head, .hasLinkData, .leaders, .engineeringWeight] { try c.encodeNil(forKey: key) }
        try c.encode(rule.marker, forKey: .suppressed)
    }
}
