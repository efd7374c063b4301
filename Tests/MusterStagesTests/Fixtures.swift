import ContentHash
import MusterCore

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
}
