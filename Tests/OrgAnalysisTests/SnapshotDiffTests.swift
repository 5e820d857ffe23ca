import OrgModel
import Testing
@testable import OrgAnalysis

/// Acme before and after a quarter: every kind of change `orgmap diff` reports, on plain values.
struct SnapshotDiffTests {
    /// Marketing reaches engineering leadership through Priya only; Priya has no link to Finance.
    static let beforeTies = Acme.healthy(removing: [("E2", "E21"), ("E1", "E30")])

    /// Priya now works with Finance; Lena, promoted to director, reaches no business department.
    static let afterTies = Acme.healthy(removing: [("E2", "E21"), ("E4", "E3")], adding: [("E3", "E40", 2)])

    static let afterPeople: [Person] = Acme.people.compactMap { p in
        var p = p
        switch p.key {
        case "E4": return nil
        case "E3": p.title = "Director of Engineering"
        case "E5": p.department = "Platform"; p.managerKey = "E6"
        case "E7": p.team = "SRE"
        case "E11": p.managerKey = "E12"
        case "E22": p.title = "Senior Content Writer"
        default: break
        }
        return p
    } + [Acme.person("E40", "Zoe Park", "Software Engineer", "Engineering", "E3")]

    static let diff = SnapshotDiff(
        from: Acme.analyze(ties: beforeTies),
        to: Acme.analyze(people: afterPeople, ties: afterTies))

    @Test func joinedAndLeftMatchedByKey() {
        #expect(Self.diff.people.joined.map(\.person.id) == ["E40"])
        #expect(Self.diff.people.joined.first?.manager?.name == "Lena Park")
        #expect(Self.diff.people.left.map(\.person.id) == ["E4"])
        #expect(Self.diff.people.left.first?.department == "Engineering")
    }

    @Test func movesNameWhatChanged() throws {
        let moves = Dictionary(uniqueKeysWithValues: Self.diff.people.moved.map { ($0.person.id, $0) })
        #expect(Set(moves.keys) == ["E5", "E7", "E11"])
        let ada = try #require(moves["E5"])
        #expect(ada.changes == [.department, .manager])
        #expect(ada.department == Change(from: "Engineering", to: "Platform"))
        #expect(ada.manager.from?.name == "Lena Park")
        #expect(ada.manager.to?.name == "Tom Hale")
        #expect(moves["E7"]?.changes == [.team])
        #expect(moves["E7"]?.team == Change(from: nil, to: "SRE"))
        #expect(moves["E11"]?.changes == [.manager])
        #expect(moves["E11"]?.department.isChange == false)
    }

    @Test func retitled() {
        let retitled = Self.diff.people.retitled
        #expect(retitled.map(\.person.id) == ["E22", "E3"])
        #expect(retitled.first?.title == Change(from: "Content Writer", to: "Senior Content Writer"))
    }

    @Test func tierChange() throws {
        #expect(Self.diff.tierChanges.map(\.person.id) == ["E3"])
        let lena = try #require(Self.diff.tierChanges.first)
        #expect(lena.tier == Change(from: .engineeringManager, to: .seniorEngineeringLeader))
    }

    @Test func findingsOpenedResolvedPersisting() {
        // Priya reaching Finance closes her gap and gives Finance a second bridge.
        #expect(Self.diff.resolved.map(\.key) == ["missing-partner-department:person:E1:dept:Finance", "single-bridge:department:Finance"])
        #expect(Self.diff.persisting.map(\.key) == ["single-bridge:department:Marketing"])
        #expect(Self.diff.opened.allSatisfy { $0.subject.id == "E3" })
        #expect(Self.diff.opened.map(\.rule).contains(.missingPartnerDepartment))
    }

    @Test func leadersEIAndReachBeforeAndAfter() throws {
        let priya = try #require(Self.diff.leaders.first { $0.person.id == "E1" })
        #expect(priya.departmentsGained == ["Finance"])
        #expect(priya.departmentsLost.isEmpty)
        #expect(priya.businessDepartmentsReached.from == ["Sales", "Marketing"])
        let ei = try #require(priya.eiIndex.from)
        let after = try #require(priya.eiIndex.to)
        #expect(after > ei)
        #expect(Self.diff.reachChanges.map(\.person.id) == ["E1"])
        #expect(Self.diff.changedLeaders.map(\.person.id) == ["E1", "E3"])
        // Highest tier first, as in the report.
        #expect(Self.diff.leaders.first?.person.id == "E1")
    }

    @Test func aLeaderWhoLeftKeepsTheirBeforeSide() throws {
        let people = Acme.people.filter { $0.key != "E6" && $0.key != "E7" }
        let diff = SnapshotDiff(from: Acme.analyze(), to: Acme.analyze(people: people, ties: Acme.healthy(removing: [("E2", "E6"), ("E6", "E7")])))
        let tom = try #require(diff.leaders.first { $0.person.id == "E6" })
        #expect(tom.tier == Change(from: .engineeringManager, to: nil))
        #expect(tom.tierChanged == false)
        #expect(tom.eiIndex.to == nil)
        #expect(tom.departmentsLost.isEmpty)
    }

    @Test func identicalSnapshotsHaveNoChange() {
        let diff = SnapshotDiff(from: Acme.analyze(), to: Acme.analyze())
        #expect(diff.people.isEmpty)
        #expect(diff.opened.isEmpty && diff.resolved.isEmpty)
        #expect(diff.persisting.count == Acme.analyze().findings.count)
        #expect(diff.changedLeaders.isEmpty)
    }
}
