public import MusterCore
internal import Foundation

/// Writes the run's outcome to the SQLite registry in one transaction: participants with
/// stable ids, their source records with provenance, programmes, enrollments, match
/// evidence, the quarantine and the run's reconciliation. A failed or killed export leaves
/// the previous registry as it was.
///
/// Participant ids stay stable across runs: a cluster that contains a record or an
/// identifier (NIK, phone, email) the registry already knows keeps that participant's id;
/// if it spans several known participants they are merged into the oldest id.
public final class ExportStage: Stage {
    public struct Options: Decodable, Sendable {
        /// The SQLite registry file, relative to pipeline.json's folder.
        public var registry: String

        public init(registry: String = ".muster/registry.sqlite") {
            self.registry = registry
        }

        private enum CodingKeys: String, CodingKey { case registry }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            registry = try container.decodeIfPresent(String.self, forKey: .registry) ?? ".muster/registry.sqlite"
            if registry.isEmpty {
                throw DecodingError.dataCorruptedError(forKey: .registry, in: container, debugDescription: "a file path")
            }
        }
    }

    public static let descriptor = StageDescriptor(
        id: "export",
        summary: "Writes participants, source records, programmes, enrollments, evidence, quarantine and the run to the SQLite registry, atomically.",
        writesRegistry: true,
        options: [
            OptionDescriptor("registry", type: "string", default: "\".muster/registry.sqlite\"", summary: "SQLite registry file, relative to pipeline.json."),
        ]
    )

    private let context: StageContext
    private let registryPath: String
    private var held: [Record] = []
    private let startedAt = Date()

    public init(options: Options, context: StageContext) {
        self.context = context
        self.registryPath = context.configuration.resolve(options.registry)
    }

    public func process(_ batch: RecordBatch, emit: (RecordBatch) throws -> Void) throws {
        held += batch
    }

    public func finish(emit: (RecordBatch) throws -> Void) throws {
        let lock = try RunLock(path: registryPath + ".lock", runID: context.runID)
        defer { lock.release() }
        if let note = lock.takeOverNote { context.diagnostics.warning("registry: \(note)", stage: context.stageName) }
        let writer = try RegistryWriter(path: registryPath, runID: context.runID, startedAt: startedAt)
        let written = try writer.write(held)
        context.diagnostics.info(
            "registry \(registryPath): \(written.reconciliation.participants) participants from this run's records",
            stage: context.stageName
        )
        var batch: RecordBatch = []
        for var record in held {
            record.registryID = written.registryIDs[record.key]
            batch.append(record)
            if batch.count >= context.batchSize {
                try emit(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try emit(batch) }
        held.removeAll()
    }
}
