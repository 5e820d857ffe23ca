import Foundation
import GRDB
import Testing
@testable import OrgStore

/// docs/schema.md documents every table and view of the migrated schema, no more, no fewer.
struct SchemaDocTests {
    static let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/schema.md")

    /// The names in the doc's `### \`name\`` and `### View \`name\`` headings.
    static func documented() throws -> Set<String> {
        let text = try String(contentsOf: doc, encoding: .utf8)
        return Set(text.split(separator: "\n").filter { $0.hasPrefix("### ") }.flatMap { heading in
            heading.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        })
    }

    @Test func everyTableAndViewIsDocumented() throws {
        let db = try AppDatabase.inMemory()
        let schema = try db.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type IN ('table', 'view')
                AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                """)
        }
        #expect(schema.count >= 9)
        #expect(try Self.documented() == Set(schema))
    }

    @Test func everyIndexIsNamedInTheDoc() throws {
        let db = try AppDatabase.inMemory()
        let indexes = try db.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
        }
        let text = try String(contentsOf: Self.doc, encoding: .utf8)
        #expect(!indexes.isEmpty)
        for index in indexes { #expect(text.contains("`\(index)`"), "\(index) is not in docs/schema.md") }
    }
}
