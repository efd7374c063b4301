public import Logging

/// Everything an importer gets besides its options, in one value so the contract does not
/// grow a parameter each time an importer needs one more thing.
///
/// A record's provenance comes from `provenance(file:locator:content:)` in the ContentHash
/// module, which hashes the content: MusterCore itself links no C library.
public struct ImportContext: Sendable {
    /// The source's id from pipeline.json; goes into every record's provenance.
    public var sourceID: String
    /// The most records one emitted batch may hold.
    public var batchSize: Int
    public var logger: Logger
    /// Where ``warning(_:)`` goes: the run's diagnostics, which the summary and report show.
    public var diagnostics: Diagnostics

    public init(sourceID: String, batchSize: Int = 512, logger: Logger = Logger(label: "muster.import"), diagnostics: Diagnostics = Diagnostics()) {
        self.sourceID = sourceID
        self.batchSize = batchSize
        self.logger = logger
        self.diagnostics = diagnostics
    }

    /// Something about a file the operator should see in the run's summary and report (an
    /// ambiguous column header), that does not make any record unreadable. Never record values.
    public func warning(_ message: String) {
        diagnostics.warning(message, stage: "ingest")
        logger.warning("\(message)")
    }

    /// Provenance for a record at `locator` of `file` whose content ContentHash has hashed
    /// (its `provenance(file:locator:content:)` calls this). Built in ``Provenance``'s own
    /// module, so its initializer is inlined, and the hash is handed over without a retain.
    @usableFromInline
    package func provenance(file: SourceFile, locator: String, contentHash: consuming String) -> Provenance {
        Provenance(sourceID: sourceID, file: file.path, locator: locator, contentHash: contentHash)
    }
}
