/// One step of the pipeline: ingest, normalize, dedupe, validate, export.
///
/// A stage receives batches through ``process(_:emit:)`` and may emit at once (streaming
/// stages) or hold records until ``finish(emit:)`` (dedupe). The one rule every stage
/// keeps: **every record received is emitted exactly once** — a stage adds to records
/// (canonical values, a match, quarantine reasons, a registry id) but never drops or
/// invents one. The runner checks this for every stage of every run.
///
/// A stage object lives for one run and is driven by one task, so it may keep mutable state.
public protocol Stage: AnyObject, SendableMetatype {
    associatedtype Options: Decodable & Sendable

    static var descriptor: StageDescriptor { get }

    init(options: Options, context: StageContext) throws

    /// Called once for every stage of a run before any stage receives a record: take the
    /// locks and open what the stage must hold alone (the registry), so a run that cannot
    /// get them stops before it has done anything.
    func prepare() throws

    func process(_ batch: RecordBatch, emit: (RecordBatch) throws -> Void) throws

    /// Called once after the last batch; emits whatever the stage still holds.
    func finish(emit: (RecordBatch) throws -> Void) throws
}

extension Stage {
    public func prepare() throws {}

    /// Decodes this stage's options from configuration.
    package static func decodeOptions(_ options: JSONValue, at path: String, decoder: ConfigDecoder) throws(ConfigError) -> any Sendable {
        try decoder.decode(Options.self, from: options, at: path)
    }

    /// Builds the stage from raw configuration options.
    package static func build(options: JSONValue, at path: String, decoder: ConfigDecoder, context: StageContext) throws -> any Stage {
        let decoded = try decoder.decode(Options.self, from: options, at: path)
        return try Self(options: decoded, context: context)
    }
}

/// A stage that works on one record at a time with no state across records (normalize,
/// validate). Quarantined records pass through untouched.
public protocol RecordTransform: Stage {
    func transform(_ record: inout Record) throws
}

extension RecordTransform {
    public func process(_ batch: RecordBatch, emit: (RecordBatch) throws -> Void) throws {
        var batch = batch
        for index in batch.indices where !batch[index].isQuarantined {
            try transform(&batch[index])
        }
        try emit(batch)
    }

    public func finish(emit: (RecordBatch) throws -> Void) throws {}
}
