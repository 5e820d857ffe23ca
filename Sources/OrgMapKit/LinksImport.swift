import Crypto
import Foundation
import Logging
import OrgFastPath
import OrgImport
import OrgModel
import OrgStore

/// `orgmap import links`: every source of one command (CSV files, calendars, Slack exports) stored in one
/// snapshot, in one transaction.
public struct LinksImport: Sendable {
    public var sources: [InputSource]
    public var options: LinksImportOptions

    public init(sources: [InputSource], options: LinksImportOptions = LinksImportOptions()) {
        self.sources = sources
        self.options = options
    }

    public init(source: InputSource, options: LinksImportOptions = LinksImportOptions()) {
        self.init(sources: [source], options: options)
    }

    /// The outcome of a links import.
    public struct Outcome: Sendable {
        public var snapshot: Snapshot
        /// The sources as given, for messages.
        public var fileName: String
        /// The layout of each source, in order.
        public var formats: [LinkFormat]
        /// Rows of the tables, and links found in calendars and chat, before the checks that skip some.
        public var rowsRead: Int
        public var stored: Int
        /// Links from a person to themselves.
        public var selfLinks: Int
        /// Links with an endpoint nobody in the org chart is.
        public var unknownEndpoints: Int
        /// Table rows whose weight was 0 (for Viva, a pair with no tie of the chosen kind).
        public var zeroWeight: Int
        /// Table rows and chat links dated outside the window.
        public var outsideWindow: Int
        /// What the calendars held; nil without calendars.
        public var calendars: CalendarReport?
        /// What the Slack exports held; nil without one.
        public var chat: ChatReport?
        public var duration: TimeInterval
        /// Every file was imported into the snapshot before, by these imports: nothing was written.
        public var alreadyImported: [ImportedFile] = []

        init(
            snapshot: Snapshot, fileName: String, formats: [LinkFormat], rowsRead: Int, stored: Int, selfLinks: Int,
            unknownEndpoints: Int, zeroWeight: Int, outsideWindow: Int, calendars: CalendarReport?, chat: ChatReport?,
            duration: TimeInterval
        ) {
            (self.snapshot, self.fileName, self.formats, self.rowsRead, self.stored) = (snapshot, fileName, formats, rowsRead, stored)
            (self.selfLinks, self.unknownEndpoints, self.zeroWeight, self.outsideWindow) = (selfLinks, unknownEndpoints, zeroWeight, outsideWindow)
            (self.calendars, self.chat, self.duration) = (calendars, chat, duration)
        }

        /// An import that found nothing new.
        init(nothingNew earlier: [ImportedFile], snapshot: Snapshot, fileName: String, duration: TimeInterval) {
            self.init(
                snapshot: snapshot, fileName: fileName, formats: [], rowsRead: 0, stored: 0, selfLinks: 0, unknownEndpoints: 0,
                zeroWeight: 0, outsideWindow: 0, calendars: nil, chat: nil, duration: duration)
            alreadyImported = earlier
        }

        /// The format of a single-layout import ("edges", "ics"), or the layouts joined.
        public var format: LinkFormat { formats.first ?? .auto }

        /// One line for the user: how many links went into which snapshot.
        public var summary: String {
            if let first = alreadyImported.first {
                let imports = Array(Set(alreadyImported.map(\.importID))).sorted().map(String.init).joined(separator: ", ")
                return "Nothing imported: \(fileName) was already imported into snapshot \(snapshot.id) (as of \(snapshot.asOf)) by import \(imports) on \(first.importedAt). To import it again (with other options), remove that import first: orgmap imports remove \(first.importID)"
            }
            let skipped = rowsRead - stored
            let skips = skipped > 0 ? "; \(plural(skipped, "row")) skipped" : ""
            let layouts = Array(Set(formats.map(\.rawValue))).sorted().joined(separator: ", ")
            return "Imported \(plural(stored, "link")) from \(fileName) (\(layouts)) into snapshot \(snapshot.id) (as of \(snapshot.asOf)) in \(seconds(duration))\(skips)."
        }
    }

