import Foundation
import OrgModel
import OrgFastPath

/// Options of an org chart import.
public struct PeopleImportOptions: Sendable {
    public var csv = CSVOptions()
    /// The sheet of an Excel workbook to read (`--sheet`); nil for the first with data.
    public var sheet: String?
    /// Fields mapped to headers by hand (`--column manager="Line Manager"`).
    public var columnOverrides: [PeopleColumn: String] = [:]
    /// A manager value that matches nobody makes that person a root, with a warning, instead of an error.
    public var allowUnknownManagers = false
    /// At most this many problems are listed before the import gives up.
    public var maxProblems = 50
    /// Called now and then while the file is read; nil for silence.
    public var progress: (@Sendable (ImportProgress) -> Void)?

    public init() {}
}

/// An org chart read and validated from a CSV file or an Excel sheet, ready to store: every manager resolved, no cycle.
public struct PeopleFile: Sendable {
    public var fileName: String
    public var sha256: String
    public var mapping: HeaderMapping
    /// How the table was laid out: a CSV file's delimiter, or the workbook's sheet and header row.
    public var layout: TableLayout
    /// A CSV file's delimiter; nil for a workbook.
    public var delimiter: UInt8? { layout.delimiter }
    /// In file order.
    public var people: [Person]
    /// The line each person was read from, parallel to ``people``.
    public var lines: [Int]
    /// The index in ``people`` of each person's line manager, -1 for a root; parallel to ``people``.
    public var managerRows: [Int32]
    public var rowsRead: Int
    public var warnings: [ImportWarning]
    /// What manager values were matched against (people are keyed by email or name when the file has no id column).
    public var managerMatchedBy: ManagerMatch?
}


extension PeopleFile {
    /// Reads the whole file, then checks it as a whole: duplicate ids, managers resolved, no self-management,
    /// no cycle. Throws ``OrgMapError/invalidInput(file:problems:more:)`` listing every problem found (up to
    /// `options.maxProblems`), so one run shows what to fix.
    public static func read(_ input: ByteInput, options: PeopleImportOptions = PeopleImportOptions()) throws -> PeopleFile {
        try read(CSVReader(input: input, options: options.csv), options: options, streamingTo: nil)
    }

    /// As ``read(_:options:)-(ByteInput,_)``, from any table: a CSV file's or an Excel sheet's.
    public static func read(_ table: any TableRecords, options: PeopleImportOptions = PeopleImportOptions()) throws -> PeopleFile {
        try read(table, options: options, streamingTo: nil)
    }

