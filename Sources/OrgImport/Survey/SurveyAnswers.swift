import OrgModel

/// A network survey's answers ("Who do you go to for advice?") matched to an org chart: one row a respondent,
/// colleagues named in the answer cells, as Google Forms and Microsoft Forms export them.
///
/// Each colleague a respondent names in a question's cell links the two, weight 1 a question, the link's kind
/// the question (shortened). Cells list people separated by `,`, `;` or line breaks, by name, email
/// (`Ann Lee <ann@x.com>` too) or id; "Lee, Ann" is read as one name when its two halves are not names of
/// their own. Answers are not dated.
public struct SurveyAnswers: Sendable {
    /// A respondent and a colleague they named, in ``questions``' order.
    public struct Link: Sendable, Hashable {
        public var respondent: Int
        public var colleague: Int
        public var question: Int
    }

    public struct Question: Sendable {
        /// The column's header: the question as asked.
        public var header: String
        /// The question shortened to a link kind.
        public var kind: String
        /// Colleagues named in its cells, matched or not.
        public var mentions: Int
        public var links: Int
    }

    /// A respondent or colleague as written in a row, that matched nobody or several people.
    public struct Unmatched: Sendable, CustomStringConvertible {
        public var line: Int
        public var text: String
        /// The people a name could be, "Ann Lee (1042)"; empty when it is nobody.
        public var candidates: [String]

        public var description: String {
            candidates.isEmpty ? "'\(text)' (line \(line))" : "'\(text)' (line \(line): \(candidates.joined(separator: " or ")))"
        }
    }

    public var respondentHeader: String
    public var questions: [Question]
    public var links: [Link]
    /// Rows read under the header, and those whose respondent matched one person.
    public var rows: Int
    public var respondents: Int
    public var unmatchedRespondents: [Unmatched]
    public var unknownMentions: [Unmatched]
    public var ambiguousMentions: [Unmatched]
    public var mentions: Int
    /// Respondents who named themselves.
    public var selfMentions: Int

    /// Headers (normalized) that name who answered, most telling first.
    static let respondentHeaders = [
        "emailaddress", "email", "respondentemail", "youremail", "youremailaddress", "username", "respondent", "respondentname",
        "yourname", "name", "fullname", "employeeid", "employeenumber", "personid",
    ]
    /// Columns the form tools add that are no question.
    static let formColumns: Set<String> = ["timestamp", "id", "starttime", "completiontime", "lastmodifiedtime", "totalpoints", "score", "quizfeedback", "submittedat", "submissiondate"]
    /// Answers that name nobody on purpose.
    static let noAnswer: Set<String> = ["none", "nobody", "no one", "noone", "n/a", "na", "-", "--", "."]
    /// More unmatched colleagues than this share fails the import (unless `allowUnknown`).
    public static let unknownShareLimit = 0.05

