internal import ArgumentParser
internal import Foundation
internal import MusterCore
internal import MusterStages

/// `muster quarantine`: what the registry's quarantine holds, by run, source, rule and
/// file; `replay` sends it back through the pipeline after a fix.
struct QuarantineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine",
        abstract: "List and count quarantined records (newest run by default), or replay them after a fix.",
        subcommands: [QuarantineListCommand.self, QuarantineReplayCommand.self],
        defaultSubcommand: QuarantineListCommand.self
    )
}

/// `muster quarantine [list]`.
struct QuarantineListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List quarantined records with their reasons and positions (values masked unless --show-pii).",
        discussion: """
            The registry is the export stage's `registry` option of pipeline.json. A row a later run accepted \
            or quarantined again says so (`→ accepted in run …`).
            """
    )

    @OptionGroup var options: PipelineOptions

    @Option(name: .customLong("run"), help: "The run whose quarantine to show (default: the newest run).")
    var runID: String?

    @Flag(help: "Every run's quarantine.")
    var all = false

    @Option(help: "Only records of this source id.")
    var source: String?

    @Option(help: "Only records that broke this rule id.")
    var rule: String?

    @Option(help: "Only records whose file path contains this text.")
    var file: String?

    @Flag(help: "Count by rule instead of listing records.")
    var count = false

    @Option(help: "List at most this many records.")
    var limit = 100

    @Flag(help: "Show names, NIK, phones and emails unmasked.")
    var showPii = false

    func run() throws {
        do {
            let store = try QuarantineStore(path: try ExportStage.registryPath(in: PipelineConfiguration.load(file: options.pipeline)))
            let filter = QuarantineStore.Filter(runID: runID, allRuns: all, sourceID: source, rule: rule, file: file)
            let (run, entries) = try store.entries(filter)
            print(all ? "quarantine of every run" : "quarantine of run \(run ?? "-")")
            if count {
                print(QuarantinePrinter.counts(entries))
            } else {
                for entry in entries.prefix(limit) { print(QuarantinePrinter.text(entry, showPII: showPii)) }
            }
            print(
                "\(entries.count) records" + (count || entries.count <= limit ? "" : ", \(limit) shown")
                    + (showPii ? "" : "; personal data masked (--show-pii to reveal)"))
        } catch {
            throw reportFailure(error, verbose: options.verbose)
        }
    }
}
