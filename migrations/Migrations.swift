/// One schema migration: its identifier (the file's base name) and its SQL.
public struct Migration: Sendable {
    public let identifier: String
    public let sql: String
}

/// The migrations embedded in the binary, in the order they are applied.
public enum Migrations {
    public static let all: [Migration] = [
        Migration(identifier: "0001_initial", sql: String(decoding: PackageResources._001_initial_sql, as: UTF8.self)),
        Migration(identifier: "0002_links", sql: String(decoding: PackageResources._002_links_sql, as: UTF8.self)),
        Migration(identifier: "0003_import_files", sql: String(decoding: PackageResources._003_import_files_sql, as: UTF8.self)),
        Migration(identifier: "0004_link_pack", sql: String(decoding: PackageResources._004_link_pack_sql, as: UTF8.self)),
        Migration(identifier: "0005_link_pack_guards", sql: String(decoding: PackageResources._005_link_pack_guards_sql, as: UTF8.self)),
    ]
}