    /// What the calendar files of an import held and what was left out, for the user to audit.
    public struct CalendarReport: Sendable {
        public var files: Int
        public var events: Int
        public var occurrences: Int
        /// Meetings that counted: each linked its participants.
        public var meetings: Int
        public var skips: [MeetingSkip: Int]
        public var skippedEvents: [SkippedEvent]
        public var cappedSeries: Int
        /// Participants' addresses nobody in the org chart has, with their counted meetings.
        public var externals: [String: Int]
    }

    /// What the Slack exports of an import held and what was left out.
    public struct ChatReport: Sendable {
        public var messages: Int
        public var usedMessages: Int
        public var conversations: Int
        public var skips: [String: Int]
        /// Users nobody in the org chart is, with their links, as "name (id)".
        public var unmatched: [String: Int]
    }

    /// Reads every source and stores its links in the snapshot the options name (the latest by default), in one
    /// transaction: any problem rolls everything back. Tables stream (one thread parses, this one inserts);
    /// calendars and chat are read whole first, since a meeting is in every attendee's file and counts once.
    /// What was read and skipped goes to `logger`.
    @discardableResult
    public func run(in db: AppDatabase, logger: Logger) throws -> Outcome {
        let started = Date()
        let options = self.options
        let snapshot = try db.snapshot(id: options.snapshotID)
        let classified = try sources.map { try LinkSource.classify($0, format: options.format) }
        let names = sources.map(\.displayName).joined(separator: ", ")
        // Each file's SHA-256 up front (standard input's once read), so content already imported is caught before
        // anything is read again.
        var tableSources: [(source: InputSource, sha256: String?)] = []
        var seen = Set<String>()
        for case .table(let source) in classified {
            let sha256 = source.isRegularFile ? try FileDigest.sha256(of: source) : nil
            if let sha256, !seen.insert(sha256).inserted {
                logger.warning("\(source.displayName): the same content as another file of this import; read once")
                continue
            }
            tableSources.append((source, sha256))
        }
        let gathered = try gather(classified, snapshot: snapshot, db: db, logger: logger)
        let known = tableSources.compactMap { entry in entry.sha256.map { (name: entry.source.displayName, sha256: $0) } } + gathered.files
        if let earlier = try Self.alreadyImported(known, into: snapshot, db: db, all: tableSources.allSatisfy { $0.sha256 != nil }) {
            return Outcome(nothingNew: earlier, snapshot: snapshot, fileName: names, duration: Date().timeIntervalSince(started))
        }
        var tables = LinkFileSummary()
        var formats: [LinkFormat] = []
        let log: ImportLogRecord
        do {
            log = try db.storeLinks(snapshotID: snapshot.id, fileName: names) { writer in
                var files = known
                for (source, knownDigest) in tableSources {
                    // Opened here, so the file reader belongs to this transaction alone and can go to the parsing thread.
                    let table = try openTable(source, options: LinkFile.csvOptions(options), sheet: options.sheet)
                    let file = try LinkFile(table: table, options: options, resolver: writer.resolver)
                    formats.append(file.format)
                    logger.info("\(file.fileName): read as \(file.format.rawValue), \(file.layout.summary), \(file.columns.summary.joined(separator: ", ")); attached to snapshot \(snapshot.id) (as of \(snapshot.asOf))")
                    let resolver = writer.resolver
                    let summary = try Pipeline.run(capacity: 4, source: file, produce: { file, put in
                        try file.read(resolver: resolver, snapshotID: snapshot.id, put: put)
                    }, consume: writer.insert)
                    if knownDigest == nil {
                        // Standard input: its digest is known now; what was read goes if it was imported before.
                        let earlier = try writer.importedFiles(digests: [summary.sha256])
                        if !earlier.isEmpty { throw NothingNew(earlier: earlier) }
                        files.append((source.displayName, summary.sha256))
                    }
                    tables.add(summary)
                    Self.warn(about: summary, file: source.displayName, snapshot: snapshot, logger: logger)
                }
                try gathered.store(into: writer)
                let read = tables.rowsRead + gathered.read
                let entry = ImportLogRecord(
                    kind: .links, fileName: names, sha256: Self.fingerprint(files.map(\.sha256)), rowsRead: read, rowsStored: writer.stored,
                    rowsSkipped: read - writer.stored, warnings: (tables.unknownRows > 0 ? 1 : 0) + (tables.selfLinks > 0 ? 1 : 0) + gathered.warnings,
                    duration: Date().timeIntervalSince(started))
                return (entry, files)
            }
        } catch let nothing as NothingNew {
            return Outcome(nothingNew: nothing.earlier, snapshot: snapshot, fileName: names, duration: Date().timeIntervalSince(started))
        }
        return Outcome(
            snapshot: snapshot, fileName: names, formats: formats + gathered.formats, rowsRead: log.rowsRead, stored: log.rowsStored,
            selfLinks: tables.selfLinks + gathered.selfLinks, unknownEndpoints: tables.unknownRows + gathered.unknownEndpoints,
            zeroWeight: tables.zeroWeight, outsideWindow: tables.outsideWindow + gathered.outsideWindow,
            calendars: gathered.calendars, chat: gathered.chat, duration: Date().timeIntervalSince(started))
    }

