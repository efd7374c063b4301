/// One `stages[]` entry of pipeline.json: a stage type, the name it runs under, and its options.
public struct StageConfiguration: Sendable, Hashable, Decodable {
    /// The stage's descriptor id (`dedupe`).
    public var type: String
    /// The name used by `--stage`, `--from`, `--to` and in checkpoint file names; defaults to `type`.
    public var name: String
    /// The stage's own options, decoded by that stage.
    public var options: JSONValue
    /// Where this entry sits in the file, for messages (`stages[2]`).
    public var path: String = ""

    private enum CodingKeys: String, CodingKey {
        case type, name, options
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? type
        options = try container.decodeIfPresent(JSONValue.self, forKey: .options) ?? .object([])
        path = ConfigPath.render(decoder.codingPath)
        if name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            throw DecodingError.dataCorruptedError(forKey: .name, in: container, debugDescription: "a name of letters, digits, '-' or '_'")
        }
    }

    public init(type: String, name: String? = nil, options: JSONValue = .object([])) {
        self.type = type
        self.name = name ?? type
        self.options = options
    }
}
