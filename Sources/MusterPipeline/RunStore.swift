internal import Foundation
public import MusterCore

/// The work directory's run folders: `<work>/runs/<run-id>/` with checkpoints and a manifest.
public struct RunStore: Sendable {
    /// The work directory (absolute).
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public init(configuration: PipelineConfiguration) {
        self.root = configuration.resolve(configuration.workDirectory)
    }

    public var runsDirectory: String { root + "/runs" }
    public var lockPath: String { root + "/lock" }

    public func directory(of runID: String) -> String { runsDirectory + "/" + runID }

    /// Checkpoint file name for the stage at `index` (0-based) named `name`: `02-normalize.ndjson`.
    public static func checkpointName(index: Int, name: String) -> String {
        (index < 9 ? "0" : "") + "\(index + 1)-\(name).ndjson"
    }

    /// Run ids, newest first.
    public func runIDs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: runsDirectory)) ?? [])
            .filter { !$0.hasPrefix(".") }
            .sorted(by: >)
    }

    public func manifest(of runID: String) throws -> RunManifest {
        let path = directory(of: runID) + "/manifest.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MusterError(.usage, "no run \"\(runID)\" in \(runsDirectory)")
        }
        do {
            return try JSONDecoder().decode(RunManifest.self, from: data)
        } catch {
            throw MusterError(.invalidCheckpoint, "the run manifest cannot be read", location: path, underlying: error)
        }
    }

    func save(_ manifest: RunManifest) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let path = directory(of: manifest.runID) + "/manifest.json"
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: path + ".tmp"))
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: path + ".tmp", toPath: path)
    }

    /// The completed checkpoint of stage `name` at `index`: from `runID` if given, else from
    /// the newest run that completed it.
    public func checkpoint(index: Int, name: String, runID: String?) throws -> (runID: String, path: String) {
        let file = Self.checkpointName(index: index, name: name)
        let candidates = runID.map { [$0] } ?? runIDs()
        for candidate in candidates {
            let path = directory(of: candidate) + "/" + file
            if FileManager.default.fileExists(atPath: path) { return (candidate, path) }
        }
        if let runID {
            throw MusterError(.usage, "run \(runID) has no completed checkpoint \(file); `muster runs` lists what each run holds")
        }
        throw MusterError(.usage, "no run has a completed checkpoint \(file) yet; run up to \"\(name)\" first (muster run --to \(name))")
    }
}
