internal import MusterCore

/// How one field of two records is compared: its levels, most specific first, then two
/// implicit ones — `null` when either record lacks the value (no evidence either way) and
/// `else` when no level holds (evidence against).
///
/// The engine knows no field by name: names, NIKs, phones and places differ only in the
/// levels their comparison lists (``defaults``).
struct Comparison: Sendable, Equatable, Decodable {
    /// The comparison's name in reports and evidence (`name`, `nik`).
    let id: String
    /// The canonical field compared (`nameKey`, `nik`).
    let field: String
    let levels: [ComparisonLevel]
    /// Another comparison whose agreement already holds this one's evidence: a NIK encodes
    /// the birth date, so two records with one NIK agree on the date by construction, and
    /// counting both would count one fact twice. At those levels of the other comparison,
    /// this one is read as null.
    let impliedBy: Implication?
    /// Whether exact agreement weighs by how common the value is (a name: agreeing on `siti
    /// aminah` says less than agreeing on a rare name).
    let termFrequency: Bool

    /// `{"comparison": "nik", "levels": ["exact"]}` in pipeline.json.
    struct Implication: Sendable, Equatable, Decodable {
        /// The implying comparison's id.
        let comparison: String
        /// Its level names (``ComparisonLevel/label``) at which this comparison tells nothing new.
        let levels: [String]
    }

    init(id: String, field: String, levels: [ComparisonLevel], impliedBy: Implication? = nil, termFrequency: Bool = false) {
        self.id = id
        self.field = field
        self.levels = levels
        self.impliedBy = impliedBy
        self.termFrequency = termFrequency
    }

    private enum CodingKeys: String, CodingKey { case id, field, levels, impliedBy, termFrequency }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        field = try container.decode(String.self, forKey: .field)
        levels = try container.decode([ComparisonLevel].self, forKey: .levels)
        impliedBy = try container.decodeIfPresent(Implication.self, forKey: .impliedBy)
        termFrequency = try container.decodeIfPresent(Bool.self, forKey: .termFrequency) ?? false
        guard !id.isEmpty, !field.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: container, debugDescription: "a comparison needs an id and a field")
        }
        guard levels.count < 100 else {
            throw DecodingError.dataCorruptedError(forKey: .levels, in: container, debugDescription: "at most 99 levels")
        }
    }

    /// The level index for a pair that lacks the value on either side.
    static let null = -1

    /// The level of two present values: the index of the first level that holds, or
    /// `levels.count` (`else`); `other` reads another field of each record (a level that
    /// needs one it cannot read does not hold). Missing values are `null`
    /// (``ComparisonColumns/level(_:_:_:)``).
    func level(of left: String, _ right: String, other: (String) -> (String?, String?) = { _ in (nil, nil) }) -> Int {
        for (index, level) in levels.enumerated() where level.holds(left, right, other: other) { return index }
        return levels.count
    }

    /// The level's name (`exact`, `else`, `null`).
    func label(_ level: Int) -> String {
        if level == Self.null { return "null" }
        return level < levels.count ? levels[level].label : "else"
    }

    /// This domain's comparisons: names by their folded key, the identifiers, the birth date
    /// (not counted again when the NIK, which encodes it, agrees), the place, the business
    /// sector and the training batch. Another dataset replaces them in pipeline.json.
    static let defaults: [Comparison] = [
        Comparison(
            id: "name", field: Field.nameKey, levels: [.exact, .allWords(0.9), .tokenSet, .wordSubset, .jaroWinkler(0.88)], termFrequency: true),
        Comparison(id: "nik", field: Field.nik, levels: [.exact, .transposition, .oneDigitOff]),
        Comparison(id: "phone", field: Field.phone, levels: [.exact, .sameSuffix(9)]),
        Comparison(id: "email", field: Field.email, levels: [.exact]),
        Comparison(
            id: "birthDate", field: Field.birthDate, levels: [.exact, .dayMonthSwapped, .onePartOff],
            impliedBy: Implication(comparison: "nik", levels: ["exact"])),
        Comparison(id: "kelurahan", field: Field.kelurahanCode, levels: [.exact, .sameField(Field.kecamatanCode)]),
        Comparison(id: "sector", field: Field.sector, levels: [.exact]),
        Comparison(id: "session", field: Field.session, levels: [.exact]),
    ]
}

extension Comparison {
    /// Whether the comparison reads any of these fields (its own, or another a level reads).
    func reads(_ fields: Set<String>) -> Bool {
        if fields.contains(field) { return true }
        return levels.contains { level in
            if case .sameField(let other) = level { return fields.contains(other) }
            return false
        }
    }
}
