internal import MusterCore

/// The field names rules may use: every canonical field (``Field``) plus the office's own
/// fields listed in the validate stage's `fields` option. A name outside them is a config
/// error, so a typo (`birthdate`) cannot silently make a rule pass forever.
struct KnownFields: Sendable {
    static let canonical: [String] = [
        Field.name, Field.nik, Field.phone, Field.email, Field.birthDate, Field.birthPlace, Field.gender, Field.address,
        Field.kelurahan, Field.kecamatan, Field.postalCode, Field.sector, Field.businessName, Field.externalID,
        Field.submittedAt, Field.honorific, Field.degree, Field.nameKey, Field.otherPhones, Field.phoneType,
        Field.kecamatanCode, Field.kelurahanCode, Field.nikDistrict, Field.nikBirthDate, Field.nikGender, Field.derived,
        Field.guid, Field.title, Field.link, Field.published, Field.author, Field.categories, Field.text,
    ]

    let names: Set<String>

    init(extra: [String] = []) {
        names = Set(Self.canonical).union(extra)
    }

    func contains(_ field: String) -> Bool { names.contains(field) }

    /// The expectation for an unknown field, with the nearest known name when one is close.
    func expectation(for field: String) -> String {
        let hint = EditDistance.suggestion(for: field, among: names.sorted()).map { " (did you mean \"\($0)\"?)" } ?? ""
        return "a known field\(hint); office fields are listed in the validate stage's \"fields\" option"
    }
}

/// Integer coding keys, to point an error at one element of an array.
struct IndexKey: CodingKey {
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }
    let index: Int

    init(_ index: Int) { self.index = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { index = intValue }
}

extension KeyedDecodingContainer {
    /// A field name that must be known.
    func decodeField(forKey key: Key, fields: KnownFields) throws -> String {
        let field = try decode(String.self, forKey: key)
        guard fields.contains(field) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: fields.expectation(for: field))
        }
        return field
    }

    /// A non-empty list of known field names; an unknown one is reported at its index.
    func decodeFields(forKey key: Key, fields: KnownFields) throws -> [String] {
        let names = try decode([String].self, forKey: key)
        guard !names.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "a non-empty array of field names")
        }
        if let index = names.firstIndex(where: { !fields.contains($0) }) {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key, IndexKey(index)], debugDescription: fields.expectation(for: names[index])))
        }
        return names
    }
}
