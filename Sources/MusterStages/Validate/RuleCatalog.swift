internal import MusterCore

/// The rule types pipeline.json may name, as one explicit list (no runtime discovery),
/// and the decoding of one rule entry: the header keys every rule has, then the keys of
/// its type.
enum RuleCatalog {
    static let types: [any ValidationRule.Type] = [
        AgeRule.self,
        AllowedRule.self,
        ConditionRule.self,
        ConsistencyRule.self,
        FormatRule.self,
        IssueRule.self,
        RangeRule.self,
        RequiredRule.self,
        UniqueRule.self,
    ]

    static func type(named id: String) -> (any ValidationRule.Type)? {
        types.first { $0.type == id }
    }

    private enum HeaderKeys: String, CodingKey { case id, type, severity, message, on, kind }

    /// Decodes one element of `rules`.
    static func decode(from decoder: any Decoder, fields: KnownFields) throws -> any ValidationRule {
        let container = try decoder.container(keyedBy: HeaderKeys.self)
        let typeName = try container.decode(String.self, forKey: .type)
        guard let type = type(named: typeName) else {
            let ids = types.map { $0.type }
            let hint = EditDistance.suggestion(for: typeName, among: ids).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "a rule type\(hint): one of \(ids.joined(separator: ", "))")
        }
        let id = try container.decode(String.self, forKey: .id)
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: container, debugDescription: "a rule id of letters, digits, '-', '_' and '.'")
        }
        let severity = try choice(container, .severity, RuleSeverity.allCases.map(\.rawValue))
        let scope = try choice(container, .on, RuleScope.allCases.map(\.rawValue))
        let kind = try choice(container, .kind, RecordKind.allCases.map(\.rawValue))
        let defaultScope = type.defaultScope
        let header = RuleHeader(
            id: id, type: typeName,
            severity: severity.flatMap(RuleSeverity.init(rawValue:)) ?? .error,
            message: try container.decodeIfPresent(String.self, forKey: .message),
            scope: scope.flatMap(RuleScope.init(rawValue:)) ?? defaultScope,
            kind: kind.flatMap(RecordKind.init(rawValue:)) ?? .participant
        )
        if header.scope.onParticipant && header.kind == .programme {
            throw DecodingError.dataCorruptedError(
                forKey: .on, in: container, debugDescription: "\"record\" for a programme rule (programmes have no golden values)")
        }
        return try type.decoded(header: header, from: decoder, fields: fields)
    }

    private static func choice(_ container: KeyedDecodingContainer<HeaderKeys>, _ key: HeaderKeys, _ choices: [String]) throws -> String? {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return nil }
        return try container.decode(String.self, forKey: key, oneOf: choices)
    }

    /// The header keys, for `muster stages`.
    static let headerSummary =
        "each rule: id, type, severity (error|warning, default error), message, on (record|participant|both), kind (participant|programme)"
}
