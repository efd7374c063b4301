internal import ArgumentParser
internal import Foundation
internal import MusterCore
internal import MusterPipeline

/// `muster inspect`: the records of a checkpoint, raw beside canonical, with personal data
/// masked unless `--show-pii`.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the records of a checkpoint (default: the last stage of the newest run), filtered, PII masked."
    )

    @OptionGroup var options: PipelineOptions

    @Option(help: "The stage whose checkpoint to show (default: the last stage the run completed).")
    var stage: String?

    @Option(name: .customLong("run"), help: "The run (default: the newest run that has the checkpoint).")
    var runID: String?

    @Option(name: .customLong("input"), help: "A checkpoint file to show instead.")
    var inputFile: String?

    @Option(help: "Only records of this source id.")
    var source: String?

    @Option(help: "Only records whose key contains this text (file name, locator).")
    var key: String?

    @Option(help: "Only records of this kind: participant or programme.")
    var kind: String?

    @Flag(help: "Only quarantined records.")
    var quarantined = false

    @Flag(help: "Only records with issues.")
    var issues = false

    @Option(help: "Show at most this many records.")
    var limit = 50

    @Flag(help: "Show names, NIK, phones and emails unmasked.")
    var showPii = false

    @Flag(help: "Print records as NDJSON (masked unless --show-pii).")
    var json = false

    func run() throws {
        do {
            let path = try checkpointPath()
            var shown = 0
            var matched = 0
            print("checkpoint: \(path)")
            try CheckpointReader(path: path).forEachBatch { batch in
                for record in batch where matches(record) {
                    matched += 1
                    guard shown < limit else { continue }
                    shown += 1
                    print(json ? try RecordPrinter.json(record, showPII: showPii) : RecordPrinter.text(record, showPII: showPii))
                }
            }
            print("\(matched) records matched, \(shown) shown" + (showPii ? "" : "; personal data masked (--show-pii to reveal)"))
        } catch {
            throw reportFailure(error, verbose: options.verbose)
        }
    }

    private func matches(_ record: Record) -> Bool {
        if let source, record.source.provenance.sourceID != source { return false }
        if let key, !record.key.contains(key) { return false }
        if let kind, record.source.kind.rawValue != kind { return false }
        if quarantined && !record.isQuarantined { return false }
        if issues && (record.normalized?.issues.isEmpty ?? true) { return false }
        return true
    }

    private func checkpointPath() throws -> String {
        if let inputFile { return inputFile }
        let configuration = try PipelineConfiguration.load(file: options.pipeline)
        let store = RunStore(configuration: configuration)
        if let stage {
            let index = try configuration.stageIndex(named: stage)
            let type = try BuiltIns.stageRegistry().type(for: configuration.stages[index], file: configuration.file)
            if type.descriptor.writesRegistry {
                let before = index > 0 ? "; `muster inspect --stage \(configuration.stages[index - 1].name)` shows them as they went in" : ""
                throw MusterError(.usage, "\(stage) writes the registry and leaves no checkpoint: its records are the registry's source_records\(before)")
            }
            return try store.checkpoint(index: index, name: stage, runID: runID).path
        }
        let candidates = runID.map { [$0] } ?? store.runIDs()
        for candidate in candidates {
            if let manifest = try? store.manifest(of: candidate), let last = manifest.stages.last(where: { $0.checkpoint != nil })?.checkpoint {
                return store.directory(of: candidate) + "/" + last
            }
        }
        throw MusterError(.usage, "no run with a checkpoint yet; run `muster run` first")
    }
}
