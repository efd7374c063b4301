internal import MusterCore

/// `unique`: one participant carries one value of a field (one NIK per person), checked per
/// cluster over its accepted records' well-formed values. The records whose value differs
/// from the participant's golden value (the one most of its records carry) are blamed: as an
/// error they are quarantined and the cluster split again; as a warning they are flagged.
struct UniqueRule: ValidationRule {
    static let type = "unique"
    static let summary = "One value of a field per participant (one NIK per person), checked per cluster."
    static let options = [OptionDescriptor("field", type: "string", summary: "The field that must have one value per participant.")]
    static let defaultScope = RuleScope.participant

    let header: RuleHeader
    let field: String

    private enum Keys: String, CodingKey { case field }

    init(header: RuleHeader, field: String) {
        self.header = header
        self.field = field
    }

    init(header: RuleHeader, from decoder: any Decoder, fields: KnownFields) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        guard header.scope == .participant else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: container.codingPath + [AnyKey("on")], debugDescription: "\"participant\" (uniqueness is checked per cluster)"))
        }
        self.init(header: header, field: try container.decodeField(forKey: .field, fields: fields))
    }

    func check(_ subject: RuleSubject) -> [RuleFailure] {
        guard subject.isParticipant, let golden = subject.values[field] else { return [] }
        var distinct: Set<String> = []
        var blamed: [String] = []
        for record in subject.members {
            guard let value = record.normalized?.values[field], !value.isEmpty,
                !(record.normalized?.issues.contains { $0.field == field } ?? false)
            else { continue }
            distinct.insert(value)
            if value != golden { blamed.append(record.key) }
        }
        guard distinct.count > 1 else { return [] }
        return [RuleFailure(field: field, "the participant's records carry \(distinct.count) different values of \(field)", blamed: blamed)]
    }
}

/// A coding key for one named member, to point an error at a key the type did not read itself.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
