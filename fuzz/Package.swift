// swift-tools-version:6.0
import PackageDescription

// A libFuzzer harness for orgmap's CSV reader, header mapping and org chart parsing, kept out of the main
// package so `swift build` and `swift test` there never see `-sanitize=fuzzer`. The main package exports no
// library product, so `Mirror/` holds symlinks to its module folders and this package rebuilds the same
// module graph from the same files. Build and run with `fuzz/run [SECONDS]`.
let package = Package(
    name: "orgmap-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "OrgMapMigrations", path: "Mirror/migrations", exclude: ["README.md"], resources: [.embedInCode("sql")]),
        .target(name: "OrgModel", path: "Mirror/OrgModel"),
        .target(
            name: "OrgStore",
            dependencies: [
                "OrgModel", "OrgMapMigrations",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            path: "Mirror/OrgStore"
        ),
        .target(name: "OrgAnalysis", dependencies: ["OrgModel"], path: "Mirror/OrgAnalysis"),
        .target(
            name: "OrgImport",
            dependencies: [
                "OrgModel", "OrgStore", "OrgAnalysis",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Mirror/OrgImport"
        ),
        .target(name: "FuzzerDriver"),
        .executableTarget(name: "CSVFuzz", dependencies: ["OrgImport", "OrgModel", "FuzzerDriver"]),
    ],
    swiftLanguageModes: [.v6]
)