    /// Reads the answers: `records` are the table's rows, its header first. `respondent` and `questions` name
    /// columns by header; nil and empty detect them: the respondent column is the first of the usual headers
    /// (Email Address, Email, Name, …) whose cells match people, the questions every other column (not a form's
    /// own, such as Timestamp) where most answers name people of the org chart.
    package static func read(
        records: [CSVRecord], file: String, directory: PeopleDirectory, respondent: String?, questions: [String], allowUnknown: Bool
    ) throws -> SurveyAnswers {
        guard let header = records.first else {
            throw OrgMapError.invalidInput(file: file, problems: [InputProblem(line: nil, message: "the file is empty; expected a header (the form's questions) and one row per respondent")], more: 0)
        }
        let rows = records.dropFirst()
        func fail(_ message: String, line: Int? = header.line) -> OrgMapError {
            .invalidInput(file: file, problems: [InputProblem(line: line, message: message)], more: 0)
        }
        guard !rows.isEmpty else { throw fail("the header has no rows under it; expected one row per respondent") }
        let headers = header.fields.map { $0.trimmed }
        let normalized = headers.map(normalizeHeader)
        let seen = headers.map { "'\($0)'" }.joined(separator: ", ")
        func column(named name: String, option: String) throws -> Int {
            let matches = normalized.indices.filter { normalized[$0] == normalizeHeader(name) }
            guard matches.count == 1 else {
                throw fail(matches.isEmpty ? "\(option) \"\(name)\" names no column; the header has \(seen)" : "\(option) \"\(name)\" is ambiguous: the header has it \(matches.count) times")
            }
            return matches[0]
        }
        func cell(_ row: CSVRecord, _ i: Int) -> String { i < row.fields.count ? row.fields[i].trimmed : "" }
        /// The share of a column's non-empty cells for which `matches` holds.
        func share(_ i: Int, _ matches: (String) -> Bool) -> Double {
            let cells = rows.map { cell($0, i) }.filter { !$0.isEmpty }
            return cells.isEmpty ? 0 : Double(cells.filter(matches).count) / Double(cells.count)
        }

        let who: Int
        if let respondent {
            who = try column(named: respondent, option: "--respondent")
        } else {
            let candidates = respondentHeaders.compactMap { name in normalized.firstIndex(of: name) }
            guard let found = candidates.first(where: { i in share(i) { if case .person = directory.match($0) { true } else { false } } >= 0.5 }) else {
                throw fail("no column says who answered: expected one naming respondents by email, name or id (such as 'Email Address', 'Email' or 'Name') whose cells match people of the org chart; the header has \(seen). Name it with --respondent HEADER")
            }
            who = found
        }
        var asked: [Int]
        if questions.isEmpty {
            let respondentLike = Set(respondentHeaders)
            asked = headers.indices.filter { i in
                i != who && !formColumns.contains(normalized[i]) && !respondentLike.contains(normalized[i])
                    && share(i) { text in mentions(in: text, directory: directory).contains { if case .person = $0.match { true } else { false } } } >= 0.5
            }
            guard !asked.isEmpty else {
                throw fail("no question column names colleagues: expected columns whose answers name people of the org chart (by name, email or id, several separated by commas or semicolons); the header has \(seen). Name them with --question HEADER")
            }
        } else {
            asked = try questions.map { try column(named: $0, option: "--question") }
            if asked.contains(who) { throw fail("--question \"\(headers[who])\" is the respondent column") }
        }

        var survey = SurveyAnswers(
            respondentHeader: headers[who], questions: asked.map { Question(header: headers[$0], kind: kind(of: headers[$0]), mentions: 0, links: 0) },
            links: [], rows: rows.count, respondents: 0, unmatchedRespondents: [], unknownMentions: [], ambiguousMentions: [], mentions: 0, selfMentions: 0)
        for row in rows {
            let answer = cell(row, who)
            guard case .person(let respondent) = answer.isEmpty ? .nobody : directory.match(answer) else {
                var candidates: [String] = []
                if case .ambiguous(let people) = directory.match(answer) { candidates = people.map(directory.describe) }
                survey.unmatchedRespondents.append(Unmatched(line: row.line, text: answer.isEmpty ? "(empty)" : answer, candidates: candidates))
                continue
            }
            survey.respondents += 1
            for (q, i) in asked.enumerated() {
                var named = Set<Int>()
                for mention in mentions(in: cell(row, i), directory: directory) {
                    survey.mentions += 1
                    survey.questions[q].mentions += 1
                    switch mention.match {
                    case .person(let colleague):
                        if colleague == respondent { survey.selfMentions += 1; continue }
                        guard named.insert(colleague).inserted else { continue }
                        survey.links.append(Link(respondent: respondent, colleague: colleague, question: q))
                        survey.questions[q].links += 1
                    case .ambiguous(let people):
                        survey.ambiguousMentions.append(Unmatched(line: row.line, text: mention.text, candidates: people.map(directory.describe)))
                    case .nobody:
                        survey.unknownMentions.append(Unmatched(line: row.line, text: mention.text, candidates: []))
                    }
                }
            }
        }
        guard survey.respondents > 0 else {
            throw fail("no respondent matched anyone in the org chart (column '\(headers[who])', such as \(survey.unmatchedRespondents.prefix(3).map(\.description).joined(separator: ", "))); is it the right column (--respondent) and the right snapshot?")
        }
        let share = survey.mentions == 0 ? 0 : Double(survey.unknownMentions.count) / Double(survey.mentions)
        if !allowUnknown, share > unknownShareLimit {
            let shown = survey.unknownMentions.prefix(10).map(\.description).joined(separator: ", ")
            throw fail("\(survey.unknownMentions.count) of \(plural(survey.mentions, "colleague")) named (\(Int((share * 100).rounded()))%, more than \(Int(unknownShareLimit * 100))%) match nobody in the org chart: \(shown)\(survey.unknownMentions.count > 10 ? ", …" : ""). Fix the names, or import what matches with --allow-unknown", line: nil)
        }
        return survey
    }

    /// A cell's colleagues with what each matched; "Lee, Ann" joined back when its halves match nobody alone.
    static func mentions(in cell: String, directory: PeopleDirectory) -> [(text: String, match: PeopleDirectory.Match)] {
        let parts = RecipientList.entries(cell).filter { !noAnswer.contains($0.lowercased()) }
        var out: [(String, PeopleDirectory.Match)] = []
        var i = 0
        while i < parts.count {
            let match = directory.match(parts[i])
            if match == .nobody, i + 1 < parts.count, directory.match(parts[i + 1]) == .nobody {
                let joined = parts[i] + ", " + parts[i + 1]
                let turned = directory.match(joined)
                if turned != .nobody {
                    out.append((joined, turned))
                    i += 2
                    continue
                }
            }
            out.append((parts[i], match))
            i += 1
        }
        return out
    }

    /// The question as a link kind: its first words, up to 40 characters.
    static func kind(of question: String) -> String {
        let words = question.split(whereSeparator: \.isWhitespace)
        var kind = ""
        for word in words {
            let next = kind.isEmpty ? String(word) : kind + " " + word
            if next.count > 40 { return (kind.isEmpty ? String(next.prefix(40)) : kind) + "…" }
            kind = next
        }
        return kind
    }
}
