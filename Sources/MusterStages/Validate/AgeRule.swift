internal import MusterCore

/// `age`: the age a birth date gives must lie within `min`…`max` years, at the run's day or
/// at the programme's date (the record's earliest readable training day, ``TrainingDay``;
/// the run's day when it has none) or at a fixed `YYYY-MM-DD`. A birth date normalize refused as in the
/// future (`date.future`) or implausibly old (`date.implausible`) fails too.
///
/// A birth date derived from the NIK (none was stated) is judged only with `derived`: a NIK
/// that makes a grown participant five years old is far more often one mistyped digit than a
/// child, and the person never gave that date.
struct AgeRule: ValidationRule {
    enum Reference: Equatable {
        case run, programme
        case day(Day)
    }

    static let type = "age"
    static let summary = "The age a birth date gives must be within min…max years at the run's or the programme's date."
    static let options = [
        OptionDescriptor("field", type: "string", default: "\"birthDate\"", summary: "The ISO birth date."),
        OptionDescriptor("min", type: "integer", summary: "Youngest allowed age."),
        OptionDescriptor("max", type: "integer", summary: "Oldest allowed age."),
        OptionDescriptor("at", type: "string", default: "\"programme\"", summary: "run, programme or YYYY-MM-DD."),
        OptionDescriptor("derived", type: "boolean", default: "false", summary: "Also judge a birth date derived from the NIK."),
    ]
    static let defaultScope = RuleScope.record

    let header: RuleHeader
    let field: String
    let min: Int?
    let max: Int?
    let at: Reference
    let judgesDerived: Bool

    private enum Keys: String, CodingKey { case field, min, max, at, derived }

    init(header: RuleHeader, field: String = Field.birthDate, min: Int?, max: Int?, at: Reference = .programme, judgesDerived: Bool = false) {
        self.header = header
        self.field = field
        self.min = min
        self.max = max
        self.at = at
        self.judgesDerived = judgesDerived
    }

    init(header: RuleHeader, from decoder: any Decoder, fields: KnownFields) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let field = container.contains(.field) ? try container.decodeField(forKey: .field, fields: fields) : Field.birthDate
        let min = try container.decodeIfPresent(Int.self, forKey: .min)
        let max = try container.decodeIfPresent(Int.self, forKey: .max)
        guard min != nil || max != nil else {
            throw DecodingError.dataCorruptedError(forKey: .min, in: container, debugDescription: "\"min\", \"max\" or both (years)")
        }
        var at = Reference.programme
        if let text = try container.decodeIfPresent(String.self, forKey: .at) {
            switch text {
            case "run": at = .run
            case "programme": at = .programme
            default:
                guard let day = Day(written: text), text.count == 10 else {
                    throw DecodingError.dataCorruptedError(forKey: .at, in: container, debugDescription: "\"run\", \"programme\" or a date YYYY-MM-DD")
                }
                at = .day(day)
            }
        }
        let derived = try container.decodeIfPresent(Bool.self, forKey: .derived) ?? false
        self.init(header: header, field: field, min: min, max: max, at: at, judgesDerived: derived)
    }

    func check(_ subject: RuleSubject) -> [RuleFailure] {
        guard let text = subject.values[field], !text.isEmpty else {
            if let issue = subject.issue("date.future", field: field) {
                return [RuleFailure(field: field, "\(field) is in the future: \(issue.message)")]
            }
            if let max, let issue = subject.issue("date.implausible", field: field) {
                return [RuleFailure(field: field, "age is above \(max): \(issue.message)")]
            }
            return []
        }
        if !judgesDerived, subject.isDerived(field) { return [] }
        guard let birth = Day(written: text) else { return [RuleFailure(field: field, "\(field) is not a date")] }
        let reference = referenceDay(subject)
        let age = birth.years(until: reference)
        if birth > reference { return [RuleFailure(field: field, "\(field) is after \(reference.iso)")] }
        if let min, age < min { return [RuleFailure(field: field, "age at \(reference.iso) is below \(min)")] }
        if let max, age > max { return [RuleFailure(field: field, "age at \(reference.iso) is above \(max)")] }
        return []
    }

    private func referenceDay(_ subject: RuleSubject) -> Day {
        switch at {
        case .run: subject.runDay
        case .day(let day): day
        case .programme: subject.enrollments.compactMap(TrainingDay.earliest).min() ?? subject.runDay
        }
    }
}
