import ArgumentParser
import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import OrgReport
import OrgStore

/// The options every command that analyzes a snapshot shares.
struct AnalysisOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The snapshot to analyze (default: the latest).", valueName: "id"))
    var snapshot: Int64?

    @Option(help: ArgumentHelp("A YAML policy file (see `orgmap policy init`); default: the built-in policy.", valueName: "file"))
    var policy: String?

    @OptionGroup var dates: LinkDates
    @OptionGroup var privacy: PrivacyOptions

    func analyze(_ db: AppDatabase, sincePrevious: Bool = false) throws -> (analysis: Analysis, context: ReportContext) {
        try AnalysisRequest(
            snapshot: snapshot, policy: policy, since: dates.since, until: dates.until,
            anonymize: privacy.anonymize, anonymizationKey: privacy.key, minimumGroupSize: privacy.minimumGroupSize
        ).analyze(db, sincePrevious: sincePrevious)
    }
}

/// `--since` and `--until`: the links that count, by their date. For every command that analyzes.
struct LinkDates: ParsableArguments {
    @Option(help: ArgumentHelp("Only links dated on or after this day, YYYY-MM-DD (undated links are left out).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only links dated on or before this day, YYYY-MM-DD (undated links are left out).", valueName: "date"))
    var until: String?

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, CalendarDate(value) == nil {
                throw ValidationError("\(name) \(value): expected a date as YYYY-MM-DD, such as 2026-09-01")
            }
        }
        if let since, let until, since > until { throw ValidationError("--since \(since) is after --until \(until)") }
    }
}

/// `--anonymize` and `--min-group-size`, for every command that exports people or departments.
struct PrivacyOptions: ParsableArguments {
    /// The minimum group size `--anonymize` applies when none is given.
    static let defaultMinimumGroupSize = 5

    @Flag(help: ArgumentHelp(
        "Replace names, emails and HR ids with stable pseudonyms (Person 3f2a9c, P-3f2a9c) in every format, and suppress the figures of departments with fewer than \(defaultMinimumGroupSize) people unless --min-group-size says otherwise. Titles, teams and department names are kept. Set \(keyVariable) to a secret so that nobody without it can recompute the pseudonyms from HR ids."))
    var anonymize = false

    /// The environment variable holding the secret that keys the pseudonyms (HMAC-SHA-256). An environment
    /// variable, not an option, so the secret stays out of shell history and process listings.
    static let keyVariable = "ORGMAP_ANONYMIZE_KEY"

    /// The secret from ``keyVariable``; nil when unset or empty.
    var key: [UInt8]? {
        guard let value = ProcessInfo.processInfo.environment[Self.keyVariable], !value.isEmpty else { return nil }
        return Array(value.utf8)
    }

    @Option(help: ArgumentHelp(
        "Replace the figures of departments with fewer than N people by a 'suppressed' marker (default: \(defaultMinimumGroupSize) with --anonymize, none without; 1 suppresses nothing). Leader-level figures are kept.",
        valueName: "N"))
    var minGroupSize: Int?

    func validate() throws {
        if let minGroupSize, minGroupSize < 1 {
            throw ValidationError("--min-group-size \(minGroupSize): expected a whole number of people, 1 or more (1 suppresses nothing)")
        }
    }

    /// The minimum that applies: the one given, else the default under --anonymize, else none.
    var minimumGroupSize: MinimumGroupSize? {
        (minGroupSize ?? (anonymize ? Self.defaultMinimumGroupSize : nil)).map(MinimumGroupSize.init)
    }
}

/// What to analyze: a snapshot (nil for the latest), a policy file (nil for the defaults), a date range, and
/// whether to pseudonymize people and withhold small departments' figures.
struct AnalysisRequest {
    var snapshot: Int64?
    var policy: String?
    var since: String?
    var until: String?
    var anonymize = false
    /// Keys the pseudonyms with HMAC-SHA-256 when set; plain SHA-256 of the HR id otherwise.
    var anonymizationKey: [UInt8]?
    var minimumGroupSize: MinimumGroupSize?

