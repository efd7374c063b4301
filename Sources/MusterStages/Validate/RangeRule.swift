internal import MusterCore

/// `range`: a present value must be a number within `min`…`max` (either may be left out).
struct RangeRule: ValidationRule {
    static let type = "range"
    static let summary = "A present value must be a number within min…max."
    static let options = [
        OptionDescriptor("field", type: "string", summary: "The field checked."),
        OptionDescriptor("min", type: "number", summary: "Smallest allowed value."),
        OptionDescriptor("max", type: "number", summary: "Largest allowed value."),
    ]
    static let defaultScope = RuleScope.record

    let header: RuleHeader
    let field: String
    let min: Double?
    let max: Double?

    private enum Keys: String, CodingKey { case field, min, max }

    init(header: RuleHeader, field: String, min: Double?, max: Double?) {
        self.header = header
        self.field = field
        self.min = min
        self.max = max
    }

    init(header: RuleHeader, from decoder: any Decoder, fields: KnownFields) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let min = try container.decodeIfPresent(Double.self, forKey: .min)
        let max = try container.decodeIfPresent(Double.self, forKey: .max)
        guard min != nil || max != nil else {
            throw DecodingError.dataCorruptedError(forKey: .min, in: container, debugDescription: "\"min\", \"max\" or both")
        }
        if let min, let max, min > max {
            throw DecodingError.dataCorruptedError(forKey: .max, in: container, debugDescription: "a number not below min")
        }
        self.init(header: header, field: try container.decodeField(forKey: .field, fields: fields), min: min, max: max)
    }

    func check(_ subject: RuleSubject) -> [RuleFailure] {
        guard let text = subject.values[field], !text.isEmpty else { return [] }
        guard let number = Double(text) else { return [RuleFailure(field: field, "\(field) is not a number")] }
        if let min, number < min { return [RuleFailure(field: field, "\(field) is below \(Self.format(min))")] }
        if let max, number > max { return [RuleFailure(field: field, "\(field) is above \(Self.format(max))")] }
        return []
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
