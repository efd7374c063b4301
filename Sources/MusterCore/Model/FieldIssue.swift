/// Something a stage noticed about one field of one record: a value it could not parse,
/// a disagreement between fields. Issues never change data; they travel with the record.
public struct FieldIssue: Sendable, Hashable, Codable {
    /// Stable machine code, `area.problem`: `phone.unparseable`, `date.invalid`.
    public var code: String
    /// The canonical field concerned.
    public var field: String
    /// The raw value involved (personal data: masked on display unless asked for).
    public var raw: String?
    /// One line for a human; never contains the raw value itself.
    public var message: String

    public init(code: String, field: String, raw: String?, message: String) {
        self.code = code
        self.field = field
        self.raw = raw
        self.message = message
    }
}
