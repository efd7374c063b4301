/// Why a record was kept out of the registry. A quarantined record is not dropped: it keeps
/// flowing through later stages untouched and is written to the registry's quarantine.
public struct QuarantineReason: Sendable, Hashable, Codable {
    /// The rule id: `malformed-record`, `required-name`, `nik-format` …
    public var rule: String
    /// The stage that quarantined the record.
    public var stage: String
    /// What is wrong and where, without the record's personal data.
    public var message: String
    /// The canonical field involved, if one.
    public var field: String?

    public init(rule: String, stage: String, message: String, field: String? = nil) {
        self.rule = rule
        self.stage = stage
        self.message = message
        self.field = field
    }
}
