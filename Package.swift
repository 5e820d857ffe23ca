// swift-tools-version:6.0
import PackageDescription

// Data flows one way: files are read (OrgImport) and stored (OrgStore, OrgFastPath), stored snapshots are
// analyzed (OrgAnalysis: plain values in, findings out, no database, no file) and rendered (OrgReport).
// OrgMapKit runs those steps as workflows; the orgmap executable only parses arguments and prints.
// docs/architecture.md has the layer map: what each target is for and what it may import.
let package = Package(
    name: "orgmap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "orgmap", targets: ["orgmap"]),
        .library(name: "OrgMapKit", targets: ["OrgMapKit"]),
        // The file readers on their own: the fuzz harness (fuzz/) drives them directly.
        .library(name: "OrgImport", targets: ["OrgImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "OrgModel"),
        .target(name: "OrgMapMigrations", path: "migrations", exclude: ["README.md"], resources: [.embedInCode("sql")]),
        .target(name: "OrgStore", dependencies: [
            "OrgModel", "OrgMapMigrations", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "OrgFastPath", dependencies: [
            "OrgModel", "OrgStore",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "OrgAnalysis", dependencies: ["OrgModel"]),
        .target(name: "ICalendar"),
        // The system's zlib inflates zip entries (calendar and Slack exports); its header is in the macOS SDK and
        // in Debian's zlib1g-dev. No pkgConfig: zlib needs no flags, and SwiftPM warns wherever no zlib.pc is found.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "OrgImport", dependencies: [
            "OrgModel", "OrgAnalysis", "OrgFastPath", "ICalendar", "CZlib",
            .product(name: "Crypto", package: "swift-crypto"), .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "OrgReport", dependencies: ["OrgModel", "OrgAnalysis"]),
        .target(name: "OrgSample", dependencies: ["OrgModel", "CZlib"], resources: [.embedInCode("Resources")]),
        .target(name: "OrgMapKit", dependencies: [
            "OrgModel", "OrgStore", "OrgFastPath", "OrgImport", "OrgAnalysis", "OrgReport", "OrgSample",
            .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "orgmap", dependencies: [
            "OrgMapKit", "OrgModel", "OrgStore", "OrgImport", "OrgAnalysis", "OrgSample",
            .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log"),
        ]),

        .testTarget(name: "OrgModelTests", dependencies: ["OrgModel"]),
        .testTarget(name: "OrgStoreTests", dependencies: ["OrgStore", "OrgFastPath", "OrgModel", "OrgMapMigrations", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "OrgImportTests", dependencies: ["OrgImport", "OrgFastPath", "OrgModel", "OrgAnalysis", "OrgSample", "CZlib"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ICalendarTests", dependencies: ["ICalendar"], resources: [.copy("Fixtures")]),
        .testTarget(name: "OrgAnalysisTests", dependencies: ["OrgAnalysis", "OrgModel"]),
        .testTarget(name: "OrgReportTests", dependencies: ["OrgReport", "OrgAnalysis", "OrgModel"]),
        .testTarget(name: "OrgMapKitTests", dependencies: [
            "OrgMapKit", "OrgStore", "OrgFastPath", "OrgImport", "OrgModel", "OrgAnalysis", "OrgReport", "OrgSample",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
        ], exclude: ["Fixtures"]),
        .testTarget(name: "orgmapTests", dependencies: [
            "orgmap", "OrgMapKit", "OrgStore", "OrgSample", .product(name: "GRDB", package: "GRDB.swift"),
        ], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
