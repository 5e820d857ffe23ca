/// What `orgmap org` shows of a snapshot: size, departments, roots, depth and the widest spans of control.
public struct OrgSummary: Sendable, Codable, Equatable {
    public struct DepartmentCount: Sendable, Codable, Equatable {
        public var name: String
        public var people: Int
        public var teams: Int
    }

    public struct PersonRef: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var title: String?
        public var department: String
    }

    public struct Span: Sendable, Codable, Equatable {
        public var manager: PersonRef
        public var directReports: Int
    }

    public var people: Int
    public var departments: [DepartmentCount]
    public var roots: [PersonRef]
    /// Levels in the longest reporting chain: 1 when nobody has a manager.
    public var depth: Int
    public var largestSpans: [Span]
    public var dottedLines: Int

    public init(_ org: Organization, spans: Int = 5) {
        func ref(_ i: Int) -> PersonRef {
            let p = org.people[i]
            return PersonRef(id: p.key, name: p.name, title: p.title, department: p.department)
        }
        people = org.people.count
        var teams: [String: Set<String>] = [:]
        for i in org.people.indices { if let t = org.people.team(i) { teams[org.people.department(i), default: []].insert(t) } }
        departments = org.departmentHeadCounts().map { DepartmentCount(name: $0.name, people: $0.people, teams: teams[$0.name]?.count ?? 0) }
        roots = org.roots.map(ref)
        depth = (org.depths().max() ?? -1) + 1
        largestSpans = org.people.indices
            .filter { !org.directReports[$0].isEmpty }
            .sorted { (org.directReports[$0].count, $1) > (org.directReports[$1].count, $0) }
            .prefix(spans)
            .map { Span(manager: ref($0), directReports: org.directReports[$0].count) }
        dottedLines = org.dottedLineManagerIndices.reduce(0) { $0 + $1.count }
    }
}
