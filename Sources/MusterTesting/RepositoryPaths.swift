internal import Foundation
public import MusterCore

/// Finds the repository's folders from the test sources' own location, since SwiftPM
/// resources must live inside a target and `samples/` is shared by all of them.
public enum RepositoryPaths {
    /// The repository root (the folder holding Package.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    public static var samples: String { root + "/samples" }

    /// The conformance corpora vendored under `Tests/Fixtures/corpora` (their sources and
    /// licences are in its README.md): part of every clone, so the tests reading them
    /// always run.
    public static var corpora: String { root + "/Tests/Fixtures/corpora" }

    /// A sample file as the importers see it: relative path for provenance, absolute to open.
    public static func sampleFile(_ relative: String) -> SourceFile {
        SourceFile(path: "samples/" + relative, absolutePath: samples + "/" + relative)
    }
}
