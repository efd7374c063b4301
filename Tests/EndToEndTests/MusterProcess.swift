import Foundation
import MusterTesting

/// Runs the built `muster` executable the way an operator or scheduler does, in a copy of
/// the repository's pipeline.json and samples/, so tests see real exit codes and output.
struct MusterProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable built beside the test bundle.
    static let executable: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("muster").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return RepositoryPaths.root + "/.build/debug/muster"
    }()

    let workspace: TemporaryDirectory

    /// A fresh workspace holding pipeline.json and samples/ as in the repository.
    init() throws {
        workspace = try TemporaryDirectory("muster-e2e")
        try FileManager.default.copyItem(atPath: RepositoryPaths.root + "/pipeline.json", toPath: workspace.path + "/pipeline.json")
        try FileManager.default.copyItem(atPath: RepositoryPaths.samples, toPath: workspace.path + "/samples")
    }

    var registry: String { workspace.path + "/.muster/registry.sqlite" }

    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    func run(_ arguments: [String], executable: String = Self.executable) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: workspace.path)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func edit(_ file: String, _ change: (String) -> String) throws {
        let path = workspace.path + "/" + file
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }
}
