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

    public init(sourceID: String, batchSize: Int = 512, logger: Logger = Logger(label: "muster.import")) {
        self.sourceID = sourceID
        self.batchSize = batchSize
        self.logger = logger
    }

    /// Provenance for a record at `locator` of `file` whose content ContentHash has hashed
    /// (its `provenance(file:locator:content:)` calls this). Built in ``Provenance``'s own
    /// module, so its initializer is inlined, and the hash is handed over without a retain.
    @usableFromInline
    package func provenance(file: SourceFile, locator: String, contentHash: consuming String) -> Provenance {
        Provenance(sourceID: sourceID, file: file.path, locator: locator, contentHash: contentHash)
    }
}
