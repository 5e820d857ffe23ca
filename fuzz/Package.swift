// swift-tools-version:6.0
import PackageDescription

// libFuzzer harnesses for orgmap's file readers (CSVFuzz: the CSV reader, header mapping and org chart parsing;
// ICSFuzz: the iCalendar reader and the meetings it turns into links; XLSXFuzz: the Excel sheet, shared strings
// and styles readers), kept out
// of the main package so `swift build` and `swift test` there never see `-sanitize=fuzzer`. It depends on the
// main package by path, so it fuzzes the very code the tool ships. Build and run with `fuzz/run [SECONDS]`, or `FUZZ_TARGET=ICSFuzz fuzz/run [SECONDS]` (or XLSXFuzz).
let package = Package(
    name: "orgmap-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "orgmap", path: ".."),
    ],
    targets: [
        .target(name: "FuzzerDriver"),
        .executableTarget(name: "CSVFuzz", dependencies: [.product(name: "OrgImport", package: "orgmap"), "FuzzerDriver"]),
        .executableTarget(name: "ICSFuzz", dependencies: [.product(name: "OrgImport", package: "orgmap"), "FuzzerDriver"]),
        .executableTarget(name: "XLSXFuzz", dependencies: [.product(name: "OrgImport", package: "orgmap"), "FuzzerDriver"]),
    ],
    swiftLanguageModes: [.v6]
)
