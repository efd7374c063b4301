internal import Foundation
public import Logging
public import MusterCore

/// Runs the stages of a pipeline in declared order — all of them, one alone, or a range —
/// passing records in batches, saving each stage's output as a checkpoint, and closing
/// every run with its books: a run whose records in do not equal records accepted plus
/// quarantined fails.
public struct PipelineRunner {
    public let configuration: PipelineConfiguration
    public let importers: ImporterRegistry
    public let stages: StageRegistry
    public var logger: Logger
    /// Where the running run's stages have got, for a progress display.
    public let progress: RunProgress

    public init(
        configuration: PipelineConfiguration, importers: ImporterRegistry, stages: StageRegistry,
        logger: Logger = Logger(label: "muster.run"), progress: RunProgress = RunProgress()
    ) {
        self.configuration = configuration
        self.importers = importers
        self.stages = stages
        self.logger = logger
        self.progress = progress
    }

    public var store: RunStore { RunStore(configuration: configuration) }

    /// Runs what `request` asks for and returns the run's manifest, also saved in its folder.
    ///
    /// Everything that can refuse a run happens before its folder exists: the request, the
    /// sources and stages built from pipeline.json, every lock the stages need, and the input
    /// checkpoint's integrity. Those throw, and nothing has run. A failure inside the run is
    /// reported in the manifest's status and problems instead.
    public func run(_ request: RunRequest) throws -> RunManifest {
        let range = try stageRange(request)
        let types = try range.map { try stages.type(for: configuration.stages[$0], file: configuration.file) }
        let store = store
        let runID = RunID.make()
        let lock = try RunLock(path: store.lockPath, runID: runID)
        defer { lock.release() }
        let diagnostics = Diagnostics()
        if let note = lock.takeOverNote {
            logger.warning("\(note)")
            diagnostics.warning(note, stage: "run")
        }
        let input = try inputCheckpoint(for: range, types: types, request: request)
        let sources = types.contains { $0.descriptor.input == .sources } ? try resolveSources() : []
        let built = try buildStages(range: range, types: types, runID: runID, sources: sources, diagnostics: diagnostics)
        for stage in built { try stage.prepare() }

        let directory = store.directory(of: runID)
        var manifest = RunManifest(
            runID: runID, pipeline: configuration.file, startedAt: Self.timestamp(), finishedAt: nil,
            status: .running, mode: request.mode, stages: [], reconciliation: nil, diagnostics: [], problems: []
        )
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try store.save(manifest)
        } catch {
            throw abandon(directory, after: StorageError.write(error, path: directory, what: "the run folder"))
        }
        logger.info("run \(runID) started: \(request.mode)")

        let accounts = Accounts()
        var drivers: [StageDriver] = []
        var diskFull: (any Error)?
        do {
            drivers = try wire(built, range: range, directory: directory, accounts: accounts)
            guard let first = drivers.first else { throw MusterError(.usage, "no stage to run") }
            if let input {
                first.input = input.description
                try CheckpointReader(path: input.path, batchSize: batchSize).forEachBatch { try first.push($0) }
            }
            try first.finish()
        } catch let error as MusterError where error.code == .unbalanced && error.location?.hasPrefix("stage ") == true {
            // Reported by judge() from the stage's own books.
        } catch {
            if StorageError.isDiskFull(error) { diskFull = error }
            manifest.problems.append("\(error)")
        }

