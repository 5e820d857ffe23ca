import OrgModel

/// Which column of the file feeds which ``PeopleColumn``.
public struct HeaderMapping: Sendable, Equatable {
    public let headers: [String]
    /// 0-based column index for each recognised field.
    public let columns: [PeopleColumn: Int]
    /// The fields mapped by hand with `--column`.
    public let explicit: Set<PeopleColumn>

    /// Recognises columns by their normalized header names; `overrides` maps a field to a header by hand
    /// (compared normalized too), and wins. Fails on a missing identity column, an override naming no header, and
    /// a mapped header that appears twice. A file without a manager column (a directory export) is read: see
    /// ``hasReportingLines``.
    public init(headers: [String], overrides: [PeopleColumn: String] = [:], file: String, line: Int) throws {
        self.headers = headers
        let normalized = headers.map(normalizeHeader)
        var columns: [PeopleColumn: Int] = [:]
        var problems: [InputProblem] = []
        let seen = headers.map { "'\($0)'" }.joined(separator: ", ")

        for (column, header) in overrides.sorted(by: { $0.key < $1.key }) {
            let matches = normalized.indices.filter { normalized[$0] == normalizeHeader(header) }
            if matches.isEmpty {
                problems.append(InputProblem(line: line, message: "--column \(column.rawValue)=\"\(header)\" names no column of the header; the header has \(seen)"))
            } else if matches.count > 1 {
                problems.append(InputProblem(line: line, message: "--column \(column.rawValue)=\"\(header)\" is ambiguous: the header has it \(matches.count) times (columns \(matches.map { String($0 + 1) }.joined(separator: ", ")))"))
            } else {
                columns[column] = matches[0]
            }
        }
        var used = Set(columns.values)
        for column in PeopleColumn.allCases where columns[column] == nil {
            for alias in column.aliases {
                let matches = normalized.indices.filter { normalized[$0] == alias && !used.contains($0) }
                guard let first = matches.first else { continue }
                if matches.count > 1 {
                    problems.append(InputProblem(line: line, message: "the header has '\(headers[first])' \(matches.count) times (columns \(matches.map { String($0 + 1) }.joined(separator: ", "))), so it is unclear which is the \(column.rawValue); rename one or map it with --column \(column.rawValue)=HEADER"))
                }
                columns[column] = first
                used.insert(first)
                break
            }
        }
        let hasIdentity = columns[.id] != nil || columns[.name] != nil || columns[.email] != nil
            || (columns[.firstName] != nil && columns[.lastName] != nil)
        if !hasIdentity {
            problems.append(InputProblem(line: line, message: "no column identifies people: expected an id (\(PeopleColumn.id.examples)), a name (\(PeopleColumn.name.examples), or First Name + Last Name) or an email; the header has \(seen). Map one with --column id=HEADER"))
        }
        if !problems.isEmpty { throw OrgMapError.invalidInput(file: file, problems: problems, more: 0) }
        self.columns = columns
        explicit = Set(overrides.keys)
    }

    /// False when no column names managers: everyone is then a root and tiers come from titles.
    public var hasReportingLines: Bool { columns[.manager] != nil }

    /// `id ← 'Employee #'`, one field a line, in field order: shows the user how the file was read.
    public var summary: [String] {
        columns.sorted { $0.key < $1.key }.map { column, index in
            "\(column.rawValue) ← '\(headers[index])'\(explicit.contains(column) ? " (--column)" : "")"
        }
    }
}

extension PeopleColumn {
    /// A few header spellings, for messages.
    var examples: String {
        let samples: [String] = switch self {
        case .id: ["Employee ID", "Employee #", "PersonId"]
        case .name: ["Name", "Full Name", "Display Name"]
        case .manager: ["Manager", "Manager ID", "Manager Email", "Reports To", "Supervisor", "parentId"]
        default: [rawValue]
        }
        return samples.map { "'\($0)'" }.joined(separator: ", ")
    }
}
