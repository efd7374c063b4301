package import MusterCore

/// Which records are worth comparing: those whose key — the rule's parts, all present —
/// is equal. A record lacking any part has no key for the rule and meets no one through it.
///
/// Decoded from pipeline.json:
/// `{"id": "name-birth-year", "key": ["nameKey", {"birthYear": "birthDate"}], "sortBy": "birthDate"}`.
/// `sortBy` (default `nameKey`) orders a block too large to pair in full, so that only near
/// neighbours in that order are paired (``CandidatePairs``).
package struct BlockingRule: Sendable, Equatable {
    /// The rule's name in reports and evidence (`phone`, `name-birth-date`).
    package let id: String
    package let parts: [BlockKeyPart]
    /// The field that orders an oversized block.
    package let sortBy: String

    package init(id: String, parts: [BlockKeyPart], sortBy: String = Field.nameKey) {
        self.id = id
        self.parts = parts
        self.sortBy = sortBy
    }

    /// Separates the parts of a key. Normalize removes control characters, so two different
    /// lists of part values never join into one key; were a value to hold one, the cost would
    /// be an extra candidate pair (compared and scored like any other), never a lost one.
    static let separator: UInt8 = 0x1F

    /// The record's key for this rule, or nil when it lacks a part: the 64-bit FNV-1a hash of
    /// the parts' values joined by ``separator``, computed without building that text, since
    /// blocks are numbered by it. Two keys with one hash (about one chance in thirty million
    /// among a million keys) would share a block: more pairs compared, none lost.
    package func hashedKey(_ values: FieldValues) -> UInt64? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for (index, part) in parts.enumerated() {
            guard let value = part.value(in: values) else { return nil }
            if index > 0 { hash = (hash ^ UInt64(Self.separator)) &* 0x0000_0100_0000_01B3 }
            for byte in value.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        return hash
    }

    /// The rule's key in reports: `nameKey + birthYear(birthDate)`.
    package var label: String { parts.map(\.label).joined(separator: " + ") }

    /// This domain's rules: the identifiers alone, the name with the birth date, the name within
    /// one kelurahan (a news row outside its batch joins only on its full name there), and
    /// within one training batch the name's first three letters or the sound of its last word
    /// (a news row carries a name, a kelurahan and its batch, nothing else). Another dataset
    /// replaces them in pipeline.json.
    ///
    /// The name within a kelurahan replaced the sound of the last name word with the name's
    /// initial there: at a million records that rule gave 12.8 million of 17 million pairs and
    /// found no true pair the others miss (100k: the same 96,568 right merged pairs; 1M: 958,075
    /// against 958,108, with 7.4 million pairs and comparing 34.7 s → 11.3 s). The name with the
    /// whole birth date replaced the name with the birth year, whose 2.4 million pairs at a
    /// million records were four in five strangers born the same year: 5.6 million pairs,
    /// 958,037 right merged pairs (100k: the same 96,568).
    package static let defaults: [BlockingRule] = [
        BlockingRule(id: "nik", parts: [.field(Field.nik)]),
        BlockingRule(id: "phone", parts: [.field(Field.phone)]),
        BlockingRule(id: "email", parts: [.field(Field.email)]),
        BlockingRule(id: "name-birth-date", parts: [.field(Field.nameKey), .field(Field.birthDate)]),
        BlockingRule(id: "name-kelurahan", parts: [.field(Field.nameKey), .field(Field.kelurahanCode)]),
        BlockingRule(id: "session-name-start", parts: [.field(Field.session), .prefix(Field.nameKey, 3)]),
        BlockingRule(id: "session-surname-sound", parts: [.field(Field.session), .phonetic(Field.nameKey)]),
    ]
}

extension BlockingRule: Decodable {
    private enum CodingKeys: String, CodingKey { case id, key, sortBy }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        guard !id.isEmpty else { throw DecodingError.dataCorruptedError(forKey: .id, in: container, debugDescription: "a rule name") }
        parts = try container.decode([BlockKeyPart].self, forKey: .key)
        guard !parts.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .key, in: container, debugDescription: "at least one key part")
        }
        sortBy = try container.decodeIfPresent(String.self, forKey: .sortBy) ?? Field.nameKey
    }
}
