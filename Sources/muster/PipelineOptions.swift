internal import ArgumentParser
internal import Foundation
internal import MusterCore

/// The options every command that reads pipeline.json shares.
struct PipelineOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "The pipeline file.")
    var pipeline = "pipeline.json"

    @Flag(name: .shortAndLong, help: "Print detailed errors and debug logs.")
    var verbose = false

    /// Loads and fully checks the pipeline against the built-in importers and stages.
    func load() throws -> (PipelineConfiguration, ImporterRegistry, StageRegistry) {
        let configuration = try PipelineConfiguration.load(file: pipeline)
        let importers = try BuiltIns.importerRegistry()
        let stages = try BuiltIns.stageRegistry()
        try configuration.check(importers: importers, stages: stages)
        return (configuration, importers, stages)
    }
}

/// Prints an error the way operators read it and turns it into the documented exit code.
func reportFailure(_ error: any Error, verbose: Bool) -> ExitCode {
    if let error = error as? ExitCode { return error }
    let text: String
    switch error {
    case let error as MusterError: text = verbose ? error.detailedDescription() : error.description
    default: text = "\(error)"
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        FileHandle.standardError.write(Data("muster: error: \(line)\n".utf8))
    }
    return ExitStatus(error).exitCode
}
