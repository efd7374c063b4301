internal import MusterCore

/// One declarative check of the validate stage, configured in pipeline.json
/// (`stages[].options.rules`). Each rule type is a small struct that describes itself
/// (``ValidationRule/type``, ``ValidationRule/summary``, its options) and decodes its own
/// keys, so `muster check` catches a wrong field or option before a run, and
/// `muster stages` can list every rule type.
///
/// A rule only *finds* problems; the stage decides what they mean from the rule's
/// ``RuleHeader/severity``: an error quarantines, a warning flags the record and lets it in.
protocol ValidationRule: Sendable {
    /// The `type` pipeline.json names (`required`, `format` …).
    static var type: String { get }
    /// One line for `muster stages`.
    static var summary: String { get }
    /// The rule type's own keys, for `muster stages`.
    static var options: [OptionDescriptor] { get }
    /// Where the rule applies when pipeline.json does not say (`on`).
    static var defaultScope: RuleScope { get }

    /// Decodes the rule's own keys; `header` holds the keys every rule has.
    init(header: RuleHeader, from decoder: any Decoder, fields: KnownFields) throws

    var header: RuleHeader { get }

    /// Every way `subject` breaks the rule; empty when it passes.
    func check(_ subject: RuleSubject) -> [RuleFailure]
}

extension ValidationRule {
    /// Builds the rule behind an existential metatype (the catalog's list).
    static func decoded(header: RuleHeader, from decoder: any Decoder, fields: KnownFields) throws -> any ValidationRule {
        try Self(header: header, from: decoder, fields: fields)
    }
}

/// What a broken rule means.
public enum RuleSeverity: String, Sendable, CaseIterable {
    /// The record is quarantined.
    case error
    /// The record is accepted with a `warning.<rule-id>` field issue.
    case warning
}

/// What a rule is checked on.
public enum RuleScope: String, Sendable, CaseIterable {
    /// Each source record, with its own canonical values.
    case record
    /// Each participant's golden values (``Participant/goldenValues(of:)``) over its accepted records.
    case participant
    /// Both.
    case both

    var onRecord: Bool { self != .participant }
    var onParticipant: Bool { self != .record }
}

/// The keys every rule has: `id`, `type`, `severity`, `message`, `on`, `kind`.
struct RuleHeader: Sendable {
    var id: String
    var type: String
    var severity: RuleSeverity
    /// The operator's message; nil uses the rule's own description of the failure.
    var message: String?
    var scope: RuleScope
    var kind: RecordKind
}

/// What a rule looks at: one record's values, or a participant's golden values.
struct RuleSubject {
    var values: FieldValues
    /// The normalize stage's field issues (for a participant: those of its records).
    var issues: [FieldIssue]
    var enrollments: [Enrollment]
    /// The accepted records of the participant (empty for a record subject).
    var members: [Record]
    var isParticipant: Bool
    /// The run's day, for ages (`YYYY-MM-DD`).
    var runDay: Day

    func has(issue code: String, field: String? = nil) -> Bool {
        issue(code, field: field) != nil
    }

    /// The first issue with this code (on this field, when given).
    func issue(_ code: String, field: String? = nil) -> FieldIssue? {
        issues.first { $0.code == code && (field == nil || $0.field == field) }
    }

    /// Whether normalize derived the field's value (from the NIK) rather than read it.
    func isDerived(_ field: String) -> Bool {
        guard let derived = values[Field.derived] else { return false }
        return derived.split(separator: " ").contains(Substring(field))
    }
}

/// One way a subject broke a rule.
struct RuleFailure: Sendable, Equatable {
    /// The canonical field involved.
    var field: String?
    /// Describes the failure without the value itself.
    var detail: String
    /// For a participant rule that blames some records only (`unique`): their keys.
    var blamed: [String]?

    init(field: String?, _ detail: String, blamed: [String]? = nil) {
        self.field = field
        self.detail = detail
        self.blamed = blamed
    }
}
