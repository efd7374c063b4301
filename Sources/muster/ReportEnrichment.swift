internal import Foundation
internal import MusterPipeline
internal import MusterStages

/// Adds to a run's report what only the registry knows (new participant ids) — the runner
/// writes the report without the registry, the command line has it.
enum ReportEnrichment {
    static func addRegistryFacts(runDirectory: String, registry: String) throws {
        guard FileManager.default.fileExists(atPath: runDirectory + "/" + ReportWriter.jsonName) else { return }
        var report = try ReportWriter.read(directory: runDirectory)
        guard report.stages.contains(where: { $0.type == "export" }), report.status != "unbalanced" else { return }
        report.participants.new = try RegistryFacts(path: registry).newParticipants(runID: report.runID)
        report.notes.removeAll { $0.hasPrefix("new participant ids come from the registry") }
        try ReportWriter.write(report, directory: runDirectory)
    }
}
