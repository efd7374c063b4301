/// One `sources[]` entry of pipeline.json: where records come from and which importer reads them.
public struct SourceConfiguration: Sendable, Hashable, Decodable {
    /// Unique id, carried in every record's provenance.
    public var id: String
    /// The importer's descriptor id (`csv-signup`).
    public var importer: String
    /// Glob patterns relative to pipeline.json's folder (`samples/sheets/*.csv`).
    public var files: [String]
    /// The importer's own options, decoded by that importer.
    public var options: JSONValue
    /// Largest share of this source's records that may be quarantined before the run fails.
    public var maxQuarantinedShare: Double?
    /// Where this entry sits in the file, for messages (`sources[1]`).
    public var path: String = ""

    private enum CodingKeys: String, CodingKey {
        case id, importer, files, options, maxQuarantinedShare
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        importer = try container.decode(String.self, forKey: .importer)
        files = try container.decode([String].self, forKey: .files)
        options = try container.decodeIfPresent(JSONValue.self, forKey: .options) ?? .object([])
        maxQuarantinedShare =
            container.contains(.maxQuarantinedShare)
            ? try container.decode(Double.self, forKey: .maxQuarantinedShare, in: 0...1) : nil
        path = ConfigPath.render(decoder.codingPath)
        if id.isEmpty || !id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            throw DecodingError.dataCorruptedError(forKey: .id, in: container, debugDescription: "an id of letters, digits, '-' or '_'")
        }
        if files.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .files, in: container, debugDescription: "at least one file pattern")
        }
    }
}
