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
        .library(name: "ContentHash", targets: ["ContentHash"]),
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
            name: "CLibZstd",
            path: "Sources/CLibZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            path: "Sources/CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),

        // The shared contracts: records, Importer, Stage, configuration, errors. No C library.
        .target(
            name: "MusterCore",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        // Record content hashes (SHA-256 over libcrypto) and the provenance helper that uses them.
        .target(
            name: "ContentHash",
            dependencies: ["MusterCore", "CLibCrypto"],
            swiftSettings: strictSettings
        ),

        // Importers: one module each: MusterCore, ContentHash where they hash content, their own
        // C library, and swift-log where they log; nothing else.
        .target(
            name: "XMLNewsImporter",
            dependencies: ["MusterCore", "ContentHash", "CLibXML2", .product(name: "Logging", package: "swift-log")],
            path: "Plugins/XMLNewsImporter",
            swiftSettings: strictSettings
        ),
        .target(
            name: "CSVSignupImporter",
            dependencies: ["MusterCore", "ContentHash", "CLibCSV"],
            path: "Plugins/CSVSignupImporter",
            swiftSettings: strictSettings
        ),
        .target(
            name: "JSONExportImporter",
            dependencies: ["MusterCore", "ContentHash"],
            path: "Plugins/JSONExportImporter",
            swiftSettings: strictSettings
        ),
        .target(
            name: "ExecImporter",
            dependencies: ["MusterCore", "ContentHash", .product(name: "Logging", package: "swift-log")],
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
        // The runner; checkpoints are zstd-compressed (libzstd, wrapped in Zstd.swift alone).
        .target(
            name: "MusterPipeline",
            dependencies: ["MusterCore", "CLibZstd", .product(name: "Logging", package: "swift-log")],
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
                "MusterCore", "ContentHash", "MusterPipeline", "MusterStages", "MusterGenerator",
                "XMLNewsImporter", "CSVSignupImporter", "JSONExportImporter",
            ],
            swiftSettings: strictSettings,
            linkerSettings: fastAllocator
        ),

        .testTarget(name: "MusterCoreTests", dependencies: ["MusterCore", "MusterTesting"], swiftSettings: strictSettings),
        .testTarget(name: "ContentHashTests", dependencies: ["ContentHash", "MusterCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "MusterPipelineTests",
            dependencies: ["MusterCore", "ContentHash", "MusterPipeline", "MusterStages", "MusterTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MusterStagesTests",
            dependencies: ["MusterCore", "ContentHash", "MusterStages", "MusterTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "XMLNewsImporterTests", dependencies: ["MusterCore", "MusterTesting", "XMLNewsImporter"], swiftSettings: strictSettings),
        .testTarget(
            name: "CSVSignupImporterTests", dependencies: ["MusterCore", "ContentHash", "MusterTesting", "CSVSignupImporter"], swiftSettings: strictSettings),
        .testTarget(
            name: "ExecImporterTests",
            dependencies: ["MusterCore", "ContentHash", "MusterTesting", "ExecImporter", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MusterGeneratorTests",
            dependencies: [
                "MusterCore", "MusterGenerator", "MusterTesting", "MusterStages", "CSVSignupImporter", "JSONExportImporter", "XMLNewsImporter",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JSONExportImporterTests", dependencies: ["MusterCore", "ContentHash", "MusterTesting", "JSONExportImporter"], swiftSettings: strictSettings),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["MusterCore", "MusterTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
    ]
)
