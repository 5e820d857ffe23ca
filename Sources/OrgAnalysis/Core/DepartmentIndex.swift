import OrgModel

/// Departments numbered densely so the tie scan works on arrays, with function, size, core flag and head.
struct DepartmentIndex: Sendable {
    let names: [String]
    let indexByName: [String: Int]
    /// Department index of each person.
    let ofPerson: [Int]
    let sizes: [Int]
    let sides: [DepartmentSide]
    let sideReasons: [String]
    let isCore: [Bool]
    /// Person index of each department's head.
    let heads: [Int?]

    var count: Int { names.count }

    init(organization org: Organization, policy: Policy, parentsFirst: [Int]) {
        var indexByName: [String: Int] = [:]
        var names: [String] = []
        var ofPerson = [Int](repeating: 0, count: org.people.count)
        var sizes: [Int] = []
        for i in org.people.indices {
            let department = org.people.department(i)
            if let d = indexByName[department] {
                ofPerson[i] = d
                sizes[d] += 1
            } else {
                indexByName[department] = names.count
                ofPerson[i] = names.count
                names.append(department)
                sizes.append(1)
            }
        }
        self.names = names
        self.indexByName = indexByName
        self.ofPerson = ofPerson
        self.sizes = sizes

        let classified = names.map { DepartmentIndex.classify($0, policy: policy) }
        sides = classified.map(\.side)
        sideReasons = classified.map(\.reason)
        let listedCore = policy.coreBusinessDepartments.map { Set($0.map { $0.lowercased() }) }
        isCore = names.indices.map { d in
            guard classified[d].side == .business, names[d] != Department.unassigned else { return false }
            if let listedCore { return listedCore.contains(names[d].lowercased()) }
            return sizes[d] >= policy.minimumDepartmentSize
        }
        heads = DepartmentIndex.heads(org: org, ofPerson: ofPerson, count: names.count, parentsFirst: parentsFirst)
    }

    /// Explicit lists win over patterns; business patterns win over engineering ones; the default is business.
    static func classify(_ name: String, policy: Policy) -> (side: DepartmentSide, reason: String) {
        let lower = name.lowercased()
        if policy.businessDepartments.contains(where: { $0.lowercased() == lower }) {
            return (.business, "listed in business_departments")
        }
        if policy.engineeringDepartments.contains(where: { $0.lowercased() == lower }) {
            return (.engineering, "listed in engineering_departments")
        }
        if let p = PhraseMatcher(policy.businessDepartmentPatterns).match(name) {
            return (.business, "name matches business pattern '\(p)'")
        }
        if let p = PhraseMatcher(policy.engineeringDepartmentPatterns).match(name) {
            return (.engineering, "name matches '\(p)'")
        }
        return (.business, "no engineering pattern matches")
    }

    /// The member whose manager is outside the department (or who has none) and who has the most of the
    /// department under them; ties go to the name that sorts first.
    private static func heads(org: Organization, ofPerson: [Int], count: Int, parentsFirst: [Int]) -> [Int?] {
        var top = Array(org.people.indices)
        for i in parentsFirst {
            if let m = org.managerIndex[i], ofPerson[m] == ofPerson[i] { top[i] = top[m] }
        }
        var under = [Int](repeating: 0, count: org.people.count)
        for i in org.people.indices { under[top[i]] += 1 }
        var heads = [Int?](repeating: nil, count: count)
        for i in org.people.indices where top[i] == i {
            let d = ofPerson[i]
            if let h = heads[d] {
                if under[i] > under[h] || (under[i] == under[h] && org.people.name(i) < org.people.name(h)) {
                    heads[d] = i
                }
            } else {
                heads[d] = i
            }
        }
        return heads
    }
}
