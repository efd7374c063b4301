import Foundation
import MusterCore
import MusterTesting

@testable import MusterGenerator

/// A generated folder in a temporary directory, with its summary and truth, for tests.
struct GeneratedFolder {
    let directory: TemporaryDirectory
    let summary: GenerationSummary
    let truth: Truth

    init(people: Int, seed: UInt64 = 7, invalidShare: Double = 0.03) throws {
        directory = try TemporaryDirectory("muster-generate")
        summary = try Generator(Generator.Configuration(people: people, seed: seed, invalidShare: invalidShare)).generate(into: directory.path)
        truth = try Truth.load(directory.path + "/truth.csv")
    }

    var path: String { directory.path }

    /// Every file below the folder (relative paths, sorted), pipeline.json and truth.csv included.
    func files() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue { files.append(next) }
        }
        return files.sorted()
    }

    func sourceFile(_ relative: String) -> SourceFile {
        SourceFile(path: relative, absolutePath: path + "/" + relative)
    }
}
