import OrgModel

/// The imported ties plus one tie per dotted-line reporting relationship, walked without copying the ties.
struct EdgeSource {
    let ties: TieTable
    let dottedLines: [(person: Int, manager: Int)]
    let dottedLineWeight: Double

    init(ties: TieTable, organization: Organization, dottedLineWeight: Double) {
        self.ties = ties
        var dotted: [(person: Int, manager: Int)] = []
        for (i, managers) in organization.dottedLineManagerIndices.enumerated() {
            for m in managers { dotted.append((i, m)) }
        }
        dottedLines = dotted
        self.dottedLineWeight = dottedLineWeight
    }

    /// Calls `body(a, b, weight, count, imported)` for every edge; `imported` is false for dotted lines.
    @inline(__always)
    func forEach(_ body: (Int, Int, Double, Int, Bool) -> Void) {
        ties.forEach { a, b, weight, count in body(a, b, weight, count, true) }
        for line in dottedLines { body(line.person, line.manager, dottedLineWeight, 1, false) }
    }
}
