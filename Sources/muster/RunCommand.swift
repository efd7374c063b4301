internal import ArgumentParser
internal import Foundation
internal import Logging
internal import MusterCore
internal import MusterPipeline

/// `muster run`: the whole pipeline, one stage alone, or a range of stages.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pipeline, one stage (--stage), or a range (--from/--to), and print the run's books.",
        discussion: """
            A stage run alone or a run started --from a stage reads the previous stage's checkpoint \
            from the newest run that has it, or from --run ID, or from --input FILE.
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

    func run() throws {
        LogSetup.bootstrap(verbose: options.verbose)
        do {
            let (configuration, importers, stages) = try options.load()
            let runner = PipelineRunner(configuration: configuration, importers: importers, stages: stages, logger: Logger(label: "muster"))
            let request = RunRequest(stage: stage, from: from, to: to, inputRun: inputRun, inputFile: inputFile)
            let manifest = try runner.run(request)
            print(RunSummary(manifest: manifest, runDirectory: runner.store.directory(of: manifest.runID)).text)
            let status = ExitStatus(manifest.status)
            if status != .ok { throw status.exitCode }
        } catch {
            throw reportFailure( error, verbose: options.verbose)
        }
    }
}

/// Logging goes to standard error so standard output stays the command's result.
enum LogSetup {
    static func bootstrap(verbose: Bool) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = verbose ? .debug : .notice
            return handler
        }
    }
}
