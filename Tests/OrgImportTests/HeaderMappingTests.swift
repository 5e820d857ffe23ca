import Testing
@testable import OrgImport
import OrgModel

struct HeaderMappingTests {
    @Test(arguments: [
        ("Employee #", "employeenumber"), ("Reports_To", "reportsto"), ("E-mail", "email"),
        ("  Work Email ", "workemail"), ("userPrincipalName", "userprincipalname"), ("Job/Team Function", "jobteamfunction"),
    ])
    func normalizes(header: String, normalized: String) {
        #expect(normalizeHeader(header) == normalized)
    }

    @Test(arguments: [
        (["Employee ID", "Name", "Manager"], PeopleColumn.id, "Employee ID"),
        (["EmployeeID", "Name", "Manager"], .id, "EmployeeID"),
        (["Employee #", "Name", "Manager"], .id, "Employee #"),
        (["Employee Number", "Name", "Manager"], .id, "Employee Number"),
        (["PersonID", "Manager"], .id, "PersonID"),
        (["Post Unique Reference", "Reports to Senior Post"], .manager, "Reports to Senior Post"),
        (["Full Name", "Manager"], .name, "Full Name"),
        (["Display Name", "Manager"], .name, "Display Name"),
        (["FirstName", "LastName", "ReportsTo"], .firstName, "FirstName"),
        (["Name", "Mail", "Manager"], .email, "Mail"),
        (["Name", "userPrincipalName", "Manager"], .email, "userPrincipalName"),
        (["Name", "positionName", "parentId"], .title, "positionName"),
        (["Name", "Position", "pid"], .manager, "pid"),
        (["Name", "department_name", "Boss ID"], .department, "department_name"),
        (["Name", "Dept", "SupervisorID"], .department, "Dept"),
        (["Name", "Division", "supervisorEmail"], .manager, "supervisorEmail"),
        (["Name", "Organization", "Manager"], .department, "Organization"),
        (["Name", "Organisation", "Unit", "Manager"], .department, "Unit"),
        (["Name", "Squad", "Manager"], .team, "Squad"),
        (["Name", "Team Name", "Manager"], .team, "Team Name"),
        (["Name", "Manager", "Secondary Manager"], .dottedLine, "Secondary Manager"),
        (["Name", "Manager", "Dotted Line Manager"], .dottedLine, "Dotted Line Manager"),
        (["Name", "Reports To", "Grade (or equivalent)"], .level, "Grade (or equivalent)"),
        (["Name", "Reports To", "Office"], .location, "Office"),
    ])
    func recognises(headers: [String], column: PeopleColumn, header: String) throws {
        let mapping = try HeaderMapping(headers: headers, file: "f.csv", line: 1)
        let index = try #require(mapping.columns[column])
        #expect(mapping.headers[index] == header)
    }

    @Test func departmentPrefersTheMostSpecificHeader() throws {
        let mapping = try HeaderMapping(headers: ["Name", "Organization", "Department", "Manager"], file: "f.csv", line: 1)
        #expect(mapping.columns[.department] == 2)
    }

    @Test func overrideWins() throws {
        let mapping = try HeaderMapping(headers: ["Staff No", "Name", "Manager", "Line Manager"], overrides: [.manager: "line manager", .id: "Staff No"], file: "f.csv", line: 1)
        #expect(mapping.columns[.manager] == 3)
        #expect(mapping.columns[.id] == 0)
        #expect(mapping.summary.contains("manager ← 'Line Manager' (--column)"))
    }

    @Test func overrideNamingNoHeader() {
        let p = problems { _ = try HeaderMapping(headers: ["Name", "Manager"], overrides: [.team: "Squad"], file: "f.csv", line: 1) }
        #expect(p.first?.message.contains("names no column") == true)
        #expect(p.first?.message.contains("'Name', 'Manager'") == true)
    }

    @Test func missingIdentityListsTheHeadersSeen() {
        let p = problems { _ = try HeaderMapping(headers: ["Title", "Department"], file: "f.csv", line: 3) }
        #expect(p.count == 1)
        #expect(p.allSatisfy { $0.line == 3 && $0.message.contains("'Title', 'Department'") })
        #expect(p.contains { $0.message.contains("no column identifies people") })
    }

    /// An Entra ID users export: department and job title, no manager column. Read, with reporting lines unknown.
    @Test func aDirectoryExportHasNoReportingLines() throws {
        let headers = ["userPrincipalName", "displayName", "surname", "mail", "givenName", "id", "jobTitle", "department", "officeLocation"]
        let mapping = try HeaderMapping(headers: headers, file: "entra.csv", line: 1)
        #expect(!mapping.hasReportingLines)
        #expect(mapping.columns[.id] == 5 && mapping.columns[.name] == 1 && mapping.columns[.email] == 3)
        #expect(try HeaderMapping(headers: ["Name", "Manager"], file: "f.csv", line: 1).hasReportingLines)
    }

    @Test func duplicateMappedHeader() {
        let p = problems { _ = try HeaderMapping(headers: ["Name", "Manager", "Manager"], file: "f.csv", line: 1) }
        #expect(p.first?.message.contains("'Manager' 2 times") == true)
    }

    @Test func duplicateUnmappedHeaderIsFine() throws {
        let mapping = try HeaderMapping(headers: ["Name", "Manager", "Notes", "Notes"], file: "f.csv", line: 1)
        #expect(mapping.columns.count == 2)
    }
}

struct PeopleColumnTests {
    @Test func ordinalIsThePositionInAllCases() {
        #expect(PeopleColumn.allCases.map(\.ordinal) == Array(PeopleColumn.allCases.indices))
    }
}
