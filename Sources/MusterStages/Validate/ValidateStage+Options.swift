public import MusterCore

extension ValidateStage {
    /// The stage's rules as pipeline.json sets them: either a `rules` list, or — when it is
    /// absent — the default rules built from the short options `required`,
    /// `programmeRequired` and `checkFormats` (rule ids `required-FIELD`, `nik-format`,
    /// `phone-format`, `phone-indonesian`, `email-format`, then always `birth-date-real` and
    /// `place-in-area`), which is what a pipeline.json without rules gets.
    public struct Options: Decodable, Sendable {
        /// Canonical fields a participant record must have (default rules only).
        public var required: [String]
        /// Canonical fields a programme record must have (default rules only).
        public var programmeRequired: [String]
        /// Quarantine malformed NIK, phone and email values (default rules only).
        public var checkFormats: Bool
        /// The day ages are computed at for `"at": "run"` (`YYYY-MM-DD`); nil means the run's day.
        public var referenceDate: String?
        /// The office's own field names rules may use besides the canonical ones.
        public var fields: [String]
        /// The declared rules; nil means the default rules above.
        var rules: [any ValidationRule]?

        public init(required: [String] = [Field.name], programmeRequired: [String] = [Field.title], checkFormats: Bool = true, referenceDate: String? = nil) {
            self.required = required
            self.programmeRequired = programmeRequired
            self.checkFormats = checkFormats
            self.referenceDate = referenceDate
            self.fields = []
        }

        init(rules: [any ValidationRule], referenceDate: String? = nil) {
            self.init(referenceDate: referenceDate)
            self.rules = rules
        }

        private enum CodingKeys: String, CodingKey { case required, programmeRequired, checkFormats, referenceDate, fields, rules }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            fields = try container.decodeIfPresent([String].self, forKey: .fields) ?? []
            let known = KnownFields(extra: fields)
            required = container.contains(.required) ? try container.decodeFields(forKey: .required, fields: known) : [Field.name]
            programmeRequired = container.contains(.programmeRequired) ? try container.decodeFields(forKey: .programmeRequired, fields: known) : [Field.title]
            checkFormats = try container.decodeIfPresent(Bool.self, forKey: .checkFormats) ?? true
            referenceDate = try container.decodeIfPresent(String.self, forKey: .referenceDate)
            if let referenceDate, Day(written: referenceDate) == nil || referenceDate.count != 10 {
                throw DecodingError.dataCorruptedError(forKey: .referenceDate, in: container, debugDescription: "a date YYYY-MM-DD")
            }
            guard container.contains(.rules) else { return }
            if let shorthand = [CodingKeys.required, .programmeRequired, .checkFormats].first(where: { container.contains($0) }) {
                throw DecodingError.dataCorruptedError(
                    forKey: shorthand, in: container,
                    debugDescription:
                        "no \"\(shorthand.stringValue)\" beside \"rules\" (it only shapes the default rules; declare a required or format rule instead)")
            }
            var list = try container.nestedUnkeyedContainer(forKey: .rules)
            var rules: [any ValidationRule] = []
            var seen: Set<String> = []
            while !list.isAtEnd {
                let index = list.currentIndex
                let rule = try RuleCatalog.decode(from: try list.superDecoder(), fields: known)
                guard seen.insert(rule.header.id).inserted else {
                    throw DecodingError.dataCorrupted(
                        .init(
                            codingPath: list.codingPath + [IndexKey(index), AnyKey("id")],
                            debugDescription: "a rule id used once (\"\(rule.header.id)\" is used twice)"))
                }
                rules.append(rule)
            }
            self.rules = rules
        }

        /// Normalize's codes for a stated birth date it could not take.
        static let unrealBirthDateCodes = ["date.invalid", "date.unparseable", "date.future", "date.implausible"]

        /// The rules the stage checks, in order: the declared ones, else the defaults.
        var effectiveRules: [any ValidationRule] {
            if let rules { return rules }
            func header(_ id: String, _ type: String, kind: RecordKind = .participant) -> RuleHeader {
                RuleHeader(id: id, type: type, severity: .error, message: nil, scope: .record, kind: kind)
            }
            var rules: [any ValidationRule] = required.map { RequiredRule(header: header("required-\($0)", RequiredRule.type), fields: [$0]) }
            rules += programmeRequired.map { RequiredRule(header: header("required-\($0)", RequiredRule.type, kind: .programme), fields: [$0]) }
            if checkFormats {
                rules.append(FormatRule(header: header("nik-format", FormatRule.type), field: Field.nik, format: .nik))
                rules.append(FormatRule(header: header("phone-format", FormatRule.type), field: Field.phone, format: .phone))
                var indonesian = header("phone-indonesian", IssueRule.type)
                indonesian.message = "not an Indonesian number"
                rules.append(IssueRule(header: indonesian, codes: ["phone.foreign"]))
                rules.append(FormatRule(header: header("email-format", FormatRule.type), field: Field.email, format: .email))
            }
            // A stated birth date that is no date at all, no real day, in the future or over 120
            // years ago stays the person's: normalize keeps it out of the registry, and this
            // quarantines the record.
            rules.append(IssueRule(header: header("birth-date-real", IssueRule.type), codes: Self.unrealBirthDateCodes))
            rules.append(IssueRule(header: header("place-in-area", IssueRule.type), codes: ["place.outside-area"]))
            return rules
        }
    }

    static let optionDescriptors = [
        OptionDescriptor(
            "rules", type: "[object]", default: nil,
            summary: "Declarative rules, checked in order; " + RuleCatalog.headerSummary + ". Types: "
                + RuleCatalog.types.map { "\($0.type) (\($0.options.map(\.name).joined(separator: ", ")))" }.joined(separator: "; ")
                + ". Without rules: required-FIELD, nik-format, phone-format, phone-indonesian, email-format, birth-date-real, place-in-area."
        ),
        OptionDescriptor("fields", type: "[string]", default: "[]", summary: "Office field names rules may use besides the canonical ones."),
        OptionDescriptor(
            "referenceDate", type: "string", default: "null", summary: "The day ages are computed at for \"at\": \"run\" (YYYY-MM-DD); null is the run's day."),
        OptionDescriptor(
            "required", type: "[string]", default: "[\"name\"]", summary: "Without rules: fields every participant record must have (rule required-FIELD)."),
        OptionDescriptor("programmeRequired", type: "[string]", default: "[\"title\"]", summary: "Without rules: fields every programme record must have."),
        OptionDescriptor(
            "checkFormats", type: "boolean", default: "true", summary: "Without rules: rules nik-format, phone-format, phone-indonesian, email-format."
        ),
    ]
}