    /// Reads the snapshot, its ties and the policy, and runs the analyzer. With `sincePrevious`, the snapshot
    /// before it is analysed the same way (policy and date range) and compared, so a change in the report
    /// reflects the organization rather than the method.
    func analyze(_ db: AppDatabase, sincePrevious: Bool = false) throws -> (analysis: Analysis, context: ReportContext) {
        let policy = try loadPolicy()
        let snapshot = try db.snapshot(id: snapshot)
        let previous = sincePrevious ? try Self.snapshot(before: snapshot, in: db) : nil
        let results = try analyze(db, snapshots: [snapshot] + (previous.map { [$0] } ?? []), policy: policy)
        let (analysis, linkCount) = results[0]
        var context = ReportContext(
            snapshot: snapshot, peopleCount: analysis.organization.people.count, linkCount: linkCount,
            policyDescription: self.policy ?? "built-in defaults", linkFilter: linkFilter,
            anonymized: anonymize, anonymizationKeyed: anonymize && anonymizationKey != nil, minimumGroupSize: minimumGroupSize)
        if let previous {
            let earlier = results[1].analysis
            context.sincePrevious = SnapshotComparison(from: previous, to: snapshot, diff: SnapshotDiff(from: earlier, to: analysis))
        }
        return (analysis, context)
    }

    /// The date range in words, for the reports; nil when none.
    var linkFilter: String? {
        switch (since, until) {
        case (nil, nil): nil
        case let (s?, nil): "links dated \(s) or later"
        case let (nil, u?): "links dated \(u) or earlier"
        case let (s?, u?): "links dated \(s) to \(u)"
        }
    }

    func loadPolicy() throws -> Policy { try policy.map(PolicyFile.load) ?? .default }

    /// Each snapshot with its own links in the request's date range; also returns how many link rows were used.
    /// With --anonymize the organizations are pseudonymized together before the analysis, so nothing it writes
    /// can name a real person and a person has one pseudonym in all of them; with a minimum group size, findings
    /// about smaller departments lose their figures.
    func analyze(_ db: AppDatabase, snapshots: [Snapshot], policy: Policy) throws -> [(analysis: Analysis, linkCount: Int)] {
        var organizations = try snapshots.map { try db.organization(snapshotID: $0.id) }
        if anonymize {
            // One set of pseudonyms for all the snapshots, so a person has the same one in each.
            let secret = anonymizationKey
            let pseudonyms = Pseudonyms(keys: organizations.flatMap { $0.people.map(\.key) }) { key in
                if let secret { return SHA256.hmacHex(key: secret, message: Array(key.utf8)) }
                var hash = SHA256()
                hash.update(Array(key.utf8))
                return hash.finalizeHex()
            }
            organizations = organizations.map { $0.anonymized(with: pseudonyms) }
        }
        // Each snapshot on a thread of its own, with its own connection: a report that compares with the
        // previous snapshot then takes about as long as one analysis on two cores (docs/benchmarks.md).
        let connections = try snapshots.indices.map { $0 == 0 ? db : try db.anotherConnection() }
        let results = Results<(analysis: Analysis, linkCount: Int)>(count: snapshots.count)
        DispatchQueue.concurrentPerform(iterations: snapshots.count) { [since, until, minimumGroupSize, organizations] i in
            results.set(i, Result {
                let ties = try connections[i].ties(snapshotID: snapshots[i].id, since: since, until: until)
                var analysis = Analyzer.analyze(organization: organizations[i], ties: ties, policy: policy)
                if let rule = minimumGroupSize { analysis = analysis.suppressingSmallGroups(rule) }
                return (analysis, ties.reduce(0) { $0 + $1.count })
            })
        }
        return try results.values()
    }

    /// The snapshot just before `snapshot` in history order (as_of, then import order); nil for the first.
    static func snapshot(before snapshot: Snapshot, in db: AppDatabase) throws -> Snapshot? {
        let history = try db.snapshots()
        guard let i = history.firstIndex(where: { $0.id == snapshot.id }), i > 0 else { return nil }
        return history[i - 1]
    }
}

/// Results filled in by concurrent work, one slot each.
private final class Results<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: Result<Value, any Error>) {
        lock.withLock { slots[i] = result }
    }

    /// Every value, in order, or the first error.
    func values() throws -> [Value] {
        try lock.withLock { slots }.map { try $0!.get() }
    }
}
