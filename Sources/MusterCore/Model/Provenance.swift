/// Where a record came from, carried unchanged from ingest to the registry so any
/// registry value can be traced back to the exact input that gave it.
public struct Provenance: Sendable, Hashable, Codable {
    /// The `id` of the source in pipeline.json.
    public var sourceID: String { didSet { key = Self.key(sourceID, file, locator) } }
    /// The file path as matched by the source's globs (relative to the pipeline's base directory).
    public var file: String { didSet { key = Self.key(sourceID, file, locator) } }
    /// The record's place inside the file: `row:14`, `line:7`, `$.data.items[3]`, `item:GUID/row:2`.
    public var locator: String { didSet { key = Self.key(sourceID, file, locator) } }
    /// SHA-256 (hex) of the record's raw content, so a changed record can be told from a re-read one.
    public var contentHash: String

    /// The record's identity within a pipeline: stable across runs as long as the file and
    /// locator are; used as the registry's source-record key.
    ///
    /// Made once, not on each use: the stages' books, dedupe and export ask for it many
    /// times per record.
    public private(set) var key: String

    public init(sourceID: String, file: String, locator: String, contentHash: String) {
        self.sourceID = sourceID
        self.file = file
        self.locator = locator
        self.contentHash = contentHash
        key = Self.key(sourceID, file, locator)
    }

    /// `sourceID:file#locator`, copied byte for byte into one new string: every importer
    /// makes one per record, and appending piece by piece costs several times as much.
    private static func key(_ sourceID: String, _ file: String, _ locator: String) -> String {
        var (source, file, locator) = (sourceID, file, locator)
        return source.withUTF8 { source in
            file.withUTF8 { file in
                locator.withUTF8 { locator in
                    String(unsafeUninitializedCapacity: source.count + file.count + locator.count + 2) { out in
                        var end = out.initialize(fromContentsOf: source)
                        out[end] = UInt8(ascii: ":")
                        end = out[(end + 1)...].initialize(fromContentsOf: file)
                        out[end] = UInt8(ascii: "#")
                        return out[(end + 1)...].initialize(fromContentsOf: locator)
                    }
                }
            }
        }
    }

    /// The short reference used in reports and `samples/expected/`: `file#locator`.
    public var reference: String { "\(file)#\(locator)" }

    private enum CodingKeys: String, CodingKey { case sourceID, file, locator, contentHash }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            sourceID: try container.decode(String.self, forKey: .sourceID),
            file: try container.decode(String.self, forKey: .file),
            locator: try container.decode(String.self, forKey: .locator),
            contentHash: try container.decode(String.self, forKey: .contentHash)
        )
    }
}
