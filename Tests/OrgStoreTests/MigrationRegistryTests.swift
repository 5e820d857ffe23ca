import Foundation
import Testing
import OrgMapMigrations

struct MigrationRegistryTests {
    /// The `migrations/sql` folder of this checkout.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("migrations/sql")

    @Test func registryListsEverySQLFileInOrder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(Migrations.all.map { $0.identifier + ".sql" } == files)
        for migration in Migrations.all {
            let sql = try String(contentsOf: Self.folder.appendingPathComponent(migration.identifier + ".sql"), encoding: .utf8)
            #expect(migration.sql == sql, "\(migration.identifier) embedded differs from the file")
        }
    }

    @Test func filesAreNumberedWithoutGapsOrDuplicates() {
        let numbers = Migrations.all.map { Int($0.identifier.prefix(4)) }
        #expect(numbers == Array(1...Migrations.all.count).map(Optional.some))
    }
}