    /// Standard input turned out to hold links already imported: the transaction is rolled back.
    private struct NothingNew: Error {
        var earlier: [ImportedFile]
    }

    /// The earlier imports when every file of this one was already imported into the snapshot (nothing to do); nil
    /// when none was. Some but not all is an error: importing them would count their links twice.
    private static func alreadyImported(_ files: [(name: String, sha256: String)], into snapshot: Snapshot, db: AppDatabase, all complete: Bool) throws -> [ImportedFile]? {
        let earlier = try db.importedFiles(kind: .links, snapshotID: snapshot.id, digests: files.map(\.sha256))
        guard !earlier.isEmpty else { return nil }
        let found = Set(earlier.map(\.sha256))
        if complete, files.allSatisfy({ found.contains($0.sha256) }) { return earlier }
        let named = files.filter { found.contains($0.sha256) }.prefix(5).map { file -> String in
            let first = earlier.first { $0.sha256 == file.sha256 }!
            return file.name == first.name ? "\(file.name) (import \(first.importID))" : "\(file.name) (import \(first.importID), as \(first.name))"
        }.joined(separator: ", ")
        let imports = Array(Set(earlier.map(\.importID))).sorted().map(String.init).joined(separator: ", ")
        throw OrgMapError.invalidArgument("""
            snapshot \(snapshot.id) already has the links of \(named)\(found.count > 5 ? ", …" : ""): importing them again would count them twice. \
            Import only the other files, or remove import \(imports) first (orgmap imports remove ID) and import everything together. Nothing was written.
            """)
    }

    /// One file: its SHA-256; several: the SHA-256 of their digests, sorted, one a line.
    static func fingerprint(_ digests: [String]) -> String {
        digests.count == 1 ? digests[0] : FileDigest.sha256(Array(digests.sorted().joined(separator: "\n").utf8))
    }

    /// The window of calendars and chat: as given, else the 365 days before the snapshot's as-of date.
    func window(for snapshot: Snapshot) -> (since: CalendarDate, until: CalendarDate) {
        let until = options.until ?? snapshot.asOf
        return (options.since ?? until.adding(days: -365) ?? until, until)
    }

