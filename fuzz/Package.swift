// swift-tools-version:6.0
import PackageDescription

// A libFuzzer harness for orgmap's file readers (the CSV reader, header mapping and org chart parsing), kept out
// of the main package so `swift build` and `swift test` there never see `-sanitize=fuzzer`. It depends on the
// main package by path, so it fuzzes the very code the tool ships. Build and run with `fuzz/run [SECONDS]`.
let package = Package(
    name: "orgmap-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "orgmap", path: ".."),
    ],
    targets: [
        .target(name: "FuzzerDriver"),
        .executableTarget(name: "CSVFuzz", dependencies: [
            .product(name: "OrgImport", package: "orgmap"),
            "FuzzerDriver",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