    /// As ``read(_:options:)``, also handing each well-formed row with a new key to `sink`, in batches, as soon
    /// as it is read: another thread can store them while the rest of the file is read and checked.
    package static func read(_ reader: any TableRecords, options: PeopleImportOptions, streamingTo sink: ((PersonBatch) throws -> Void)?) throws -> PeopleFile {
        let file = reader.displayName
        guard let header = try reader.next() else {
            throw OrgMapError.invalidInput(file: file, problems: [InputProblem(line: nil, message: "the file is empty; expected a header line (such as Employee ID,Name,Title,Department,Manager ID) and one row per person")], more: 0)
        }
        let mapping: HeaderMapping
        do {
            mapping = try HeaderMapping(headers: header.fields.map { $0.trimmed }, overrides: options.columnOverrides, file: file, line: header.line)
        } catch let error as OrgMapError {
            throw reader.explainingHeader(error)
        }
        var collector = ProblemCollector(file: file, limit: options.maxProblems)
        var rows = RawRows(hasDottedLines: mapping.columns[.dottedLine] != nil)
        var rowsRead = 0
        var blankDepartments: [Int] = []
        var turnedNames = 0
        // Column of each field by the field's position in PeopleColumn.allCases: no hashing per cell.
        let columnIndex = PeopleColumn.allCases.map { mapping.columns[$0] }
        let idColumn = mapping.columns[.id]
        // Empty header cells at the end (BALKAN OrgChart JS writes one) hold nothing: rows may lack their fields.
        let width = header.fields.count
        let needed = TableHeader.width(header.fields)
        var shortRows = 0

        var batcher = PersonBatcher()
        var throttle = ProgressThrottle(report: options.progress)
        // Fields are read as bytes and only the mapped ones become strings (docs/benchmarks.md).
        while try reader.advance() {
            rowsRead += 1
            throttle.tick(rows: rowsRead, table: reader)
            let line = reader.recordLine
            let problem: InputProblem? = try reader.withRecord { fields in
                if fields.count < needed || (fields.count > width && (width..<fields.count).contains(where: { !fields[$0].isEmpty })) {
                    return InputProblem(line: line, message: "expected \(needed == width ? "\(width)" : "\(needed) to \(width)") fields, as in the header, found \(fields.count)")
                }
                if fields.count < width { shortRows += 1 }
                func value(_ column: PeopleColumn) throws -> String? {
                    guard let i = columnIndex[column.ordinal] else { return nil }
                    let bytes = fields[i]
                    return bytes.isEmpty ? nil : try reader.text(bytes, column: i + 1)
                }
                let email = try value(.email)
                var name = try value(.name)
                var nameAlias: String?
                if name == nil, let first = try value(.firstName), let last = try value(.lastName) {
                    name = first + " " + last
                    nameAlias = last + ", " + first
                } else if name == nil {
                    name = try value(.firstName) ?? value(.lastName)
                } else if let given = name, let turned = turnedAround(given) {
                    nameAlias = given
                    name = turned
                    turnedNames += 1
                }
                let key = try value(.id) ?? (idColumn == nil ? (email ?? name) : nil)
                guard let key else {
                    let what = idColumn.map { "an id in column \($0 + 1) ('\(mapping.headers[$0])')" } ?? "a name or an email"
                    return InputProblem(line: line, column: idColumn.map { $0 + 1 }, message: "expected \(what); the row has none")
                }
                var department = try value(.department) ?? ""
                if department.isEmpty {
                    department = Department.unassigned
                    blankDepartments.append(line)
                }
                let person = Person(
                    key: key, name: name ?? key, email: email, title: try value(.title), department: department,
                    team: try value(.team), level: try value(.level), location: try value(.location))
                let row = rows.append(person, line: line, nameAlias: nameAlias, manager: try value(.manager), dottedLine: try value(.dottedLine))
                // Once the file has a problem (a duplicate key included) nothing will be kept: stop handing rows over.
                if sink != nil, collector.problems.isEmpty, rows.duplicates.isEmpty {
                    batcher.append(person, row: row, line: line, managerRow: rows.earlyManagers[row])
                }
                return nil
            }
            if let problem { collector.add(problem) }
            if let sink, batcher.isFull { try sink(batcher.take()) }
        }
        if let sink, batcher.batch.count > 0, collector.problems.isEmpty, rows.duplicates.isEmpty { try sink(batcher.take()) }
        if rowsRead == 0 && collector.problems.isEmpty {
            collector.add(InputProblem(line: header.line, message: "the header has no rows under it; expected one row per person"))
        }
        let sha = try reader.finishDigest()
        var resolver = ManagerResolver(rows: &rows, mapping: mapping, options: options)
        resolver.resolve(into: &collector)
        try collector.throwIfAny()

        var warnings = resolver.warnings
        if !mapping.hasReportingLines {
            warnings.append(ImportWarning(kind: .noManagerColumn, message: "no manager column: reporting lines unknown; tiers come from titles (a directory export? map a manager column with --column manager=HEADER if the file has one)"))
        }
        if let from = reader.windows1252From {
            warnings.append(ImportWarning(kind: .windows1252, message: "not UTF-8 from line \(from) on: read as Windows-1252 (use --encoding to choose another)"))
        }
        if let stray = ImportWarning.strayCells(reader.strayCells) { warnings.append(stray) }
        if shortRows > 0 {
            warnings.append(ImportWarning(kind: .emptyTrailingHeader, message: "the header ends with \(plural(width - needed, "empty cell")); \(plural(shortRows, "row")) without \(width - needed == 1 ? "that field" : "those fields") read as they are"))
        }
        if !blankDepartments.isEmpty {
            warnings.append(ImportWarning(kind: .unassigned, message: "\(blankDepartments.count) \(blankDepartments.count == 1 ? "person has" : "people have") no department and \(blankDepartments.count == 1 ? "was" : "were") placed in '\(Department.unassigned)'", lines: blankDepartments))
        }
        if turnedNames > 0 {
            warnings.append(ImportWarning(kind: .turnedNames, message: "\(turnedNames) name\(turnedNames == 1 ? " was" : "s were") written 'Last, First' and \(turnedNames == 1 ? "was" : "were") turned to 'First Last'"))
        }
        let people = resolver.people
        let roots = resolver.managerRows.indices.filter { resolver.managerRows[$0] < 0 }
        if roots.count > 1, mapping.hasReportingLines {
            let named = roots.prefix(5).map { "\(people[$0].name) (line \(rows.lines[$0]))" }.joined(separator: ", ")
            warnings.append(ImportWarning(kind: .severalRoots, message: "\(roots.count) people have no manager, so the chart has \(roots.count) roots: \(named)\(roots.count > 5 ? ", …" : "")"))
        }
        return PeopleFile(
            fileName: file, sha256: sha, mapping: mapping, layout: reader.layout, people: people,
            lines: rows.lines, managerRows: resolver.managerRows, rowsRead: rowsRead, warnings: warnings,
            managerMatchedBy: resolver.managerMatchedBy
        )
    }