    /// Reads the calendars and chat exports among `sources`, before the transaction.
    private func gather(_ sources: [LinkSource], snapshot: Snapshot, db: AppDatabase, logger: Logger) throws -> Gathered {
        var gathered = Gathered()
        let needsPeople = sources.contains { if case .table = $0 { false } else { true } }
        guard needsPeople else { return gathered }
        let organization = try db.organization(snapshotID: snapshot.id)
        gathered.keys = organization.people.map(\.key)
        let (since, until) = window(for: snapshot)
        var calendars: CalendarLinks?
        for source in sources {
            switch source {
            case .table:
                continue
            case .calendars(let files):
                if calendars == nil {
                    let weighting: CalendarOptions.Weighting = options.weight == .hours ? .hours : .meetings
                    if let weight = options.weight, weight != .meetings, weight != .hours {
                        throw OrgMapError.invalidArgument("--weight \(weight.rawValue) is for Viva Insights exports; calendars take meetings or hours")
                    }
                    calendars = CalendarLinks(organization: organization, options: CalendarOptions(since: since, until: until, maxAttendees: options.maxAttendees, weighting: weighting))
                    gathered.formats.append(.ics)
                }
                // Files are read and parsed two at a time (this machine's cores), then counted in order.
                let reader = calendars
                for start in stride(from: 0, to: files.count, by: 16) {
                    let chunk = Array(files[start..<min(start + 16, files.count)])
                    let parsed = try Parallel.map(chunk) { file in
                        let bytes = try file.bytes()
                        return (digest: FileDigest.sha256(bytes), calendar: try reader!.parse(bytes, fileName: file.name))
                    }
                    for (file, result) in zip(chunk, parsed) {
                        gathered.files.append((file.name, result.digest))
                        calendars?.add(result.calendar)
                    }
                }
            case .survey(let source):
                let reader = try openTable(source, options: options.csv, sheet: options.sheet)
                var records: [CSVRecord] = []
                while let record = try reader.next() { records.append(record) }
                let survey = try SurveyAnswers.read(
                    records: records, file: reader.displayName, directory: PeopleDirectory(organization), respondent: options.respondent,
                    questions: options.questions, allowUnknown: options.allowUnknown)
                gathered.files.append((reader.displayName, try reader.finishDigest()))
                gathered.formats.append(.survey)
                gathered.addSurvey(survey, file: reader.displayName, windows1252From: reader.windows1252From, logger: logger)
            case .slack(let archive):
                gathered.formats.append(.slack)
                gathered.files.append((archive.url.relativePath, try FileDigest.sha256(of: archive)))
                try gathered.addChat(from: archive, organization: organization, since: since, until: until, logger: logger)
            }
        }
        if let calendars {
            gathered.addCalendars(calendars, window: (since, until), logger: logger)
        }
        return gathered
    }

    private static func warn(about summary: LinkFileSummary, file: String, snapshot: Snapshot, logger: Logger) {
        let unknownRows = summary.unknownRows
        if unknownRows > 0 {
            let named = summary.unknown.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map { "'\($0.key)' (\($0.value))" }.joined(separator: ", ")
            let lines = summary.firstUnknownLines.map(String.init).joined(separator: ", ") + (unknownRows > summary.firstUnknownLines.count ? ", …" : "")
            logger.warning("\(file): \(plural(unknownRows, "row")) \(unknownRows == 1 ? "names" : "name") someone who is not in snapshot \(snapshot.id)'s org chart and \(unknownRows == 1 ? "was" : "were") skipped (lines \(lines)); most frequent: \(named). Use --strict to make this an error")
        }
        if summary.selfLinks > 0 { logger.warning("\(file): \(plural(summary.selfLinks, "link")) from a person to themselves skipped") }
        if let line = summary.windows1252From { logger.warning("\(file): not UTF-8 from line \(line) on: read as Windows-1252 (use --encoding to choose another)") }
        if let stray = ImportWarning.strayCells(summary.strayCells) { logger.warning("\(file): \(stray)") }
        if summary.noRecipients > 0 { logger.info("\(file): \(plural(summary.noRecipients, "message")) with no recipient skipped") }
        if summary.zeroWeight > 0 { logger.info("\(file): \(plural(summary.zeroWeight, "row")) with weight 0 skipped") }
        if summary.outsideWindow > 0 { logger.info("\(file): \(plural(summary.outsideWindow, "row")) dated outside --since/--until (or undated) skipped") }
    }
}

