import MusterCore
import MusterStages
import Testing

/// Which registry the commands that read one after a run (`quarantine`, `score`, the run
/// report) open: the one the pipeline's export stage writes.
@Suite struct RegistryPathTests {
    static func path(_ stages: String) throws -> String {
        let json = #"{"version": 1, "sources": [], "stages": [\#(stages)]}"#
        let configuration = try PipelineConfiguration.parse(data: Array(json.utf8), file: "pipeline.json", baseDirectory: "/srv/muster")
        return try ExportStage.registryPath(in: configuration)
    }

    @Test func aRenamedExportStageWithItsOwnRegistry() throws {
        let path = try Self.path(#"{"type": "dedupe"}, {"type": "export", "name": "write-registry", "options": {"registry": "out/people.sqlite"}}"#)
        #expect(path == "/srv/muster/out/people.sqlite")
    }

    @Test func theDefaultWhenTheOptionOrTheStageIsAbsent() throws {
        #expect(try Self.path(#"{"type": "export"}"#) == "/srv/muster/.muster/registry.sqlite")
        #expect(try Self.path(#"{"type": "dedupe"}"#) == "/srv/muster/.muster/registry.sqlite")
    }

    @Test func theLastExportStageIsTheRunsRegistry() throws {
        let stages = #"""
            {"type": "export", "name": "early", "options": {"registry": "early.sqlite"}},
            {"type": "validate"},
            {"type": "export", "name": "final", "options": {"registry": "/var/lib/muster/final.sqlite", "cacheMiB": 64}}
            """#
        #expect(try Self.path(stages) == "/var/lib/muster/final.sqlite")
    }

    @Test func optionsAreReadAsTheStageReadsThem() throws {
        // A repeated key: the last value is the one the stage decodes.
        #expect(try Self.path(#"{"type": "export", "options": {"registry": "a.sqlite", "registry": "../b.sqlite"}}"#) == "/srv/b.sqlite")
        let error = try #require(throws: ConfigError.self) { try Self.path(#"{"type": "dedupe"}, {"type": "export", "options": {"registry": 5}}"#) }
        #expect(error.description == "pipeline.json: stages[1].options.registry: expected a string, found 5")
    }
}
