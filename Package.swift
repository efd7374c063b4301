// swift-tools-version:6.1
import PackageDescription

/// One set of compiler settings for every target: Swift 6 mode plus the upcoming
/// features that keep imports and existentials explicit.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

/// tcmalloc (gperftools) replaces glibc's malloc in the programs that run pipelines: Swift
/// allocates and frees per value, and records cross threads (made on one, freed on the
/// export lane), which glibc's per-thread arenas make slow.
let fastAllocator: [LinkerSetting] = [.linkedLibrary("tcmalloc_minimal", .when(platforms: [.linux]))]

let package = Package(
    name: "muster",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "muster", targets: ["muster"]),
        .library(name: "MusterCore", targets: ["MusterCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C libraries, wrapped once each and imported `internal` by their one user.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CLibCSV",
            path: "Sources/CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            path: "Sources/CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),

        // The shared contracts: records, Importer, Stage, configuration, errors.
        .target(
            name: "MusterCore",
            dependencies: ["CLibCrypto", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),

        // Importers: one module each, MusterCore plus their own C library only.
        .target(
            name: "XMLNewsImporter",
            dependencies: ["MusterCore", "CLibXML2"],
            path: "Plugins/XMLNewsImporter",
            swiftSettings: strictSettings
        ),
        .target(
            name: "CSVSignupImporter",
            dependencies: ["MusterCore", "CLibCSV"],
            path: "Plugins/CSVSignupImporter",
            swiftSettings: strictSettings
        ),
        .target(
            name: "JSONExportImporter",
            dependencies: ["MusterCore"],
            path: "Plugins/JSONExportImporter",
            swiftSettings: strictSettings
        ),
        .target(
            name: "ExecImporter",
            dependencies: ["MusterCore"],
            path: "Plugins/ExecImporter",
            swiftSettings: strictSettings
        ),

        // Built-in stages and the runner.
        .target(
            name: "MusterStages",
            dependencies: [
                "MusterCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API itself, for the export's hot inserts (see StatementCache).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MusterPipeline",
            dependencies: ["MusterCore"],
            swiftSettings: strictSettings
        ),
        // Synthetic sources with ground truth, and scoring a registry against it.
        .target(
            name: "MusterGenerator",
            dependencies: ["MusterCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MusterTesting",
            dependencies: ["MusterCore"],
            swiftSettings: strictSettings
        ),

        // The command line: argument parsing, the importer and stage lists, exit codes.
        .executableTarget(
            name: "muster",
            dependencies: [
                "MusterCore", "MusterPipeline", "MusterStages",
                "XMLNewsImporter", "CSVSignupImporter", "JSONExportImporter", "ExecImporter", "MusterGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings,
            linkerSettings: fastAllocator
        ),

        // Benchmarks (`make bench`): release-build timings that print the figures the issues ask for.
        .executableTarget(
            name: "muster-bench",
            dependencies: [
                "MusterCore", "MusterPipeline", "MusterStages", "MusterGenerator",
                "XMLNewsImporter", "CSVSignupImporter", "JSONExportImporter",
            ],
            swiftSettings: strictSettings,
            linkerSettings: fastAllocator
        ),

        .testTarget(name: "MusterCoreTests", dependencies: ["MusterCore", "MusterTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "MusterPipelineTests",
            dependencies: ["MusterCore", "MusterPipeline", "MusterStages", "MusterTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MusterStagesTests",
            dependencies: ["MusterCore", "MusterStages", "MusterTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "XMLNewsImporterTests", dependencies: ["MusterCore", "MusterTesting", "XMLNewsImporter"], swiftSettings: strictSettings),
        .testTarget(name: "CSVSignupImporterTests", dependencies: ["MusterCore", "MusterTesting", "CSVSignupImporter"], swiftSettings: strictSettings),
        .testTarget(name: "ExecImporterTests", dependencies: ["MusterCore", "MusterTesting", "ExecImporter"], swiftSettings: strictSettings),
        .testTarget(
            name: "MusterGeneratorTests",
            dependencies: ["MusterCore", "MusterGenerator", "MusterTesting", "CSVSignupImporter", "JSONExportImporter", "XMLNewsImporter"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "JSONExportImporterTests", dependencies: ["MusterCore", "MusterTesting", "JSONExportImporter"], swiftSettings: strictSettings),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["MusterCore", "MusterTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
    ]
)
