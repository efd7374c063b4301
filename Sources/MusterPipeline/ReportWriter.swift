internal import Foundation
internal import MusterCore

/// Writes a run's `report.json` and `report.html` into its folder. A report that cannot be
/// written never fails the run: the runner logs a warning and goes on.
public enum ReportWriter {
    public static let jsonName = "report.json"
    public static let htmlName = "report.html"

    /// Builds the report of `manifest` from its last completed checkpoint in `directory`.
    public static func write(_ manifest: RunManifest, directory: String) throws {
        try write(try ReportBuilder.build(manifest: manifest, directory: directory), directory: directory)
    }

    public static func write(_ report: RunReport, directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(report).write(to: URL(fileURLWithPath: directory + "/" + jsonName), options: .atomic)
        try Data(ReportHTML.render(report).utf8).write(to: URL(fileURLWithPath: directory + "/" + htmlName), options: .atomic)
    }

    public static func read(directory: String) throws -> RunReport {
        let path = directory + "/" + jsonName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MusterError(.usage, "the run has no report", location: path)
        }
        return try JSONDecoder().decode(RunReport.self, from: data)
    }
}
