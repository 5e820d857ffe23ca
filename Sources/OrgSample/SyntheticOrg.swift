import OrgModel

/// A deterministic synthetic organization, for benchmarks and for trying orgmap without real data:
/// a CEO, a CTO over the engineering departments, heads of department, teams with spans of 4 to 10,
/// skewed department sizes, titles that match the tiers, and links mostly inside teams and departments.
///
/// Gaps are planted so reports have something to find: a quarter of engineering's senior leaders never
/// reach the business, and the last business department has no link to any engineering leader.
public struct SyntheticOrg: Sendable {
    public struct Options: Sendable {
        public var people = 1_000
        public var departments = 12
        public var links = 20_000
        public var seed: UInt64 = 1
        /// Share of links that cross departments.
        public var crossDepartmentShare = 0.15
        public init() {}
    }

    public enum LinkLayout: String, Sendable, CaseIterable {
        case edges
        /// Microsoft Viva Insights person-to-person columns, with M/D/YYYY dates.
        case viva
    }

    struct Member {
        var department: Int
        var manager: Int?
        var title: String
        var isLeader: Bool
    }

    public let options: Options
    let departmentNames: [String]
    let isEngineering: [Bool]
    let members: [Member]
    /// People of each department, and the reports of each manager.
    let byDepartment: [[Int]]
    let reports: [[Int]]
    /// The head of each department, by department.
    let heads: [Int]
    let cutOffLeaders: Set<Int>
    let unbridgedDepartment: Int?

    public init(_ options: Options) {
        precondition(options.people >= 10 && options.departments >= 2 && options.departments <= options.people / 4)
        self.options = options
        var rng = SplitMix64(seed: options.seed)
        let names = Self.departmentNames(options.departments)
        departmentNames = names.map(\.name)
        isEngineering = names.map(\.engineering)

        // Skewed sizes: department d weighs 1/(d+2), every department gets at least 3 people.
        let weights = (0..<options.departments).map { 1.0 / Double($0 + 2) }
        let total = weights.reduce(0, +)
        let available = options.people - 2
        var sizes = weights.map { max(3, Int(Double(available) * $0 / total)) }
        while sizes.reduce(0, +) > available { sizes[sizes.firstIndex(of: sizes.max()!)!] -= 1 }
        while sizes.reduce(0, +) < available { sizes[0] += 1 }

        var members = [Member(department: Self.executive(names), manager: nil, title: "Chief Executive Officer", isLeader: true)]
        members.append(Member(department: 0, manager: 0, title: "Chief Technology Officer", isLeader: true))
        var byDepartment = [[Int]](repeating: [], count: options.departments)
        byDepartment[members[0].department].append(0)
        byDepartment[0].append(1)
        var cutOff = Set<Int>()
        var heads: [Int] = []
        for (d, size) in sizes.enumerated() {
            let head = members.count
            heads.append(head)
            let engineering = names[d].engineering
            members.append(Member(department: d, manager: engineering ? 1 : 0, title: (engineering ? "Director of " : "VP ") + names[d].name, isLeader: true))
            byDepartment[d].append(head)
            if engineering && d % 4 == 1 { cutOff.insert(head) }
            // Breadth-first: each manager takes 4 to 10 reports before the next one opens.
            var open = [head]
            var cursor = 0
            var span = Int(rng.next() % 7) + 4
            var taken = 0
            for _ in 1..<size {
                let manager = open[cursor]
                let i = members.count
                members.append(Member(department: d, manager: manager, title: engineering ? "Software Engineer" : names[d].role, isLeader: false))
                byDepartment[d].append(i)
                open.append(i)
                taken += 1
                if taken == span {
                    cursor += 1
                    taken = 0
                    span = Int(rng.next() % 7) + 4
                }
            }
        }
        var reports = [[Int]](repeating: [], count: members.count)
        for (i, m) in members.enumerated() { if let mgr = m.manager { reports[mgr].append(i) } }
        for i in members.indices where !reports[i].isEmpty && !members[i].isLeader {
            let engineering = names[members[i].department].engineering
            let leadsManagers = reports[i].contains { !reports[$0].isEmpty }
            members[i].title = engineering ? (leadsManagers ? "Senior Engineering Manager" : "Engineering Manager") : (leadsManagers ? "Director" : "Manager")
            members[i].isLeader = engineering
        }
        self.members = members
        self.byDepartment = byDepartment
        self.reports = reports
        self.heads = heads
        cutOffLeaders = cutOff
        unbridgedDepartment = names.indices.last { !names[$0].engineering && $0 != Self.executive(names) }
    }

    /// The org chart as CSV, streamed to `path`.
    public func writePeople(to path: String) throws {
        var out = try BufferedFileWriter(path: path)
        out.line("Employee ID,Name,Email,Job Title,Department,Manager ID")
        for (i, m) in members.enumerated() {
            out.line("E\(i),\(Self.name(i)),\(Self.email(i)),\(m.title),\(departmentNames[m.department]),\(m.manager.map { "E\($0)" } ?? "")")
        }
        try out.close()
    }

