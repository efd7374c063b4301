/// Canonical, comparable values for one record, produced by the normalize stage.
///
/// The raw values stay in the record's ``SourceRecord``; this holds only the canonical forms
/// (E.164 phones, ISO dates, title-cased names) and the issues found on the way.
public struct NormalizedRecord: Sendable, Hashable, Codable {
    /// Canonical field name → canonical value. A field absent here was missing or a placeholder.
    public var values: FieldValues
    /// What normalization could not parse or found suspicious.
    public var issues: [FieldIssue]

    public init(values: FieldValues = [:], issues: [FieldIssue] = []) {
        self.values = values
        self.issues = issues
    }

    public subscript(field: String) -> String? {
        get { values[field] }
        set { values[field] = newValue }
    }
}
