public import Logging

/// Everything an importer gets besides its options, in one value so the contract does not
/// grow a parameter each time an importer needs one more thing.
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

    /// Provenance for a record at `locator` of `file`, hashing its raw bytes.
    public func provenance(file: SourceFile, locator: String, content: some Collection<UInt8>) -> Provenance {
        Provenance(sourceID: sourceID, file: file.path, locator: locator, contentHash: SHA256.hex(of: content))
    }
}
