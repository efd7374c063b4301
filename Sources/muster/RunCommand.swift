internal import ArgumentParser
internal import Foundation
internal import Logging
internal import MusterCore
internal import MusterPipeline
internal import MusterStages

/// `muster run`: the whole pipeline, one stage alone, or a range of stages.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pipeline, one stage (--stage), or a range (--from/--to), and print the run's books.",
        discussion: """
            A stage run alone or a run started --from a stage reads the previous stage's checkpoint \
            from the newest run that has it, or from --run ID, or from --input FILE.
            Every run writes report.json and report.html beside its checkpoints. On a terminal, progress \
            (records and rate per stage) is shown on standard error; elsewhere only log lines (--log-format text|json).
            Exit codes: 0 ok · 1 failed · 2 pipeline.json invalid · 3 locked · 4 quarantine over threshold · 5 unbalanced.
            """
    )

    @OptionGroup var options: PipelineOptions

    @Option(help: "Run only this stage.")
    var stage: String?

    @Option(help: "Start at this stage, reading the previous stage's checkpoint.")
    var from: String?

    @Option(help: "Stop after this stage.")
    var to: String?

    @Option(name: .customLong("run"), help: "Read the input checkpoint from this run.")
    var inputRun: String?

    @Option(name: .customLong("input"), help: "Read the input from this checkpoint file (NDJSON of records).")
    var inputFile: String?

    @Option(name: .customLong("log-format"), help: "Log lines on standard error as text or json (one object per line).")
    var logFormat: LogFormat = .text

    @Flag(help: "No progress line, even on a terminal.")
    var noProgress = false

    func run() throws {
        LogSetup.bootstrap(verbose: options.verbose, format: logFormat)
        do {
            let (configuration, importers, stages) = try options.load()
            let runner = PipelineRunner(configuration: configuration, importers: importers, stages: stages, logger: Logger(label: "muster"))
            let request = RunRequest(stage: stage, from: from, to: to, inputRun: inputRun, inputFile: inputFile)
            if !noProgress { ProgressLine.shared.start(runner.progress) }
            let manifest: RunManifest
            do {
                defer { ProgressLine.shared.stop() }
                manifest = try runner.run(request)
            }
            let directory = runner.store.directory(of: manifest.runID)
            do {
                try ReportEnrichment.addRegistryFacts(runDirectory: directory, registry: try ExportStage.registryPath(in: configuration))
            } catch {
                Logger(label: "muster").warning("the report's new participant ids could not be read from the registry: \(error)")
            }
            print(RunSummary(manifest: manifest, runDirectory: directory).text)
            print("report: \(directory)/\(ReportWriter.htmlName)")
            let status = ExitStatus(manifest.status)
            if status != .ok { throw status.exitCode }
        } catch {
            throw reportFailure(error, verbose: options.verbose)
        }
    }
}
