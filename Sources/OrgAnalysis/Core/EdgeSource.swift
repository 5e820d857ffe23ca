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

    /// ``forEach(_:)`` over one of `parts` shares of the edges (the last share holds the dotted lines): a pass
    /// split between threads. The shares are fixed by the ties' count, never by timing.
    @inline(__always)
    func forEach(part: Int, of parts: Int, _ body: (Int, Int, Double, Int, Bool) -> Void) {
        let size = (ties.count + parts - 1) / parts
        ties.forEach(in: (part * size)..<min((part + 1) * size, ties.count)) { a, b, weight, count in body(a, b, weight, count, true) }
        if part == parts - 1 {
            for line in dottedLines { body(line.person, line.manager, dottedLineWeight, 1, false) }
        }
    }

    /// Calls `body(a, b, weight, count, imported)` for every edge; `imported` is false for dotted lines.
    @inline(__always)
    func forEach(_ body: (Int, Int, Double, Int, Bool) -> Void) {
        ties.forEach { a, b, weight, count in body(a, b, weight, count, true) }
        for line in dottedLines { body(line.person, line.manager, dottedLineWeight, 1, false) }
    }
}
