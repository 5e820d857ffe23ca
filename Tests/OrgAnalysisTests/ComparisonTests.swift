@testable import OrgAnalysis
import OrgModel
import Testing

/// A comparison analysis (``Analyzer/Comparison``) sums links as they are read instead of pairs: what a
/// comparison reads of it must be what the full analysis says, however the links are split between readers and
/// batches; brokerage and warm paths are what it leaves out.
struct ComparisonTests {
    typealias Link = (a: Int, b: Int, weight: Double)

    /// Acme with a dotted line, and links: each healthy tie as one, two or four links, plus links between other
    /// people in a fixed pattern, in a mixed order. Weights are halves and quarters, which add exactly in any order.
    static func acme(removing: [(String, String)] = []) -> (Organization, [Link]) {
        var people = Acme.people
        people[6] = Acme.person("E6", "Tom Hale", "Manager, Site Reliability", "Platform", "E2", dotted: ["E30"])
        let org = Organization(people: people)
        var links: [Link] = []
        for (k, (x, y, weight)) in Acme.healthy(removing: removing).enumerated() {
            let parts = [1, 2, 4][k % 3]
            for p in 0..<parts {
                let (a, b) = (org.index(ofKey: x)!, org.index(ofKey: y)!)
                links.append(p % 2 == 0 ? (a, b, weight / Double(parts)) : (b, a, weight / Double(parts)))
            }
        }
        // Between people who lead no one in engineering, so that the healthy ties removed leave findings.
        let others = org.people.indices.filter { !["E1", "E2", "E3", "E6"].contains(org.people[$0].key) }
        for i in others {
            for j in others where i < j && (i * 7 + j * 3) % 5 == 0 {
                links.append((i, j, Double((i + j) % 4 + 1) / 4))
            }
        }
        let order = links.indices.sorted { ($0 * 37) % links.count < ($1 * 37) % links.count }
        return (org, order.map { links[$0] })
    }

    /// The links summed per pair, as the loader gives them to the full analysis.
    static func ties(_ links: [Link]) -> [Tie] {
        var sums: [Int: (weight: Double, count: Int)] = [:]
        for link in links {
            let key = min(link.a, link.b) << 32 | max(link.a, link.b)
            sums[key, default: (0, 0)].weight += link.weight
            sums[key, default: (0, 0)].count += 1
        }
        return sums.keys.sorted().map { Tie(a: $0 >> 32, b: $0 & 0xFFFF_FFFF, weight: sums[$0]!.weight, count: sums[$0]!.count) }
    }

    /// The links split between `readers` tallies, handed over in batches of at most `batch`.
    static func comparison(_ org: Organization, _ links: [Link], readers: Int, batch: Int, policy: Policy = .default) -> Analysis {
        let comparison = Analyzer.Comparison(organization: org, policy: policy)
        let share = (links.count + readers - 1) / max(readers, 1)
        let tallies = (0..<readers).map { r in
            var tally = comparison.tally()
            let mine = Array(links[min(r * share, links.count)..<min((r + 1) * share, links.count)])
            for start in stride(from: 0, to: mine.count, by: batch) {
                let part = mine[start..<min(start + batch, mine.count)]
                let pairs = part.map { UInt64(min($0.a, $0.b)) << 32 | UInt64(max($0.a, $0.b)) }
                let weights = part.map(\.weight)
                pairs.withUnsafeBufferPointer { p in weights.withUnsafeBufferPointer { w in tally.add(pairs: p, weights: w) } }
            }
            return tally
        }
        return comparison.analysis(tallies)
    }

    /// Everything a comparison reads of an analysis, and more: findings with their wording and evidence (brokerage
    /// left out), leaders' tallies, E-I and reach, departments, unknown subjects, department links.
    static func signature(_ a: Analysis) -> [String] {
        let brokerage: Set<String> = ["constraint", "effective_size"]
        return a.findings.map { f in
            "finding \(f.key) \(f.severity) \(f.message) " + f.evidence.entries.filter { !brokerage.contains($0.key) }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        } + a.leaders.map { l in
            "leader \(l.person.id) \(l.tier) \(l.hasLinkData) \(l.ownDepartment) \(l.otherEngineering) \(l.businessFacing) \(String(describing: l.eiIndex)) \(l.businessDepartmentsReached) \(l.missingDepartments) \(String(describing: l.coverage))"
        } + a.departments.map { "department \($0)" } + a.unknown.map { "unknown \($0)" } + a.departmentLinks.map { "link \($0)" }
            + ["has link data \(a.hasLinkData)", "dotted lines \(a.dottedLineTieCount)"]
    }

