internal import MusterCore

/// `condition`: a custom check written as a small expression (see ``Condition``): the
/// `assert` condition must hold for every record — or only for those where `when` holds.
struct ConditionRule: ValidationRule {
    static let type = "condition"
    static let summary = "A custom condition over fields (==, !=, <, <=, >, >=, and, or, not) that must hold."
    static let options = [
        OptionDescriptor("assert", type: "string", summary: "The condition every record must meet, e.g. `phone or email`."),
        OptionDescriptor("when", type: "string", summary: "Check only records meeting this condition."),
    ]
    static let defaultScope = RuleScope.record

    let header: RuleHeader
    let condition: Condition
    let when: Condition?

    private enum Keys: String, CodingKey { case assert, when }

    init(header: RuleHeader, assert condition: Condition, when: Condition? = nil) {
        self.header = header
        self.condition = condition
        self.when = when
    }

    init(header: RuleHeader, from decoder: any Decoder, fields: KnownFields) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        func parse(_ key: Keys) throws -> Condition {
            do {
                let condition = try ConditionParser.parse(try container.decode(String.self, forKey: key))
                if let unknown = condition.fields.first(where: { !fields.contains($0) }) {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: container, debugDescription: "a condition over known fields; \"\(unknown)\" is not \(fields.expectation(for: unknown))"
                    )
                }
                return condition
            } catch let failure as ConditionParser.Failure {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "a condition such as `gender == \"P\" and not nik` (\(failure))")
            }
        }
        self.init(header: header, assert: try parse(.assert), when: container.contains(.when) ? try parse(.when) : nil)
    }

    func check(_ subject: RuleSubject) -> [RuleFailure] {
        if let when, !when.evaluate(subject.values) { return [] }
        return condition.evaluate(subject.values) ? [] : [RuleFailure(field: condition.fields.first, "the condition \(header.id) does not hold")]
    }
}
