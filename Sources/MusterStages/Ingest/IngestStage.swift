public import MusterCore

/// Reads every source through its importer and turns what it reads into records.
///
/// A record the importer rejected enters the pipeline already quarantined (rule
/// `malformed-record`), so it is counted and kept, never lost. A file the importer cannot
/// read at all is reported as a run error; the other files are still read.
public final class IngestStage: Stage {
    public struct Options: Decodable, Sendable {
        /// Records per batch handed to the importers and the next stage.
        public var batchSize: Int
        /// Fail the run when a source's globs match no file.
        public var requireFiles: Bool

        public init(batchSize: Int = 512, requireFiles: Bool = true) {
            self.batchSize = batchSize
            self.requireFiles = requireFiles
        }

        private enum CodingKeys: String, CodingKey { case batchSize, requireFiles }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            batchSize = container.contains(.batchSize) ? try container.decode(Int.self, forKey: .batchSize, in: 1...65536) : 512
            requireFiles = try container.decodeIfPresent(Bool.self, forKey: .requireFiles) ?? true
        }
    }

    public static let descriptor = StageDescriptor(
        id: "ingest",
        summary: "Reads every source in pipeline.json through its importer; unreadable records enter quarantined.",
        input: .sources,
        options: [
            OptionDescriptor("batchSize", type: "integer", default: "512", summary: "Records per batch (1–65536)."),
            OptionDescriptor("requireFiles", type: "boolean", default: "true", summary: "A source whose globs match no file is a run error."),
        ]
    )

    private let options: Options
    private let context: StageContext

    public init(options: Options, context: StageContext) {
        self.options = options
        self.context = context
    }

    public func process(_ batch: RecordBatch, emit: (RecordBatch) throws -> Void) throws {
        try emit(batch)
    }

    public func finish(emit: (RecordBatch) throws -> Void) throws {
        for source in context.sources {
            if source.files.isEmpty && options.requireFiles {
                context.diagnostics.error(
                    "source \"\(source.configuration.id)\": no file matches \(source.configuration.files.joined(separator: ", "))",
                    stage: context.stageName
                )
            }
            let importContext = ImportContext(
                sourceID: source.configuration.id, batchSize: options.batchSize, logger: context.logger, diagnostics: context.diagnostics)
            for file in source.files {
                do {
                    try source.importer.read(file, context: importContext) { records in
                        try emit(records.map(Self.record(from:)))
                    }
                } catch let error as MusterError where error.code == .unreadableInput {
                    context.diagnostics.error("\(error)", stage: context.stageName)
                }
            }
        }
    }

    static func record(from source: SourceRecord) -> Record {
        guard let rejection = source.rejection else { return Record(source: source) }
        let position = rejection.position.map { " (\($0))" } ?? ""
        return Record(
            source: source,
            quarantine: [QuarantineReason(rule: "malformed-record", stage: "ingest", message: rejection.message + position)]
        )
    }
}
