import Foundation
import MusterCore
import MusterStages
import MusterTesting
import Testing

@testable import MusterPipeline

/// The run report from the runner's own runs: books, reasons, warnings, clusters, splits,
/// and an HTML page that carries exactly report.json's figures.
@Suite struct ReportTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory("muster-report")
        // Siti is in both files with one phone; "Ani" has no phone; line 3 is unreadable; <b> is a name with markup.
        try directory.write("in/a.txt", "Siti,0812-1111-2222\nBudi,0813-2222-3333\n!broken line\nAni,\n<b>Rina</b>,0812-9\n")
        try directory.write("in/b.txt", "Siti,0812-1111-2222\n")
    }

    func run() throws -> (RunManifest, String) {
        let json = """
            {"version": 1, "sources": [{"id": "people", "importer": "lines", "files": ["in/*.txt"]}],
             "stages": [{"type": "ingest"}, {"type": "normalize"}, {"type": "dedupe"},
               {"type": "validate", "options": {"rules": [
                 {"id": "phone-format", "type": "format", "field": "phone", "format": "phone"},
                 {"id": "contact", "type": "required", "anyOf": ["phone", "email"], "severity": "warning"}]}}]}
            """
        let configuration = try PipelineConfiguration.parse(data: Array(json.utf8), file: "pipeline.json", baseDirectory: directory.path)
        let runner = PipelineRunner(
            configuration: configuration,
            importers: try ImporterRegistry([LinesImporter.self]),
            stages: try StageRegistry([IngestStage.self, NormalizeStage.self, DedupeStage.self, ValidateStage.self])
        )
        let manifest = try runner.run(RunRequest())
        return (manifest, runner.store.directory(of: manifest.runID))
    }

    @Test func everyRunWritesItsReportFromTheLastCheckpoint() throws {
        defer { directory.remove() }
        let (manifest, folder) = try run()
        #expect(manifest.status == .ok)
        let report = try ReportWriter.read(directory: folder)
        #expect(report.checkpoint == "04-validate.ndjson.zst")
        #expect(report.books == .init(recordsIn: 6, accepted: 4, merged: 2, quarantined: 2, participants: 3, balanced: true))
        #expect(report.sources == [.init(id: "people", recordsIn: 6, accepted: 4, merged: 2, quarantined: 2)])
        #expect(report.stages.map(\.name) == ["ingest", "normalize", "dedupe", "validate"])
        #expect(report.quarantine.map(\.rule) == ["malformed-record", "phone-format"])
        let phone = try #require(report.quarantine.last)
        #expect(phone.examples == [.init(record: "in/a.txt#line:5", message: "phone is not a valid Indonesian number", field: "phone", value: "08***9")])
        #expect(report.warnings.map { [$0.rule, "\($0.records)"] } == [["contact", "1"]])
        #expect(report.clusters.largest.first?.records == 2)
        #expect(report.participants.new == nil)
        #expect(report.notes.contains("the run did not export: participant ids are not assigned and the registry was not changed"))
    }

    @Test func theHTMLIsSelfContainedEscapedAndCarriesTheJSONFigures() throws {
        defer { directory.remove() }
        let (_, folder) = try run()
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src=") && !html.contains("url("))
        #expect(html.contains(#"<b data-key="books.recordsIn">6</b>"#))
        #expect(html.contains(#"<td class="n" data-key="sources[0].merged">2</td>"#))
        #expect(html.contains(#"<td data-key="quarantine[1].rule">phone-format</td>"#))
        #expect(!html.contains("<b>Rina"), "values are masked and escaped")
        #expect(ReportHTML.escape(#"<a href="x">&'"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
    }
}
