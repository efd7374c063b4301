internal import Foundation
public import MusterCore

/// Writes the run's outcome to the SQLite registry in one transaction: participants with
/// stable ids, their source records with provenance, programmes, enrollments, match
/// evidence, the quarantine and the run's reconciliation. A failed or killed export leaves
/// the previous registry as it was.
///
/// Participant ids stay stable across runs: a cluster that contains a record the registry
/// already knows, or the NIK of a participant from an earlier run (or its phone or e-mail
/// under the same name), keeps that participant's id; if it spans several known
/// participants they are merged into the oldest id. Two clusters of one run never join
/// here: dedupe kept them apart.
public final class ExportStage: Stage {
    public struct Options: Decodable, Sendable {
        /// The SQLite registry file, relative to pipeline.json's folder.
        public var registry: String
        /// SQLite's page cache for the run's transaction, in MiB. The indexes a run inserts
        /// into at random (record keys, identifiers) should fit: about 200 MiB per million records.
        public var cacheMiB: Int

        public init(registry: String = ".muster/registry.sqlite", cacheMiB: Int = 384) {
            self.registry = registry
            self.cacheMiB = cacheMiB
        }

        private enum CodingKeys: String, CodingKey { case registry, cacheMiB }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            registry = try container.decodeIfPresent(String.self, forKey: .registry) ?? ".muster/registry.sqlite"
            if registry.isEmpty {
                throw DecodingError.dataCorruptedError(forKey: .registry, in: container, debugDescription: "a file path")
            }
            cacheMiB = container.contains(.cacheMiB) ? try container.decode(Int.self, forKey: .cacheMiB, in: 2...65536) : 384
        }
    }

    public static let descriptor = StageDescriptor(
        id: "export",
        summary: "Writes participants, source records, programmes, enrollments, evidence, quarantine and the run to the SQLite registry, atomically.",
        writesRegistry: true,
        options: [
            OptionDescriptor("registry", type: "string", default: "\".muster/registry.sqlite\"", summary: "SQLite registry file, relative to pipeline.json."),
            OptionDescriptor(
                "cacheMiB", type: "integer", default: "384",
                summary: "SQLite page cache during the run, MiB (2–65536); about 200 per million records keeps inserts off the disk."),
        ]
    )

    private let context: StageContext
    private let registryPath: String
    private let cacheMiB: Int
    private var lock: RunLock?
    private var writer: RegistryWriter?
    /// Plans rows and clusters one batch ahead, on its own queue, while the batch before is written.
    private let planner = ExportPlanner()
    private var pending: PlannedUnits?

    public init(options: Options, context: StageContext) {
        self.context = context
        self.registryPath = context.configuration.resolve(options.registry)
        self.cacheMiB = options.cacheMiB
    }

    /// Takes the registry's lock before the run's first stage starts: a registry held by
    /// another run stops this one before anything is read.
    public func prepare() throws {
        guard lock == nil else { return }
        let lock = try RunLock(path: registryPath + ".lock", runID: context.runID)
        if let note = lock.takeOverNote { context.diagnostics.warning("registry: \(note)", stage: context.stageName) }
        self.lock = lock
    }

    public func process(_ batch: RecordBatch, emit: (RecordBatch) throws -> Void) throws {
        let next = planner.plan(batch)
        try writePending(emit: emit)
        pending = next
    }

    public func finish(emit: (RecordBatch) throws -> Void) throws {
        try writePending(emit: emit)
        pending = planner.planRest()
        try writePending(emit: emit)
        let books = try open().finish()
        writer = nil
        lock?.release()
        lock = nil
        context.diagnostics.info("registry \(registryPath): \(books.participants) participants from this run's records", stage: context.stageName)
    }

    private func writePending(emit: (RecordBatch) throws -> Void) throws {
        guard let planned = pending else { return }
        pending = nil
        let units = planned.units()
        let written = try open().write(units)
        if !written.isEmpty { try emit(written) }
        planner.release((consume units, consume written))
    }

    /// Opens the registry's transaction on the first batch, under the lock ``prepare()`` took
    /// (taken here if the stage is driven without it, as tests do).
    private func open() throws -> RegistryWriter {
        if let writer { return writer }
        try prepare()
        let writer = try RegistryWriter(path: registryPath, runID: context.runID, startedAt: Date(), cacheMiB: cacheMiB)
        self.writer = writer
        return writer
    }
}
