import Testing
@testable import OrgImport
import OrgAnalysis
import OrgModel

struct PolicyFileTests {
    @Test func templateReadsBackAsTheDefaults() throws {
        #expect(try PolicyFile.parse(PolicyFile.template(), file: "p.yaml") == Policy.default)
    }

    @Test func partialPolicyKeepsOtherDefaults() throws {
        let policy = try PolicyFile.parse("minimum_department_size: 10\nbusiness_departments: [Data Sales]\n", file: "p.yaml")
        #expect(policy.minimumDepartmentSize == 10)
        #expect(policy.businessDepartments == ["Data Sales"])
        #expect(policy.technologyLeaderMinimumEI == Policy.default.technologyLeaderMinimumEI)
    }

    @Test func emptyFileIsTheDefaultPolicy() throws {
        #expect(try PolicyFile.parse("# nothing\n", file: "p.yaml") == Policy.default)
    }

    @Test func unknownKeyIsAnErrorWithItsLine() {
        let p = problems { _ = try PolicyFile.parse("minimum_department_size: 3\nminimum_departmnet_size: 4\n", file: "p.yaml") }
        #expect(p.first?.line == 2)
        #expect(p.first?.message.contains("unknown policy key 'minimum_departmnet_size'") == true)
    }

    @Test func wrongTypeIsAnError() {
        let p = problems { _ = try PolicyFile.parse("minimum_department_size: many\n", file: "p.yaml") }
        #expect(p.first?.message.contains("'minimum_department_size' should be a whole number") == true)
    }

    @Test func technologyLeaderBelowAnotherIsTrueOrFalse() throws {
        #expect(try PolicyFile.parse("technology_leader_below_another: true\n", file: "p.yaml").technologyLeaderBelowAnother)
        #expect(try !PolicyFile.parse(PolicyFile.template(), file: "p.yaml").technologyLeaderBelowAnother)
        #expect(PolicyFile.template().contains("technology_leader_below_another: false"))
        let p = problems { _ = try PolicyFile.parse("technology_leader_below_another: sometimes\n", file: "p.yaml") }
        #expect(p.first?.message.contains("'technology_leader_below_another' should be true or false") == true, "\(p)")
    }

    @Test func invalidYAML() {
        let p = problems { _ = try PolicyFile.parse("engineering_departments: [Platform\n", file: "p.yaml") }
        #expect(p.first?.message.contains("not valid YAML") == true)
    }
}
