// swift-tools-version:6.0
import PackageDescription

// One-way flow: import -> storage -> analysis -> report. Analysis depends on no database and no file.
let package = Package(
    name: "orgmap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "orgmap", targets: ["orgmap"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "OrgMapMigrations",
            path: "migrations",
            exclude: ["README.md"],
            resources: [.embedInCode("sql")]
        ),
        .target(name: "OrgModel"),
        .target(
            name: "OrgStore",
            dependencies: [
                "OrgModel", "OrgMapMigrations",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "OrgImport",
            dependencies: [
                "OrgModel", "OrgStore", "OrgAnalysis",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "OrgAnalysis", dependencies: ["OrgModel"]),
        .target(name: "OrgReport", dependencies: ["OrgModel", "OrgAnalysis"]),
        .target(name: "OrgSample", dependencies: ["OrgModel"], resources: [.embedInCode("Resources")]),
        .executableTarget(
            name: "orgmap",
            dependencies: [
                "OrgModel", "OrgStore", "OrgImport", "OrgAnalysis", "OrgReport", "OrgSample",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "OrgModelTests", dependencies: ["OrgModel"]),
        .testTarget(name: "OrgStoreTests", dependencies: ["OrgStore", "OrgModel", "OrgMapMigrations"]),
        .testTarget(
            name: "OrgImportTests",
            dependencies: ["OrgImport", "OrgStore", "OrgModel", "OrgAnalysis", "OrgSample"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "OrgAnalysisTests", dependencies: ["OrgAnalysis", "OrgModel"]),
        .testTarget(name: "OrgReportTests", dependencies: ["OrgReport", "OrgAnalysis", "OrgModel"]),
        .testTarget(
            name: "orgmapTests",
            dependencies: ["orgmap", "OrgSample"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