    /// The org chart as an Excel workbook, as HR tools export it: a title, the date it was generated and a
    /// blank row above the header, then the same columns and rows as ``writePeople(to:)`` (ids as text,
    /// `E12`, as in the CSV).
    public func writePeopleWorkbook(to path: String, generated: CalendarDate) throws {
        let writer = try XLSXWriter(path: path)
        try writer.addSheet(named: "Employees")
        try writer.appendRow([.text("Employee Directory")])
        try writer.appendRow([.text("Generated"), .date(generated)])
        try writer.appendRow(["Employee ID", "Name", "Email", "Job Title", "Department", "Manager ID"].map { .text($0) }, at: 4)
        for (i, m) in members.enumerated() {
            try writer.appendRow([
                .text("E\(i)"), .text(Self.name(i)), .text(Self.email(i)), .text(m.title), .text(departmentNames[m.department]),
                m.manager.map { .text("E\($0)") } ?? .empty,
            ])
        }
        try writer.close()
    }

    /// `options.links` links as CSV, streamed to `path`.
    public func writeLinks(to path: String, layout: LinkLayout) throws {
        var rng = SplitMix64(seed: options.seed &+ 0x9E37_79B9)
        var out = try BufferedFileWriter(path: path)
        switch layout {
        case .edges: out.line("source,target,weight,kind,date")
        case .viva: out.line("PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,MetricDate,Diverse_tie_score,Diverse_tie_type,Strong_tie_score,Strong_tie_type")
        }
        let kinds = ["meeting", "chat", "email", "1:1", "project"]
        var written = 0
        while written < options.links {
            let a = Int(rng.next() % UInt64(members.count))
            let roll = Double(rng.next() % 10_000) / 10_000
            var b: Int
            if roll < options.crossDepartmentShare {
                b = Int(rng.next() % UInt64(members.count))
            } else if roll < options.crossDepartmentShare + 0.45, let team = team(of: a) {
                b = team[Int(rng.next() % UInt64(team.count))]
            } else {
                let dept = byDepartment[members[a].department]
                b = dept[Int(rng.next() % UInt64(dept.count))]
            }
            if a == b || plantedGap(a, b) { continue }
            let weight = Int(rng.next() % 3) + 1
            let day = Int(rng.next() % 91)
            let (month, dayOfMonth) = day < 30 ? (9, day + 1) : day < 61 ? (10, day - 29) : (11, day - 60)
            switch layout {
            case .edges:
                out.line("E\(a),E\(b),\(weight),\(kinds[Int(rng.next() % 5)]),2026-\(month < 10 ? "0" : "")\(month)-\(dayOfMonth < 10 ? "0" : "")\(dayOfMonth)")
            case .viva:
                out.line("E\(a),E\(b),\(month)/\(dayOfMonth)/2026,0,0,\(weight),2")
            }
            written += 1
        }
        try out.close()
    }

    /// A's manager and fellow reports, or nil for the CEO.
    func team(of a: Int) -> [Int]? {
        guard let m = members[a].manager else { return nil }
        return reports[m] + [m]
    }

    /// True for a pair the planted gaps keep apart: a cut-off leader and the business, or the unbridged
    /// department and an engineering leader.
    func plantedGap(_ a: Int, _ b: Int) -> Bool {
        func business(_ i: Int) -> Bool { !isEngineering[members[i].department] }
        if cutOffLeaders.contains(a) && business(b) || cutOffLeaders.contains(b) && business(a) { return true }
        guard let gap = unbridgedDepartment else { return false }
        return members[a].department == gap && members[b].isLeader && isEngineering[members[b].department]
            || members[b].department == gap && members[a].isLeader && isEngineering[members[a].department]
    }

    static func executive(_ names: [(name: String, engineering: Bool, role: String)]) -> Int {
        names.firstIndex { $0.name == "Executive" }!
    }

    /// Department 0 is Engineering, then about one in three is engineering; the last is Executive.
    /// Names repeat with a region once the lists run out ("Sales EMEA"), so every name is distinct.
    static func departmentNames(_ count: Int) -> [(name: String, engineering: Bool, role: String)] {
        let engineering = ["Engineering", "Platform", "Infrastructure", "Data", "Security", "SRE", "QA", "Mobile Engineering", "Machine Learning", "IT"]
        let business: [(String, String)] = [
            ("Sales", "Account Executive"), ("Customer Success", "Customer Success Manager"), ("Product", "Product Manager"),
            ("Marketing", "Marketing Specialist"), ("Finance", "Financial Analyst"), ("Operations", "Operations Analyst"),
            ("People", "HR Business Partner"), ("Legal", "Counsel"),
        ]
        let regions = ["", " EMEA", " APAC", " Americas", " North", " South", " East", " West"]
        func region(_ round: Int) -> String { round < regions.count ? regions[round] : " Region \(round)" }
        var out: [(name: String, engineering: Bool, role: String)] = []
        var e = 0, b = 0
        while out.count < count - 1 {
            if out.count % 3 == 0 {
                out.append((engineering[e % engineering.count] + region(e / engineering.count), true, "Software Engineer"))
                e += 1
            } else {
                let (name, role) = business[b % business.count]
                out.append((name + region(b / business.count), false, role))
                b += 1
            }
        }
        out.append(("Executive", false, "Chief of Staff"))
        return out
    }

    static let firstNames = ["Ada", "Ben", "Chloé", "Dev", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jamal", "Kaia", "Luca", "Mina", "Nils", "Olu", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Uma", "Viktor", "Wen", "Xavi", "Yara", "Zane"]
    static let lastNames = ["Adeyemi", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Huang", "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Patel", "Quispe", "Rossi", "Schmidt", "Tanaka", "Uysal", "Varga", "Weber", "Xu", "Yilmaz", "Zhou"]

    static func email(_ i: Int) -> String { "e\(i)@example.com" }

    static func name(_ i: Int) -> String {
        "\(firstNames[i % firstNames.count]) \(lastNames[(i / firstNames.count) % lastNames.count])"
    }
}
