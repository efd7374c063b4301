internal import MusterCore

/// `format`: a present value must have a shape — `nik` (16 digits, and with `structure` a
/// real region code and date part, read from normalize's `nik.*` issues), `phone` (an
/// Indonesian number in E.164: `+62` and 8–13 digits), `e164`, `email`, `date` (ISO).
/// A missing value passes: presence is the `required` rule's job.
struct FormatRule: ValidationRule {
    enum Format: String, CaseIterable { case nik, phone, e164, email, date }

    static let type = "format"
    static let summary = "A present value must be well formed: nik, phone (Indonesian E.164), e164, email, date (ISO)."
    static let options = [
        OptionDescriptor("field", type: "string", summary: "The field checked."),
        OptionDescriptor("format", type: "string", summary: "nik, phone, e164, email or date."),
        OptionDescriptor("structure", type: "boolean", default: "true", summary: "nik: also the region code and the date part."),
    ]
    static let defaultScope = RuleScope.record

    /// normalize's issue codes that make a 16-digit NIK impossible.
    static let nikStructureIssues: Set<String> = ["nik.province", "nik.district", "nik.birth-date"]

    let header: RuleHeader
    let field: String
    let format: Format
    let structure: Bool

    private enum Keys: String, CodingKey { case field, format, structure }

    init(header: RuleHeader, field: String, format: Format, structure: Bool = true) {
        self.header = header
        self.field = field
        self.format = format
        self.structure = structure
    }

    init(header: RuleHeader, from decoder: any Decoder, fields: KnownFields) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let format = try container.decode(String.self, forKey: .format, oneOf: Format.allCases.map(\.rawValue))
        self.init(
            header: header, field: try container.decodeField(forKey: .field, fields: fields),
            format: Format(rawValue: format) ?? .nik, structure: try container.decodeIfPresent(Bool.self, forKey: .structure) ?? true
        )
    }

    func check(_ subject: RuleSubject) -> [RuleFailure] {
        // normalize drops a phone it cannot read, keeping only its issue: that is a present, malformed phone.
        let unreadablePhone = format == .phone && subject.issues.contains { $0.field == field && $0.code == "phone.unparseable" }
        guard let value = subject.values[field], !value.isEmpty else {
            return unreadablePhone ? [RuleFailure(field: field, "\(field) is not a valid Indonesian number")] : []
        }
        let failed: String? =
            switch format {
            case .nik: nikProblem(value, subject)
            case .phone:
                unreadablePhone || !(IdentifierRules.isWellFormedPhone(value) || isForeignPhone(value, subject))
                    ? "\(field) is not a valid Indonesian number" : nil
            case .e164: Self.isDigits(value, prefix: "+", count: 8...15) ? nil : "\(field) is not an E.164 number"
            case .email: EmailNormalizer.isWellFormed(value) ? nil : "\(field) is not of the form name@domain.tld"
            case .date: Day(written: value) != nil && value.count == 10 && value.dropFirst(4).first == "-" ? nil : "\(field) is not an ISO date"
            }
        return failed.map { [RuleFailure(field: field, $0)] } ?? []
    }

    /// A well-formed number of another country, as normalize flagged it (`phone.foreign`): its
    /// shape is fine, and whether a foreign number is welcome is a rule of its own.
    private func isForeignPhone(_ value: String, _ subject: RuleSubject) -> Bool {
        Self.isDigits(value, prefix: "+", count: 8...15) && subject.has(issue: "phone.foreign", field: field)
    }

    private func nikProblem(_ value: String, _ subject: RuleSubject) -> String? {
        guard IdentifierRules.isWellFormedNIK(value) else {
            return "NIK must be 16 digits, found \(value.count) characters"
        }
        guard structure else { return nil }
        if let issue = subject.issues.first(where: { $0.field == field && Self.nikStructureIssues.contains($0.code) }) {
            return issue.message
        }
        let digits = Array(value.utf8).map { Int($0) - 48 }
        let day = digits[6] * 10 + digits[7]
        let month = digits[8] * 10 + digits[9]
        guard (1...31).contains(day > 40 ? day - 40 : day), (1...12).contains(month) else {
            return "NIK's date digits (DDMMYY, day + 40 for women) are not a real day"
        }
        return nil
    }

    static func isDigits(_ value: String, prefix: String, count: ClosedRange<Int>) -> Bool {
        guard value.hasPrefix(prefix) else { return false }
        let rest = value.utf8.dropFirst(prefix.utf8.count)
        return count.contains(rest.count) && rest.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
