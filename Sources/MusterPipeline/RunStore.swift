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

    /// Checkpoint file name for the stage at `index` (0-based) named `name`: `02-normalize.ndjson.zst`.
    public static func checkpointName(index: Int, name: String) -> String {
        checkpointStem(index: index, name: name) + ".ndjson.zst"
    }

    /// The names a checkpoint has had: zstd now, plain NDJSON before; runs of either are read.
    static func checkpointNames(index: Int, name: String) -> [String] {
        [checkpointName(index: index, name: name), checkpointStem(index: index, name: name) + ".ndjson"]
    }

    private static func checkpointStem(index: Int, name: String) -> String {
        (index < 9 ? "0" : "") + "\(index + 1)-\(name)"
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
        do {
            try encoder.encode(manifest).write(to: URL(fileURLWithPath: path + ".tmp"))
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: path + ".tmp", toPath: path)
        } catch {
            throw StorageError.write(error, path: path, what: "the run manifest")
        }
    }

    /// The completed checkpoint of stage `name` at `index`: from `runID` if given, else from
    /// the newest run that completed it.
    public func checkpoint(index: Int, name: String, runID: String?) throws -> (runID: String, path: String) {
        let file = Self.checkpointName(index: index, name: name)
        let candidates = runID.map { [$0] } ?? runIDs()
        for candidate in candidates {
            for name in Self.checkpointNames(index: index, name: name) {
                let path = directory(of: candidate) + "/" + name
                if FileManager.default.fileExists(atPath: path) { return (candidate, path) }
            }
        }
        if let runID {
            throw MusterError(.usage, "run \(runID) has no completed checkpoint \(file); `muster runs` lists what each run holds")
        }
        throw MusterError(.usage, "no run has a completed checkpoint \(file) yet; run up to \"\(name)\" first (muster run --to \(name))")
    }

    /// Removes the run folders beyond the newest `keep`, but never the newest run holding a
    /// completed checkpoint of each stage (so `run --stage` finds its input) nor `current`.
    /// Returns the ids removed; a folder that cannot be removed is left for the next run.
    func prune(keep: Int, current: String) -> [String] {
        let ids = runIDs()
        var kept = Set(ids.prefix(keep))
        kept.insert(current)
        var stagesSeen: Set<String> = []
        for id in ids {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory(of: id))) ?? []
            // The whole folder of a stage's newest checkpoint stays: a patch's base lives beside it.
            for file in files where file.hasSuffix(".ndjson.zst") || file.hasSuffix(".ndjson") {
                if stagesSeen.insert(Self.stageOf(checkpoint: file)).inserted { kept.insert(id) }
            }
        }
        return ids.filter { !kept.contains($0) }.filter { id in
            (try? FileManager.default.removeItem(atPath: directory(of: id))) != nil
        }
    }

    /// `02-normalize` of `02-normalize.ndjson.zst`.
    private static func stageOf(checkpoint file: String) -> String {
        String(file.prefix { $0 != "." })
    }

    /// Checks a checkpoint of run `runID`, and each checkpoint it is stored over, against the
    /// hash its run's manifest recorded: a damaged checkpoint is refused, naming the file.
    public func verify(checkpoint path: String, runID: String) throws {
        let manifest = try manifest(of: runID)
        var file: String? = path
        while let current = file {
            let name = (current as NSString).lastPathComponent
            guard let recorded = manifest.stages.first(where: { $0.checkpoint == name })?.contentHash else {
                throw MusterError(
                    .invalidCheckpoint, "run \(runID)'s manifest does not list this checkpoint; pass it with --input to read it anyway", location: current)
            }
            let actual = try Self.hash(of: current)
            guard actual == recorded else {
                throw MusterError(
                    .invalidCheckpoint,
                    "the checkpoint is damaged: its hash is \(actual) where run \(runID)'s manifest recorded \(recorded); run the stage that wrote it again, or pass the file with --input to read it as it is",
                    location: current
                )
            }
            file = try CheckpointLines(path: current).header.map { CheckpointHeader.resolve($0.base, beside: current) }
        }
    }

    /// A file's ``FastHash``, as the checkpoint writer computed it over the bytes it stored.
    static func hash(of path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MusterError(.invalidCheckpoint, "cannot open the checkpoint", location: path)
        }
        defer { try? handle.close() }
        var hasher = FastHash()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalizeHex()
    }
}
