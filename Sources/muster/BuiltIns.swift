internal import CSVSignupImporter
internal import ExecImporter
internal import JSONExportImporter
internal import MusterCore
internal import MusterStages
internal import XMLNewsImporter

/// The one place importers and stages are registered: add a new importer's type to this
/// alphabetized list and it is available to pipeline.json, `muster importers` and every stage.
enum BuiltIns {
    static let importers: [any Importer.Type] = [
        CSVSignupImporter.self,
        ExecImporter.self,
        JSONExportImporter.self,
        XMLNewsImporter.self,
    ]

    /// In pipeline order, as `muster stages` lists them.
    static let stages: [any Stage.Type] = [
        IngestStage.self,
        NormalizeStage.self,
        DedupeStage.self,
        ValidateStage.self,
        ExportStage.self,
    ]

    static func importerRegistry() throws -> ImporterRegistry { try ImporterRegistry(importers) }
    static func stageRegistry() throws -> StageRegistry { try StageRegistry(stages) }
}
