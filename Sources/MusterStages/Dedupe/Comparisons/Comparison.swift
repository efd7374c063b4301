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

    /// The level index for a pair that lacks the value on either side.
    static let null = -1

    /// The pair's level: `null`, the index of the first level that holds, or `levels.count`
    /// (`else`).
    func level(_ a: FieldValues, _ b: FieldValues) -> Int {
        guard let left = a[field], let right = b[field], !left.isEmpty, !right.isEmpty else { return Self.null }
        for (index, level) in levels.enumerated() where level.holds(left, right, other: { (a[$0], b[$0]) }) { return index }
        return levels.count
    }

    /// The level's name (`exact`, `else`, `null`).
    func label(_ level: Int) -> String {
        if level == Self.null { return "null" }
        return level < levels.count ? levels[level].label : "else"
    }

    /// This domain's comparisons: names by their folded key, the identifiers, the birth date and
    /// the place. Another dataset replaces them in pipeline.json.
    static let defaults: [Comparison] = [
        Comparison(id: "name", field: Field.nameKey, levels: [.exact, .jaroWinkler(0.94), .jaroWinkler(0.88), .tokenSet]),
        Comparison(id: "nik", field: Field.nik, levels: [.exact, .transposition, .oneDigitOff]),
        Comparison(id: "phone", field: Field.phone, levels: [.exact, .sameSuffix(9)]),
        Comparison(id: "email", field: Field.email, levels: [.exact]),
        Comparison(id: "birthDate", field: Field.birthDate, levels: [.exact, .dayMonthSwapped, .onePartOff]),
        Comparison(id: "kelurahan", field: Field.kelurahanCode, levels: [.exact, .sameField(Field.kecamatanCode)]),
    ]
}
