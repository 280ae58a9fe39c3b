// swift-tools-version: 6.1
// The layers and the rules between them are described in ARCHITECTURE.md.
import PackageDescription

let package = Package(
  name: "Muster",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "muster", targets: ["muster"]),
    // For the fuzz targets (Fuzz/Package.swift), which build against these with libFuzzer.
    .library(
      name: "MusterFuzzable",
      targets: [
        "MusterDomain", "MusterConcurrency", "MusterImport", "MusterExport", "MusterTerminal",
        "MusterCurses",
      ]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
  ],
  targets: [
    // Layer 1: no dependencies of ours.
    .target(name: "MusterDomain"),
    // Threads for long work (an import's reader and index builder): kept out of the domain,
    // which holds only values.
    .target(name: "MusterConcurrency"),
    .target(name: "MusterTerminal"),
    .target(name: "CCurses", linkerSettings: [.linkedLibrary("ncursesw")]),
    .target(name: "CSQLiteConfig", linkerSettings: [.linkedLibrary("sqlite3")]),
    .target(name: "MusterResources", plugins: ["EmbedResources"]),

    // Layer 2.
    .target(name: "MusterCurses", dependencies: ["MusterTerminal", "CCurses"]),
    .target(
      name: "MusterStore",
      dependencies: [
        "MusterDomain", "MusterConcurrency", "CSQLiteConfig",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    .target(
      name: "MusterImport",
      dependencies: [
        "MusterDomain", "MusterConcurrency", "Yams", .product(name: "CSV", package: "CSV.swift"),
      ]),
    .target(name: "MusterUI", dependencies: ["MusterDomain", "MusterTerminal"]),
    .target(name: "MusterExport", dependencies: ["MusterDomain", "Yams"]),

    // Layer 3: the composition root.
    .executableTarget(
      name: "muster",
      dependencies: [
        "MusterDomain", "MusterTerminal", "MusterCurses", "MusterStore", "MusterImport",
        "MusterExport", "MusterUI", "MusterResources",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // In-process benchmarks for `make bench` (Benchmarks/run.py drives them).
    .executableTarget(
      name: "muster-bench",
      dependencies: [
        "MusterDomain", "MusterImport", "MusterStore", "MusterTerminal", "MusterUI",
        "MusterResources", .product(name: "CSV", package: "CSV.swift"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      path: "Benchmarks/Sources/muster-bench"),

    // Build tooling: compiles Resources/ into the binary.
    .executableTarget(name: "EmbedTool"),
    .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedTool"]),

    // Tests.
    .target(
      name: "MusterTestSupport",
      dependencies: ["MusterDomain", "MusterTerminal", "MusterUI", "MusterResources"]),
    .testTarget(name: "MusterDomainTests", dependencies: ["MusterDomain"]),
    .testTarget(name: "MusterConcurrencyTests", dependencies: ["MusterConcurrency"]),
    .testTarget(
      name: "MusterExportTests",
      dependencies: [
        "MusterExport", "MusterDomain", "MusterImport", "MusterStore", "MusterResources",
        "MusterTestSupport",
      ],
      exclude: ["Golden"]),
    .testTarget(name: "MusterTerminalTests", dependencies: ["MusterTerminal"]),
    .testTarget(name: "MusterCursesTests", dependencies: ["MusterCurses", "MusterTerminal"]),
    .testTarget(
      name: "MusterStoreTests",
      dependencies: [
        "MusterStore", "MusterDomain", "MusterImport", "MusterExport", "MusterResources",
        "MusterTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "MusterImportTests",
      dependencies: [
        "MusterImport", "MusterExport", "MusterDomain", "MusterResources", "MusterTestSupport",
        .product(name: "CSV", package: "CSV.swift"),
      ]),
    .testTarget(
      name: "MusterUITests",
      dependencies: [
        "MusterUI", "MusterDomain", "MusterTerminal", "MusterTestSupport", "MusterStore",
        "MusterImport", "MusterResources",
      ],
      exclude: ["Screens"]),
    .testTarget(
      name: "MusterEndToEndTests",
      dependencies: ["muster", "MusterTestSupport", "MusterResources"]),
  ],
  swiftLanguageModes: [.v6]
)
