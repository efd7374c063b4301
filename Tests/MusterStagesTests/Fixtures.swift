import ContentHash
import Foundation
import MusterCore
import MusterTesting

@testable import MusterStages

/// Builds records for stage tests without going through an importer.
enum Fixtures {
    static func record(_ locator: String, _ fields: [String: String], kind: RecordKind = .participant, source: String = "test") -> Record {
        Record(
            source: SourceRecord(
                provenance: Provenance(sourceID: source, file: "input.csv", locator: locator, contentHash: SHA256.hex(of: locator)),
                kind: kind,
                fields: FieldValues(fields)
            ))
    }

    static func context(stage: String = "test") -> StageContext {
        StageContext(
            runID: "test-run",
            stageName: stage,
            configuration: PipelineConfiguration(file: "pipeline.json", baseDirectory: "/tmp", sources: [], stages: [])
        )
    }

    /// Runs a stage over `records` in batches of `batchSize` and returns everything it emitted.
    static func run(_ stage: some Stage, _ records: [Record], batchSize: Int = 2) throws -> [Record] {
        var out: [Record] = []
        var start = 0
        while start < records.count {
            let batch = Array(records[start..<min(start + batchSize, records.count)])
            try stage.process(batch) { out += $0 }
            start += batchSize
        }
        try stage.finish { out += $0 }
        return out
    }

    /// Fixed weights for the default comparisons: agreement on any level counts for, `else`
    /// against. A handful of records cannot train a model, and the tests that use this are
    /// about clustering and what follows it.
    static func fixedWeights() -> MatchModel {
        let comparisons = Comparison.defaults
        let m = ModelTraining.startingM(comparisons.map { $0.levels.count + 1 })
        let u = comparisons.map { comparison in
            let partial = comparison.levels.count - 1
            return [0.001] + Array(repeating: 0.004, count: partial) + [1 - 0.001 - 0.004 * Double(partial)]
        }
        return MatchModel(comparisons: comparisons, m: m, u: u, prior: 0.1)
    }

    /// A dedupe stage with ``fixedWeights()`` (or training on however few records, when
    /// `trained`), saving its model at `modelPath`, by default nowhere another test could read it.
    static func dedupe(
        trained: Bool = false, spoolAboveRecords: Int = 100_000, modelPath: String? = nil, context: StageContext = context()
    ) -> DedupeStage {
        var options = DedupeStage.Options(spoolAboveRecords: spoolAboveRecords)
        if trained { options.matcher.trainFromRecords = 0 } else { options.matcher.weights = fixedWeights() }
        options.matcher.model = modelPath ?? "/nonexistent-\(UUID().uuidString)/model.json"
        return DedupeStage(options: options, context: context)
    }

    /// The validate options the repository's pipeline.json ships.
    static func shippedValidateOptions() throws -> ValidateStage.Options {
        let configuration = try PipelineConfiguration.load(file: RepositoryPaths.root + "/pipeline.json")
        guard let validate = configuration.stages.first(where: { $0.type == "validate" }) else {
            throw MusterError(.usage, "pipeline.json has no validate stage")
        }
        return try ConfigDecoder(file: "pipeline.json").decode(ValidateStage.Options.self, from: validate.options, at: "stages[3].options")
    }
}