/// Links read from calendars and chat before the transaction, by person index, with what to report about them.
private struct Gathered {
    /// The org chart's person ids, by index: what found links refer to.
    var keys: [String] = []
    var meetings: [FoundLink] = []
    var chats: [FoundLink] = []
    /// Survey answers: respondent, colleague and the question's kind.
    var answers: [(a: Int, b: Int, kind: String)] = []
    var formats: [LinkFormat] = []
    /// Name and SHA-256 of each file read, in the order read.
    var files: [(name: String, sha256: String)] = []
    var read = 0
    var selfLinks = 0
    var unknownEndpoints = 0
    var outsideWindow = 0
    var warnings = 0
    var calendars: LinksImport.CalendarReport?
    var chat: LinksImport.ChatReport?

    mutating func addCalendars(_ reader: CalendarLinks, window: (since: CalendarDate, until: CalendarDate), logger: Logger) {
        let result = reader.links()
        meetings = result.links
        read += result.links.count
        let report = LinksImport.CalendarReport(
            files: reader.files, events: reader.eventsRead, occurrences: reader.occurrencesRead, meetings: result.counted,
            skips: result.skips, skippedEvents: reader.skippedEvents, cappedSeries: reader.cappedSeries.count, externals: result.externals)
        calendars = report
        let skips = result.skips.filter { $0.key != .duplicate }.sorted { $0.key < $1.key }
            .map { "\($0.value) \($0.key == .tooManyParticipants ? "with more than \(reader.options.maxAttendees) participants" : $0.key.rawValue)" }
            .joined(separator: ", ")
        let copies = result.skips[.duplicate].map { "; \($0) \(MeetingSkip.duplicate.rawValue), counted once" } ?? ""
        logger.info("calendars: \(plural(report.files, "file")), \(plural(report.events, "event")), \(plural(report.occurrences, "occurrence")) starting \(window.since) to \(window.until) (excluded)\(copies); \(plural(report.meetings, "meeting")) counted\(skips.isEmpty ? "" : "; left out: \(skips)")")
        if !report.skippedEvents.isEmpty {
            warnings += 1
            let shown = report.skippedEvents.prefix(10).map(\.description).joined(separator: "; ")
            logger.warning("calendars: \(plural(report.skippedEvents.count, "event")) skipped for a problem of their own: \(shown)\(report.skippedEvents.count > 10 ? "; …" : "")")
        }
        if report.cappedSeries > 0 {
            warnings += 1
            logger.warning("calendars: \(plural(report.cappedSeries, "recurring series", "recurring series")) cut at \(reader.options.maxOccurrencesPerSeries) occurrences: \(reader.cappedSeries.prefix(5).map { "\($0.file) (UID \($0.uid))" }.joined(separator: ", "))")
        }
        if !report.externals.isEmpty {
            warnings += 1
            let named = report.externals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            logger.warning("calendars: \(plural(report.externals.count, "participant")) not in the org chart (guests, or people missing from it); most frequent: \(named)")
        }
    }

    mutating func addChat(from archive: any EntryArchive, organization: Organization, since: CalendarDate, until: CalendarDate, logger: Logger) throws {
        let export = archive.url.relativePath
        let contents = try reportingExportErrors { try readSlackExport(archive) }
        let people = try SlackPeople(users: contents.users, organization: organization, export: export)
        let result = people.links(contents.links, since: since, until: until)
        chats += result.links
        read += contents.links.count
        selfLinks += result.selfLinks
        outsideWindow += result.outsideWindow
        unknownEndpoints += result.unmatchedLinks.values.reduce(0, +)
        var unmatched: [String: Int] = [:]
        for (id, count) in result.unmatchedLinks {
            let user = contents.users[id]
            unmatched["\(user?.profileRealName ?? user?.realName ?? user?.name ?? "unknown user") (\(id))"] = count
        }
        let skips = Dictionary(contents.skipped.map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: +)
        chat = LinksImport.ChatReport(
            messages: contents.counts.messages, usedMessages: contents.counts.usedMessages, conversations: contents.counts.conversations,
            skips: skips, unmatched: unmatched)
        let skipped = skips.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        logger.info("\(export): Slack export, \(plural(contents.counts.messages, "message")) in \(plural(contents.counts.conversations, "conversation")), \(contents.counts.usedMessages) used\(skipped.isEmpty ? "" : " (skipped: \(skipped))"); \(plural(result.links.count, "link")) from \(since) to \(until) (excluded); \(people.matched.count) of \(contents.users.values.filter { !$0.isBot }.count) users matched to the org chart")
        if !unmatched.isEmpty {
            warnings += 1
            let named = unmatched.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            logger.warning("\(export): \(plural(unmatched.count, "Slack user")) \(unmatched.count == 1 ? "matches" : "match") nobody in the org chart; their links were skipped; most links: \(named)")
        }
    }

