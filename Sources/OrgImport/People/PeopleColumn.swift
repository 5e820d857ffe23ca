/// A column an org chart import understands, with the header names real HR and org-chart exports use.
public enum PeopleColumn: String, Sendable, CaseIterable, Comparable {
    case id
    case name
    case firstName = "first-name"
    case lastName = "last-name"
    case email
    case title
    case department
    case team
    case manager
    case dottedLine = "dotted-line"
    case level
    case location

    /// Normalized header names (see ``normalizeHeader(_:)``), best first: when several columns match, the earliest alias wins.
    public var aliases: [String] {
        switch self {
        case .id:
            ["id", "employeeid", "employeenumber", "employeeno", "personid", "postuniquereference", "workerid",
             "staffid", "empid", "userid", "objectid", "personnumber", "employeecode"]
        case .name:
            ["name", "fullname", "displayname", "employeename", "preferredname", "legalname", "worker", "employee", "person"]
        case .firstName:
            ["firstname", "givenname", "preferredfirstname", "legalfirstname", "first", "forename"]
        case .lastName:
            ["lastname", "surname", "familyname", "legallastname", "last"]
        case .email:
            ["email", "workemail", "emailaddress", "mail", "userprincipalname", "upn", "primaryworkemail",
             "emailprimarywork", "emailwork", "contactemail", "businessemail", "companyemail"]
        case .title:
            ["title", "jobtitle", "position", "positionname", "businesstitle", "role", "jobrole", "designation",
             "jobname", "positiontitle", "jobprofile"]
        case .department:
            ["department", "departmentname", "dept", "division", "unit", "businessunit", "organization",
             "organisation", "orgunit", "area", "costcenter", "supervisoryorganization"]
        case .team:
            ["team", "teamname", "squad", "group", "subteam", "subdepartment"]
        case .manager:
            ["manager", "managerid", "manageremail", "managername", "reportsto", "supervisor",
             "supervisorid", "supervisoremail", "supervisorname", "bossid", "parentid", "pid", "reportstoseniorpost",
             "linemanager", "linemanagerid", "directmanager", "managerpersonid", "managerworkemail",
             "reportingto", "manageremployeeid", "reportstoemail", "reportstoid", "managerupn", "manageruserprincipalname", "managerobjectid"]
        case .dottedLine:
            ["dottedlinemanager", "secondarymanager", "refs", "dottedline", "matrixmanager", "dottedlinemanagerid",
             "dottedlinemanageremail", "secondarymanagerid", "secondarymanageremail", "indirectmanager"]
        case .level:
            ["level", "joblevel", "grade", "gradeorequivalent", "jobgrade", "leveldesignation", "managementlevel",
             "band", "careerlevel", "paygrade"]
        case .location:
            ["location", "worklocation", "office", "officelocation", "site", "city", "country", "workplace"]
        }
    }

    /// The position in `allCases` (declaration order).
    var ordinal: Int {
        switch self {
        case .id: 0
        case .name: 1
        case .firstName: 2
        case .lastName: 3
        case .email: 4
        case .title: 5
        case .department: 6
        case .team: 7
        case .manager: 8
        case .dottedLine: 9
        case .level: 10
        case .location: 11
        }
    }

    public static func < (a: PeopleColumn, b: PeopleColumn) -> Bool { a.ordinal < b.ordinal }
}

/// Lowercased letters and digits only, with `#` read as "number": `Employee #` → `employeenumber`,
/// `Reports_To` → `reportsto`, `E-mail` → `email`.
public func normalizeHeader(_ header: String) -> String {
    var out = ""
    for ch in header.lowercased() {
        if ch == "#" { out += "number" } else if ch.isLetter || ch.isNumber { out.append(ch) }
    }
    return out
}
