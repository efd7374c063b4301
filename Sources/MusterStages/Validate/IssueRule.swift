internal import MusterCore

/// `issue`: fails when normalize raised one of the listed field issue codes — `kecamatan.unknown`
/// (not in the region list after fuzzy matching), `date.future` … A code ending in `.*`
/// matches every code with that prefix (`kelurahan.*`).
struct IssueRule: ValidationRule {
    static let type = "issue"
    static let summary = "Fails on normalize's field issues with the given codes (kecamatan.unknown, date.*)."
    static let options = [OptionDescriptor("codes", type: "[string]", summary: "Issue codes; `area.*` matches the whole area.")]
    static let defaultScope = RuleScope.record

    let header: RuleHeader
    let codes: [String]

    private enum Keys: String, CodingKey { case codes }

    init(header: RuleHeader, codes: [String]) {
        self.header = header
        self.codes = codes
    }

    init(header: RuleHeader, from decoder: any Decoder, fields: KnownFields) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let codes = try container.decode([String].self, forKey: .codes)
        if let index = codes.firstIndex(where: { !$0.contains(".") || $0.hasPrefix(".") }) {
            throw DecodingError.dataCorrupted(
                .init(codingPath: container.codingPath + [Keys.codes, IndexKey(index)], debugDescription: "an issue code of the form area.problem or area.*"))
        }
        guard !codes.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .codes, in: container, debugDescription: "a non-empty array of issue codes")
        }
        self.init(header: header, codes: codes)
    }

    func matches(_ code: String) -> Bool {
        codes.contains { $0.hasSuffix(".*") ? code.hasPrefix($0.dropLast()) : code == $0 }
    }

    func check(_ subject: RuleSubject) -> [RuleFailure] {
        guard !subject.isParticipant else { return [] }
        return subject.issues.filter { matches($0.code) }.map { RuleFailure(field: $0.field, $0.message) }
    }
}
