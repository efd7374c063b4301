internal import MusterCore

/// `required`: every field of `fields` must have a canonical value, or — with `anyOf` — at
/// least one of the group must (a participant needs a phone or an e-mail). A placeholder
/// (`-`, `tidak ada`) was already turned into a missing value by normalize.
struct RequiredRule: ValidationRule {
    static let type = "required"
    static let summary = "Fields that must have a value (fields: all of them; anyOf: at least one)."
    static let options = [
        OptionDescriptor("fields", type: "[string]", summary: "Each must be present."),
        OptionDescriptor("anyOf", type: "[string]", summary: "At least one must be present (instead of fields)."),
    ]
    static let defaultScope = RuleScope.record

    let header: RuleHeader
    let fields: [String]
    let anyOf: Bool

    private enum Keys: String, CodingKey { case fields, anyOf }

    init(header: RuleHeader, fields: [String], anyOf: Bool = false) {
        self.header = header
        self.fields = fields
        self.anyOf = anyOf
    }

    init(header: RuleHeader, from decoder: any Decoder, fields known: KnownFields) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        switch (container.contains(.fields), container.contains(.anyOf)) {
        case (true, false): self.init(header: header, fields: try container.decodeFields(forKey: .fields, fields: known))
        case (false, true): self.init(header: header, fields: try container.decodeFields(forKey: .anyOf, fields: known), anyOf: true)
        default:
            throw DecodingError.dataCorruptedError(forKey: .fields, in: container, debugDescription: "either \"fields\" or \"anyOf\" (an array of field names)")
        }
    }

    func check(_ subject: RuleSubject) -> [RuleFailure] {
        let missing = fields.filter { (subject.values[$0] ?? "").isEmpty }
        if anyOf {
            return missing.count == fields.count ? [RuleFailure(field: fields.first, "none of \(fields.joined(separator: ", ")) is present")] : []
        }
        return missing.map { RuleFailure(field: $0, "\($0) is missing") }
    }
}
