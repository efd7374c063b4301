/// Documents one option of an importer or stage, for `muster importers` and `muster stages`.
public struct OptionDescriptor: Sendable, Hashable {
    public var name: String
    /// The JSON type as an operator writes it: `string`, `number`, `["string"]`, `object`.
    public var type: String
    /// The default as JSON text, or nil when the option is required or has no default.
    public var defaultValue: String?
    public var summary: String

    public init(_ name: String, type: String, default defaultValue: String? = nil, summary: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.summary = summary
    }
}
