public import MusterCore

/// Judges each record against the rules and quarantines the ones that fail, with every
/// failing rule as a reason; the rest go on to the registry.
///
/// Works cluster by cluster (dedupe emits each cluster's records together). When a
/// quarantined record was the link between other members, the cluster is split again
/// along the remaining evidence, so a quarantined record never merges two people.
public final class ValidateStage: Stage {
    public struct Options: Decodable, Sendable {
        /// Canonical fields a participant record must have.
        public var required: [String]
        /// Canonical fields a programme record must have.
        public var programmeRequired: [String]
        /// Quarantine malformed NIK, phone and email values.
        public var checkFormats: Bool

        public init(required: [String] = [Field.name], programmeRequired: [String] = [Field.title], checkFormats: Bool = true) {
            self.required = required
            self.programmeRequired = programmeRequired
            self.checkFormats = checkFormats
        }

        private enum CodingKeys: String, CodingKey { case required, programmeRequired, checkFormats }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            required = try container.decodeIfPresent([String].self, forKey: .required) ?? [Field.name]
            programmeRequired = try container.decodeIfPresent([String].self, forKey: .programmeRequired) ?? [Field.title]
            checkFormats = try container.decodeIfPresent(Bool.self, forKey: .checkFormats) ?? true
        }
    }

    public static let descriptor = StageDescriptor(
        id: "validate",
        summary: "Quarantines records that miss required fields or carry a malformed NIK, phone or email; re-splits clusters they linked.",
        options: [
            OptionDescriptor("required", type: "[string]", default: "[\"name\"]", summary: "Fields every participant record must have (rule required-FIELD)."),
            OptionDescriptor("programmeRequired", type: "[string]", default: "[\"title\"]", summary: "Fields every programme record must have."),
            OptionDescriptor("checkFormats", type: "boolean", default: "true", summary: "Rules nik-format, phone-format, email-format."),
        ]
    )

    private let options: Options
    private let stageName: String
    private var group: [Record] = []

    public init(options: Options, context: StageContext) {
        self.options = options
        self.stageName = context.stageName
    }

    public func process(_ batch: RecordBatch, emit: (RecordBatch) throws -> Void) throws {
        var out: RecordBatch = []
        out.reserveCapacity(batch.count)
        for record in batch {
            guard let cluster = record.match?.cluster else {
                out.append(validated(record))
                continue
            }
            if let current = group.first?.match?.cluster, current != cluster {
                out += closeGroup()
            }
            group.append(validated(record))
        }
        if !out.isEmpty { try emit(out) }
    }

    public func finish(emit: (RecordBatch) throws -> Void) throws {
        let rest = closeGroup()
        if !rest.isEmpty { try emit(rest) }
    }

    private func closeGroup() -> [Record] {
        defer { group.removeAll(keepingCapacity: true) }
        guard group.contains(where: \.isQuarantined), group.count > 1 else { return group }
        return ClusterSplitter.split(group)
    }

    func validated(_ record: Record) -> Record {
        guard !record.isQuarantined else { return record }
        var record = record
        record.quarantine = reasons(for: record)
        return record
    }

    /// Every rule the record breaks, in a fixed order: required fields, then formats.
    func reasons(for record: Record) -> [QuarantineReason] {
        let values = record.normalized?.values ?? record.source.fields
        let required = record.source.kind == .participant ? options.required : options.programmeRequired
        var reasons: [QuarantineReason] = []
        for field in required where (values[field] ?? "").isEmpty {
            reasons.append(QuarantineReason(rule: "required-\(field)", stage: stageName, message: "\(field) is missing", field: field))
        }
        guard options.checkFormats, record.source.kind == .participant else { return reasons }
        let issues = Set(record.normalized?.issues.map(\.field) ?? [])
        if let nik = values[Field.nik], !IdentifierRules.isWellFormedNIK(nik) {
            reasons.append(QuarantineReason(rule: "nik-format", stage: stageName, message: "NIK must be 16 digits, found \(nik.count) characters", field: Field.nik))
        }
        if issues.contains(Field.phone) || values[Field.phone].map({ !IdentifierRules.isWellFormedPhone($0) }) == true {
            reasons.append(QuarantineReason(rule: "phone-format", stage: stageName, message: "phone is not a valid Indonesian number", field: Field.phone))
        }
        if let email = values[Field.email], !IdentifierRules.isWellFormedEmail(email) {
            reasons.append(QuarantineReason(rule: "email-format", stage: stageName, message: "email is not of the form name@domain.tld", field: Field.email))
        }
        return reasons
    }
}