        drivers.first?.settle()
        // A full disk leaves nothing worth keeping: the stages before export stopped, export
        // rolled back, and the half-written run folder would only take space the next run needs.
        if let diskFull { throw abandon(directory, after: diskFull) }
        manifest.stages = drivers.map(\.report)
        manifest.reconciliation = accounts.reconciliation
        manifest.diagnostics = diagnostics.all
        manifest.finishedAt = Self.timestamp()
        manifest.status = judge(&manifest, drivers: drivers, accounts: accounts, exported: types.contains { $0.descriptor.writesRegistry })
        let pruned = store.prune(keep: configuration.keepRuns, current: runID)
        if !pruned.isEmpty {
            manifest.prunedRuns = pruned
            logger.info("pruned \(pruned.count) older run folders (keepRuns \(configuration.keepRuns))")
        }
        do {
            try store.save(manifest)
        } catch {
            throw abandon(directory, after: error)
        }
        do {
            if let last = manifest.stages.last, last.checkpoint.map({ FileManager.default.fileExists(atPath: directory + "/" + $0) }) ?? true,
                manifest.problems.isEmpty
            {
                try ReportWriter.write(accounts.report.finish(manifest: manifest), directory: directory)
            } else {
                try ReportWriter.write(manifest, directory: directory)
            }
        } catch {
            // The manifest is saved and the registry committed: the run stands without its report.
            logger.warning("run \(runID): the report could not be written: \(StorageError.reason(error))")
        }
        logger.info("run \(runID) finished: \(manifest.status.rawValue)")
        return manifest
    }

    /// Removes the folder of a run that cannot go on and returns the error to throw: one line
    /// naming the path and the reason, the original error kept as its cause.
    private func abandon(_ directory: String, after error: any Error) -> MusterError {
        try? FileManager.default.removeItem(atPath: directory)
        let stopped = (error as? MusterError) ?? StorageError.write(error, path: directory, what: "the run")
        logger.error("run \((directory as NSString).lastPathComponent) stopped, its folder removed: \(stopped)")
        return stopped
    }

    /// Decides how the run ended, adding a line to `problems` for each reason it is not ok.
    ///
    /// A stage that failed leaves the books of the stages before it open (they emitted
    /// records nobody finished), so after a stage error only that error is reported.
    private func judge(_ manifest: inout RunManifest, drivers: [StageDriver], accounts: Accounts, exported: Bool) -> RunManifest.Status {
        guard manifest.problems.isEmpty else {
            for entry in manifest.diagnostics where entry.severity == .error { manifest.problems.append(entry.message) }
            return .failed
        }
        var unbalanced = false
        for driver in drivers where !driver.balanced {
            unbalanced = true
            manifest.problems.append(driver.imbalance)
        }
        if exported && accounts.unregistered > 0 {
            unbalanced = true
            manifest.problems.append("\(accounts.unregistered) accepted records have no registry id after export")
        }
        if !unbalanced, manifest.problems.isEmpty, let first = drivers.first, accounts.reconciliation.recordsIn != first.recordsIn {
            unbalanced = true
            manifest.problems.append("\(first.recordsIn) records entered the run but \(accounts.reconciliation.recordsIn) left it")
        }
        let failed = !manifest.problems.isEmpty || manifest.diagnostics.contains { $0.severity == .error }
        for entry in manifest.diagnostics where entry.severity == .error { manifest.problems.append(entry.message) }
        let overThreshold = thresholdProblems(accounts.reconciliation)
        manifest.problems += overThreshold
        if unbalanced { return .unbalanced }
        if failed { return .failed }
        return overThreshold.isEmpty ? .ok : .overThreshold
    }

    private func thresholdProblems(_ books: Reconciliation) -> [String] {
        var problems: [String] = []
        if books.quarantinedShare > configuration.maxQuarantinedShare {
            problems.append(
                "quarantined \(Self.percent(books.quarantinedShare)) of all records, over the limit of \(Self.percent(configuration.maxQuarantinedShare))")
        }
        for source in configuration.sources {
            guard let limit = source.maxQuarantinedShare, let share = books.bySource[source.id]?.quarantinedShare, share > limit else { continue }
            problems.append("source \(source.id): quarantined \(Self.percent(share)) of its records, over its limit of \(Self.percent(limit))")
        }
        return problems
    }

    private var batchSize: Int { 512 }

    private func stageRange(_ request: RunRequest) throws -> ClosedRange<Int> {
        func index(_ name: String) throws -> Int {
            do {
                return try configuration.stageIndex(named: name)
            } catch {
                throw MusterError(.usage, error.message)
            }
        }
        if let stage = request.stage {
            guard request.from == nil, request.to == nil else { throw MusterError(.usage, "--stage runs one stage; it cannot be combined with --from or --to") }
            let single = try index(stage)
            return single...single
        }
        let start = try request.from.map(index) ?? 0
        let end = try request.to.map(index) ?? configuration.stages.count - 1
        guard start <= end else { throw MusterError(.usage, "--from \(request.from ?? "") comes after --to \(request.to ?? "") in the pipeline") }
        return start...end
    }

    private func inputCheckpoint(for range: ClosedRange<Int>, types: [any Stage.Type], request: RunRequest) throws -> (path: String, description: String)? {
        guard let firstType = types.first, firstType.descriptor.input == .records else {
            if request.inputFile != nil || request.inputRun != nil {
                throw MusterError(.usage, "stage \(configuration.stages[range.lowerBound].name) reads the sources; --input and --run do not apply")
            }
            return nil
        }
        if let file = request.inputFile {
            guard FileManager.default.fileExists(atPath: file) else { throw MusterError(.usage, "no checkpoint file \(file)") }
            return (file, file)
        }
        guard range.lowerBound > 0 else {
            throw MusterError(.usage, "stage \(configuration.stages[0].name) is first in the pipeline but reads records; give --input FILE")
        }
        let previous = configuration.stages[range.lowerBound - 1]
        let found = try store.checkpoint(index: range.lowerBound - 1, name: previous.name, runID: request.inputRun)
        try store.verify(checkpoint: found.path, runID: found.runID)
        return (found.path, "run \(found.runID), \(RunStore.checkpointName(index: range.lowerBound - 1, name: previous.name))")
    }

    private func resolveSources() throws -> [ResolvedSource] {
        let decoder = ConfigDecoder(file: configuration.file)
        return try configuration.sources.map { source in
            let importer = try importers.build(source, decoder: decoder)
            let files = FileGlob.expand(source.files, base: configuration.baseDirectory)
                .map { SourceFile(path: $0.relative, absolutePath: $0.absolute) }
            return ResolvedSource(configuration: source, importer: importer, files: files)
        }
    }

    /// Builds the stages of `range` from their options, in order.
    private func buildStages(
        range: ClosedRange<Int>, types: [any Stage.Type], runID: String, sources: [ResolvedSource], diagnostics: Diagnostics
    ) throws -> [any Stage] {
        let decoder = ConfigDecoder(file: configuration.file)
        return try zip(range, types).map { index, type in
            let entry = configuration.stages[index]
            let context = StageContext(
                runID: runID, stageName: entry.name, configuration: configuration, sources: sources,
                batchSize: batchSize, diagnostics: diagnostics, logger: logger
            )
            return try type.build(options: entry.options, at: ConfigPath.append("options", to: entry.path), decoder: decoder, context: context)
        }
    }

    /// Connects the built stages into a chain of drivers, each with its checkpoint writer.
    ///
    /// A streaming stage whose input is the previous stage's checkpoint of this run stores
    /// patches over it; the first stage of the run and one that holds all records store whole
    /// records.
    private func wire(_ built: [any Stage], range: ClosedRange<Int>, directory: String, accounts: Accounts) throws -> [StageDriver] {
        progress.begin(range.map { configuration.stages[$0].name })
        var next: StageDriver?
        var drivers: [StageDriver] = []
        for (offset, (stage, index)) in zip(built, range).enumerated().reversed() {
            let entry = configuration.stages[index]
            let descriptor = type(of: stage).descriptor
            // The registry writer's output is the registry: no checkpoint repeats it. It gets
            // a thread of its own instead (see StageLane).
            let writesRegistry = descriptor.writesRegistry
            let previousHasCheckpoint = offset > 0 && !type(of: built[offset - 1]).descriptor.writesRegistry
            let base =
                previousHasCheckpoint && !descriptor.holdsAllRecords
                ? RunStore.checkpointName(index: index - 1, name: configuration.stages[index - 1].name) : nil
            let writer =
                writesRegistry ? nil : try CheckpointWriter(path: directory + "/" + RunStore.checkpointName(index: index, name: entry.name), base: base)
            let lane = writesRegistry ? StageLane(name: entry.name) : nil
            let driver = StageDriver(
                index: index, configuration: entry, stage: stage, writer: writer, next: next, lane: lane,
                progress: (progress, offset), sink: accounts.count
            )
            drivers.insert(driver, at: 0)
            next = driver
        }
        return drivers
    }

    private static func timestamp() -> String { ISO8601DateFormatter().string(from: Date()) }

    static func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        return "\(value)%"
    }
}

/// The books at the end of the run: every record that left the last stage.
final class Accounts {
    private(set) var reconciliation = Reconciliation()
    private(set) var unregistered = 0
    /// The run report, built from the same records as they leave the last stage.
    var report = ReportBuilder()

    func count(_ record: Record) {
        reconciliation.count(record)
        report.add(record)
        if !record.isQuarantined && record.registryID == nil { unregistered += 1 }
    }
}
