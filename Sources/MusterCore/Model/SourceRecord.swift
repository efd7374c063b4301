/// One record exactly as an importer read it, before any cleaning.
///
/// Values are strings as they appeared in the input (JSON numbers keep their exact digits);
/// nothing is dropped: columns with no canonical field go to `extras`.
public struct SourceRecord: Sendable, Hashable, Codable {
    public var provenance: Provenance
    public var kind: RecordKind
    /// Canonical field name (see ``Field``) → raw value.
    public var fields: FieldValues
    /// Unmapped columns or JSON paths → raw value, kept so nothing is silently lost.
    public var extras: [String: String]
    /// Programmes or sessions this record's person joined, with attendance.
    public var enrollments: [Enrollment]
    /// Set when the importer could not read the record; the record is then quarantined at ingest.
    public var rejection: Rejection?
    /// The record's text as read, kept for rejected records so the quarantine holds exactly
    /// what an operator must fix (personal data: shown masked).
    public var raw: String?

    public init(
        provenance: Provenance,
        kind: RecordKind = .participant,
        fields: FieldValues = [:],
        extras: [String: String] = [:],
        enrollments: [Enrollment] = [],
        rejection: Rejection? = nil,
        raw: String? = nil
    ) {
        self.provenance = provenance
        self.kind = kind
        self.fields = fields
        self.extras = extras
        self.enrollments = enrollments
        self.rejection = rejection
        self.raw = raw
    }

    /// A record the importer could not read (malformed row, broken JSON line), kept with
    /// its reason and position so it can be quarantined rather than lost.
    public static func rejected(_ provenance: Provenance, reason: Rejection, raw: String? = nil) -> SourceRecord {
        SourceRecord(provenance: provenance, rejection: reason, raw: raw)
    }
}

/// Why an importer could not read one record, and where in the file.
///
/// The message must not contain the record's personal data: it names the problem and
/// the position only (`expected 10 fields, found 11`).
public struct Rejection: Sendable, Hashable, Codable {
    public var message: String
    /// Human position in the file: `line 14, column 3`, `byte 812`.
    public var position: String?

    public init(message: String, position: String? = nil) {
        self.message = message
        self.position = position
    }
}
