/// Where a record came from, carried unchanged from ingest to the registry so any
/// registry value can be traced back to the exact input that gave it.
public struct Provenance: Sendable, Hashable, Codable {
    /// The `id` of the source in pipeline.json.
    public var sourceID: String
    /// The file path as matched by the source's globs (relative to the pipeline's base directory).
    public var file: String
    /// The record's place inside the file: `row:14`, `line:7`, `$.data.items[3]`, `item:GUID/row:2`.
    public var locator: String
    /// SHA-256 (hex) of the record's raw content, so a changed record can be told from a re-read one.
    public var contentHash: String

    public init(sourceID: String, file: String, locator: String, contentHash: String) {
        self.sourceID = sourceID
        self.file = file
        self.locator = locator
        self.contentHash = contentHash
    }

    /// The record's identity within a pipeline: stable across runs as long as the file and
    /// locator are; used as the registry's source-record key.
    public var key: String { "\(sourceID):\(file)#\(locator)" }

    /// The short reference used in reports and `samples/expected/`: `file#locator`.
    public var reference: String { "\(file)#\(locator)" }
}
