internal import MusterCore

/// `allowed`: a present value must be one of a list (gender codes `L`/`P`, the sector
/// list), compared with the canonical value exactly.
struct AllowedRule: ValidationRule {
    static let type = "allowed"
    static let summary = "A present value must be one of a list (gender codes, sectors)."
    static let options = [
        OptionDescriptor("field", type: "string", summary: "The field checked."),
        OptionDescriptor("values", type: "[string]", summary: "The allowed canonical values."),
    ]
    static let defaultScope = RuleScope.record

    let header: RuleHeader
    let field: String
    let values: Set<String>

    private enum Keys: String, CodingKey { case field, values }

    init(header: RuleHeader, field: String, values: Set<String>) {
        self.header = header
        self.field = field
        self.values = values
    }

    init(header: RuleHeader, from decoder: any Decoder, fields: KnownFields) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let values = try container.decode([String].self, forKey: .values)
        guard !values.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .values, in: container, debugDescription: "a non-empty array of values")
        }
        self.init(header: header, field: try container.decodeField(forKey: .field, fields: fields), values: Set(values))
    }

    func check(_ subject: RuleSubject) -> [RuleFailure] {
        guard let value = subject.values[field], !value.isEmpty, !values.contains(value) else { return [] }
        return [RuleFailure(field: field, "\(field) is not one of the allowed values")]
    }
}
