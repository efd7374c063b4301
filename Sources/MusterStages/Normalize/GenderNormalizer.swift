/// Gender as written (L / P / Laki-laki / Perempuan / Pria / Wanita / M / F / Male / Female …)
/// to the one code the registry keeps: `L` or `P`, as on the KTP.
struct GenderNormalizer: Sendable {
    static let defaults: [String: [String]] = [
        "L": [
            "l", "lk", "laki-laki", "laki laki", "lakilaki", "laki", "laki2", "laki-laki (l)", "pria", "cowok",
            "m", "male", "man", "bapak", "lelaki",
        ],
        "P": ["p", "pr", "pr.", "perempuan", "wanita", "f", "female", "woman", "w", "cewek", "ibu", "perempuan (p)"],
    ]

    /// Lower-case written form → code.
    let table: [String: String]
    /// The same by packed letters (``ByteText/pack(_:)``), for the one-word values nearly
    /// every record has; forms whose letters name two codes are left to `table`.
    let packed: PackedKeyTable<String>

    init(extra: [String: [String]]) {
        var table: [String: String] = [:]
        for (code, variants) in Self.defaults.merging(extra, uniquingKeysWith: +) {
            table[code.lowercased()] = code
            for variant in variants { table[variant.lowercased()] = code }
        }
        self.table = table
        var packed: [UInt64: String] = [:]
        var conflicting: Set<UInt64> = []
        for (form, code) in table {
            guard let key = ByteText.pack(form) else { continue }
            if let other = packed[key], other != code { conflicting.insert(key) }
            packed[key] = code
        }
        self.packed = PackedKeyTable(packed.filter { !conflicting.contains($0.key) })
    }

    func code(_ cleaned: String) -> String? {
        if let key = ByteText.pack(cleaned), let code = packed[key] { return code }
        if let code = table[TextNormalizer.lowercased(cleaned)] { return code }
        // "Laki - laki", "L.", "P (Perempuan)": compare on letters only.
        let letters = NameNormalizer.letterKey(cleaned)
        if let code = table[letters] { return code }
        // "P (Perempuan)", "L / Laki-laki": every word says the same.
        let codes = Set(TextNormalizer.words(cleaned).map { table[String($0)] })
        if codes.count == 1, let code = codes.first { return code }
        return nil
    }
}