    mutating func addSurvey(_ survey: SurveyAnswers, file: String, windows1252From: Int?, logger: Logger) {
        answers += survey.links.map { (a: $0.respondent, b: $0.colleague, kind: survey.questions[$0.question].kind) }
        read += survey.mentions
        selfLinks += survey.selfMentions
        unknownEndpoints += survey.unknownMentions.count + survey.ambiguousMentions.count
        let asked = survey.questions.map { "'\($0.header)' (\(plural($0.mentions, "colleague")) named, \(plural($0.links, "link")))" }.joined(separator: ", ")
        logger.info("\(file): survey, \(survey.respondents) of \(plural(survey.rows, "respondent")) matched (respondent ← '\(survey.respondentHeader)'); questions: \(asked)")
        if let line = windows1252From { logger.warning("\(file): not UTF-8 from line \(line) on: read as Windows-1252 (use --encoding to choose another)") }
        let unmatched = [
            (survey.unmatchedRespondents, "respondent matches nobody, or several people, in the org chart; the row was skipped", "respondents match nobody, or several people, in the org chart; their rows were skipped"),
            (survey.unknownMentions, "colleague named matches nobody in the org chart and was skipped", "colleagues named match nobody in the org chart and were skipped"),
            (survey.ambiguousMentions, "colleague named matches several people and was skipped (write an email or id)", "colleagues named match several people and were skipped (write their email or id)"),
        ]
        for (list, one, several) in unmatched where !list.isEmpty {
            warnings += 1
            logger.warning("\(file): \(list.count) \(list.count == 1 ? one : several): \(list.prefix(10).map(\.description).joined(separator: ", "))\(list.count > 10 ? ", …" : "")")
        }
        if survey.selfMentions > 0 { logger.info("\(file): \(plural(survey.selfMentions, "respondent")) named themselves; not a link") }
    }

    /// Inserts the gathered links, people mapped to the snapshot's rows through the writer.
    func store(into writer: LinkWriter) throws {
        guard !meetings.isEmpty || !chats.isEmpty || !answers.isEmpty else { return }
        let ids = keys.map { writer.resolver.id(ofKey: $0) }
        var batch = LinkBatch()
        for answer in answers {
            guard let a = ids[answer.a], let b = ids[answer.b] else { continue }
            // Answers are undated: an empty date is NULL.
            batch.append(source: a, target: b, weight: 1, kind: answer.kind, date: "")
        }
        for (links, kind) in [(meetings, "meeting"), (chats, "chat")] {
            // A meeting's pairs share a day: its text is made once, not once a row (a tenth of the import).
            var day: (date: CalendarDate, text: String)?
            for link in links {
                guard let a = ids[link.a], let b = ids[link.b] else { continue }
                if day?.date != link.date { day = (link.date, link.date.description) }
                batch.append(source: a, target: b, weight: link.weight, kind: kind, date: day!.text)
                if batch.count >= 8_192 {
                    try writer.insert(batch)
                    batch = LinkBatch()
                }
            }
        }
        try writer.insert(batch)
    }
}
