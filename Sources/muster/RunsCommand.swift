internal import ArgumentParser
internal import MusterCore
internal import MusterPipeline

/// `muster runs`: the run history of the work directory, newest first.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "runs", abstract: "List past runs, newest first, with their status and books.")

    @OptionGroup var options: PipelineOptions

    @Option(help: "Show at most this many runs.")
    var limit = 20

    func run() throws {
        do {
            let configuration = try PipelineConfiguration.load(file: options.pipeline)
            let store = RunStore(configuration: configuration)
            let ids = store.runIDs()
            if ids.isEmpty { print("no runs yet in \(store.runsDirectory)") }
            for id in ids.prefix(limit) {
                guard let manifest = try? store.manifest(of: id) else {
                    print("\(id)  (no readable manifest)")
                    continue
                }
                let books = manifest.reconciliation.map { "\($0.recordsIn) in, \($0.accepted) accepted, \($0.quarantined) quarantined" } ?? "-"
                let stages = manifest.stages.map(\.name).joined(separator: ",")
                print("\(id)  \(manifest.status.rawValue)  \(manifest.mode)  [\(stages)]  \(books)")
            }
        } catch {
            throw reportFailure(error, verbose: options.verbose)
        }
    }
}