    /// "Raman, Priya" → "Priya Raman"; nil for anything else (no comma, several commas, a suffix like "Jr.").
    static func turnedAround(_ name: String) -> String? {
        guard name.utf8.contains(UInt8(ascii: ",")) else { return nil }
        let parts = name.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let last = String(parts[0]).trimmed
        let first = String(parts[1]).trimmed
        let suffixes: Set<String> = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md"]
        guard !last.isEmpty, !first.isEmpty, !suffixes.contains(first.lowercased()),
              !name.contains(where: \.isNumber) else { return nil }
        return first + " " + last
    }
}

/// The rows of a file before their managers are resolved, as parallel arrays: one `Person` copy per row, no more.
/// Keys are indexed as rows arrive, so duplicates are found, and managers read before their reports resolved
/// by id, without a second pass.
struct RawRows {
    var people: [Person] = []
    var lines: [Int] = []
    /// The name as "Last, First" (as written, or built from first and last name columns), so managers written that way match.
    var nameAliases: [String?] = []
    var managers: [String?] = []
    /// Empty when the file has no dotted-line column.
    var dottedLines: [String?] = []
    let hasDottedLines: Bool
    /// The first row of each key.
    private(set) var byKey = TextKeyTable()
    /// Rows whose key an earlier row already has, with that row.
    private(set) var duplicates: [(row: Int, first: Int)] = []
    /// The row whose key is the manager value, when that row came earlier (and is not the row itself); -1 otherwise.
    private(set) var earlyManagers: [Int32] = []

    init(hasDottedLines: Bool) {
        self.hasDottedLines = hasDottedLines
    }

    var count: Int { people.count }

    /// The new row's index; a key seen before is recorded in ``duplicates``.
    mutating func append(_ person: Person, line: Int, nameAlias: String?, manager: String?, dottedLine: String?) -> Int {
        let row = people.count
        if let first = byKey.insert(person.key, id: Int64(row)) { duplicates.append((row, Int(first))) }
        earlyManagers.append(manager.flatMap { byKey[$0] }.flatMap { Int($0) == row ? nil : Int32($0) } ?? -1)
        people.append(person)
        lines.append(line)
        nameAliases.append(nameAlias)
        managers.append(manager)
        if hasDottedLines { dottedLines.append(dottedLine) }
        return row
    }

    /// Hands the people over to their resolver, so each is held once.
    mutating func takePeople() -> [Person] {
        defer { people = [] }
        return people
    }
}

/// Gathers problems up to a limit, counting the rest.
struct ProblemCollector {
    let file: String
    let limit: Int
    private(set) var problems: [InputProblem] = []
    private(set) var more = 0

    init(file: String, limit: Int) {
        self.file = file
        self.limit = limit
    }

    var isFull: Bool { problems.count >= limit }

    mutating func add(_ problem: InputProblem) {
        if isFull { more += 1 } else { problems.append(problem) }
    }

    func throwIfAny() throws {
        guard problems.isEmpty else {
            let sorted = problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
            throw OrgMapError.invalidInput(file: file, problems: sorted, more: more)
        }
    }
}
