internal import ArgumentParser
internal import MusterCore

/// `muster check`: validates pipeline.json without running anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check pipeline.json: every key, importer, stage and option. Exit 2 when invalid."
    )

    @OptionGroup var options: PipelineOptions

    func run() throws {
        do {
            let (configuration, importers, _) = try options.load()
            print("\(configuration.file): ok — \(configuration.sources.count) sources, \(configuration.stages.count) stages")
            let decoder = ConfigDecoder(file: configuration.file)
            for source in configuration.sources {
                _ = try importers.build(source, decoder: decoder)
                print("  source \(source.id) (\(source.importer)): \(source.files.joined(separator: ", "))")
            }
            print("  stages: " + configuration.stages.map { $0.name == $0.type ? $0.name : "\($0.name) (\($0.type))" }.joined(separator: " → "))
        } catch {
            throw reportFailure(error, verbose: options.verbose)
        }
    }
}