    @Test(arguments: [(readers: 1, batch: 1_000), (readers: 2, batch: 7), (readers: 3, batch: 1)])
    func agreesWithTheFullAnalysis(readers: Int, batch: Int) {
        let (org, links) = Self.acme(removing: [("E1", "E30"), ("E2", "E21")])
        let full = Analyzer.analyze(organization: org, ties: Self.ties(links))
        let comparison = Self.comparison(org, links, readers: readers, batch: batch)
        #expect(!full.findings.isEmpty && full.leaders.contains { $0.hasLinkData } && full.dottedLineTieCount == 1)
        #expect(Self.signature(comparison) == Self.signature(full))
        #expect(comparison.importedTieCount == links.count, "links, not pairs")
    }

    /// A pack's entries sum a pair's links of a month: handed over with their counts, they give what the links
    /// give one by one, link counts included.
    @Test func summedEntriesWithTheirCountsAgreeWithTheLinks() {
        let (org, links) = Self.acme(removing: [("E1", "E30"), ("E2", "E21")])
        let ties = Self.ties(links)
        #expect(ties.contains { $0.count > 1 })
        let comparison = Analyzer.Comparison(organization: org)
        var tally = comparison.tally()
        let pairs = ties.map { UInt64($0.a) << 32 | UInt64($0.b) }, weights = ties.map(\.weight), counts = ties.map { UInt32($0.count) }
        pairs.withUnsafeBufferPointer { p in
            weights.withUnsafeBufferPointer { w in counts.withUnsafeBufferPointer { c in tally.add(pairs: p, weights: w, counts: c) } }
        }
        let summed = comparison.analysis([tally])
        #expect(Self.signature(summed) == Self.signature(Self.comparison(org, links, readers: 1, batch: 100)))
        #expect(summed.importedTieCount == links.count)
    }

    /// A link-data gap opened and one closed: compared with the comparison analysis or with the full one, the
    /// same findings open, resolve and persist, and the same leaders change.
    @Test func theSameChangesAsAgainstTheFullAnalysis() {
        let (org, links) = Self.acme()
        let (laterOrg, laterLinks) = Self.acme(removing: [("E2", "E21"), ("E2", "E31"), ("E1", "E30")])
        let later = Analyzer.analyze(organization: laterOrg, ties: Self.ties(laterLinks))
        let againstFull = SnapshotDiff(from: Analyzer.analyze(organization: org, ties: Self.ties(links)), to: later)
        let againstComparison = SnapshotDiff(from: Self.comparison(org, links, readers: 2, batch: 5), to: later)
        #expect(!againstFull.opened.isEmpty)
        #expect(againstComparison.opened.map(\.key) == againstFull.opened.map(\.key))
        #expect(againstComparison.resolved.map(\.key) == againstFull.resolved.map(\.key))
        #expect(againstComparison.persisting.map(\.key) == againstFull.persisting.map(\.key))
        #expect(againstComparison.leaders == againstFull.leaders)
        #expect(againstComparison.linkData == .both)
    }

    /// No links read: nobody has link data, as in a full analysis without ties.
    @Test func noLinksIsNoLinkData() {
        let (org, _) = Self.acme()
        let comparison = Self.comparison(org, [], readers: 2, batch: 4)
        #expect(!comparison.hasLinkData)
        #expect(Self.signature(comparison) == Self.signature(Analyzer.analyze(organization: org, ties: [Tie]())))
    }

    /// What the comparison leaves out: brokerage, and go-betweens in recommendations.
    @Test func brokerageAndWarmPathsAreLeftOut() {
        let (org, links) = Self.acme(removing: [("E1", "E30")])
        let full = Analyzer.analyze(organization: org, ties: Self.ties(links))
        let comparison = Self.comparison(org, links, readers: 2, batch: 16)
        #expect(full.leaders.contains { $0.brokerage != nil })
        #expect(comparison.leaders.allSatisfy { $0.brokerage == nil })
        #expect(Self.signature(comparison) == Self.signature(full))
    }
}
