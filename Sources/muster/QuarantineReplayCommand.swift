internal import ArgumentParser
internal import Foundation
internal import Logging
internal import MusterCore
internal import MusterPipeline
internal import MusterStages

/// `muster quarantine replay`: after a fix to pipeline.json (a rule relaxed, a synonym
/// added), sends the quarantined records of a run back through the pipeline from the stage
/// after ingest, and checks the books: replayed = accepted + still quarantined.
///
/// The records are the source records the quarantine stored (its `raw` column), written as
/// a checkpoint under `<work>/replays/` and run as `muster run --from <stage> --input FILE`
/// would. Old quarantine rows are kept as history: `muster quarantine` shows each with what
/// the replay made of it (`→ accepted in run …`). Records ingest could not read
/// (`malformed-record`) are not replayed: they need their source file fixed and a full run.
struct QuarantineReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run the quarantined records of the newest run (or --run ID) through the pipeline after a fix.",
        discussion: "Exit codes as for `muster run`; 5 also when replayed ≠ accepted + still quarantined."
    )

    @OptionGroup var options: PipelineOptions

    @Option(name: .customLong("run"), help: "The run whose quarantine to replay (default: the newest run).")
    var runID: String?

    @Option(help: "Only records of this source id.")
    var source: String?

    @Option(help: "Only records that broke this rule id.")
    var rule: String?

    @Option(name: .customLong("log-format"), help: "Log lines as text or json.")
    var logFormat: LogFormat = .text

    func run() throws {
        LogSetup.bootstrap(verbose: options.verbose, format: logFormat)
        do {
            let (configuration, importers, stages) = try options.load()
            let store = try QuarantineStore(path: try ExportStage.registryPath(in: configuration))
            let (run, entries) = try store.entries(.init(runID: runID, sourceID: source, rule: rule))
            guard let run else { throw MusterError(.usage, "the registry has no run yet; nothing to replay") }
            let waiting = entries.filter { $0.later == nil }
            let replayable = waiting.filter { !$0.isUnreadable }
            let unreadable = waiting.count - replayable.count
            guard !replayable.isEmpty else {
                print(
                    "run \(run): nothing to replay (\(entries.count) quarantined, \(entries.count - waiting.count) already taken up by a later run, \(unreadable) unreadable by their importer)"
                )
                return
            }
            guard let start = configuration.stages.firstIndex(where: { $0.type == "normalize" }) ?? (configuration.stages.count > 1 ? 1 : nil) else {
                throw MusterError(.usage, "the pipeline has no stage after ingest to replay into")
            }
            let input = try writeCheckpoint(replayable, run: run, workDirectory: RunStore(configuration: configuration).root)
            let runner = PipelineRunner(configuration: configuration, importers: importers, stages: stages, logger: Logger(label: "muster"))
            let manifest = try runner.run(RunRequest(from: configuration.stages[start].name, inputFile: input))
            let directory = runner.store.directory(of: manifest.runID)
            try ReportEnrichment.addRegistryFacts(runDirectory: directory, registry: store.path)
            print(RunSummary(manifest: manifest, runDirectory: directory).text)
            let books = manifest.reconciliation ?? Reconciliation()
            let balanced = books.recordsIn == replayable.count && books.balanced
            print(
                "replay of run \(run): \(replayable.count) replayed = \(books.accepted) accepted + \(books.quarantined) still quarantined (\(balanced ? "balanced" : "NOT BALANCED"))"
                    + (unreadable > 0 ? "; \(unreadable) unreadable records not replayed (fix the source file and run again)" : ""))
            guard balanced else { throw ExitStatus.unbalanced.exitCode }
            let status = ExitStatus(manifest.status)
            if status != .ok { throw status.exitCode }
        } catch {
            throw reportFailure(error, verbose: options.verbose)
        }
    }

    /// The quarantined source records as a checkpoint of fresh records (no canonical values,
    /// no reasons), so the pipeline judges them anew.
    private func writeCheckpoint(_ entries: [QuarantineEntry], run: String, workDirectory: String) throws -> String {
        let folder = workDirectory + "/replays"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var writer = JSONWriter(capacity: 1 << 16)
        for entry in entries {
            RecordCodec.encode(Record(source: try entry.sourceRecord()), into: &writer)
        }
        let path = folder + "/quarantine-of-\(run).ndjson"
        try Data(writer.bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
