/// How offices head their columns, read as canonical fields: one vocabulary for every
/// importer that reads a table by its header (sheets, the participant tables of news items),
/// so a header one of them understands the others understand too.
///
/// A header is read in three steps: its whole text as a known synonym or an operator's own
/// (`overrides`); the same without a trailing remark in parentheses (`Nama Lengkap (sesuai
/// KTP)`); then its words, as forms, portals and offices write them (see
/// `HeaderVocabulary+Words.swift`). Text is compared case-insensitively with punctuation and
/// extra spaces ignored, so `No. HP/WA`, `no hp wa` and `NO HP / WA` are one header.
package struct HeaderVocabulary: Sendable {
    /// What a header names: a field, several fields at once (ambiguous), or none.
    package enum Meaning: Equatable, Sendable {
        case field(String)
        case ambiguous([String])
        case none
    }

    private var synonyms: [String: String]

    /// Keys for columns kept as extras, unique within one header row: the header text,
    /// `column N` for an empty one, and `text (N)` for a repeat — counted on until free, since
    /// a header may itself read like a numbered repeat (`Catatan (3)`). No column's values are
    /// written over another's.
    package struct ExtraKeys {
        private var taken: Set<String> = []

        package init() {}

        /// The key of the column at `index` (0-based) headed `text`.
        package mutating func key(for text: String, at index: Int) -> String {
            let base = text.isEmpty ? "column \(index + 1)" : text
            var key = base
            var number = index + 1
            while !taken.insert(key).inserted {
                key = "\(base) (\(number))"
                number += 1
            }
            return key
        }
    }

    /// The built-in synonyms with `overrides` (header text → field name) on top.
    package init(overrides: [String: String] = [:]) {
        var synonyms = Self.builtIn
        for (header, field) in overrides { synonyms[Self.key(header)] = field }
        self.synonyms = synonyms
    }

    /// The canonical field a header names, if it names exactly one.
    package func field(for header: String) -> String? {
        if case .field(let field) = meaning(of: header) { return field }
        return nil
    }

    /// What a header names: its whole text first, then without a trailing remark in
    /// parentheses, then its words. A header whose words name two fields names neither.
    package func meaning(of header: String) -> Meaning {
        let key = Self.key(header)
        if let field = synonyms[key] { return .field(field) }
        if let open = header.firstIndex(of: "(") {
            let stripped = Self.key(String(header[..<open]))
            if !stripped.isEmpty, let field = synonyms[stripped] { return .field(field) }
        }
        let words = key.split(separator: " ")
        var fields: [String] = []
        for (field, matches) in Self.wordRules where matches(words) && !fields.contains(field) { fields.append(field) }
        switch fields.count {
        case 0: return .none
        case 1: return .field(fields[0])
        default: return .ambiguous(fields)
        }
    }

    /// How strongly a header names a training's status, 0 first: `Status`, `Status Peserta`,
    /// `Status Pelatihan` (every cell is the status), then `Keterangan`/`Ket.` (remarks that
    /// often hold one), then `Hasil`; nil for any other header. One list for every importer:
    /// a sheet takes its best-ranked column, a news table takes rank 0 outright and the
    /// others only where a cell reads as a status.
    package static func statusRank(of header: String) -> Int? {
        statusRanks[key(header)]
    }

    private static let statusRanks: [String: Int] = {
        let ranked = [["Status", "Status Peserta", "Status Pelatihan"], ["Keterangan", "Ket."], ["Hasil"]]
        var ranks: [String: Int] = [:]
        for (rank, headers) in ranked.enumerated() {
            for header in headers { ranks[key(header)] = rank }
        }
        return ranks
    }()

    /// Lowercased, every run of non-alphanumerics one space, trimmed: `No. HP/WA` → `no hp wa`.
    package static func key(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// Whole header texts (compared as ``key(_:)`` folds them) → field.
    private static let builtIn: [String: String] = {
        let table: [(String, [String])] = [
            (Field.name, ["Nama", "Nama Lengkap", "Nama Peserta", "Name", "Full Name"]),
            (Field.nik, ["NIK", "No. KTP", "No KTP", "Nomor KTP", "NIK KTP"]),
            (
                Field.phone,
                [
                    "No HP", "No. HP", "No HP/WA", "No. HP/WA", "No WA", "HP", "Telp", "Telepon", "No Telp", "Phone", "WhatsApp",
                ]
            ),
            (Field.email, ["Email", "E-mail", "Alamat Email", "Email Address"]),
            // "Tempat, Tanggal Lahir" holds the place too; normalize splits it off.
            (
                Field.birthDate,
                ["Tanggal Lahir", "Tgl Lahir", "Tgl. Lahir", "Date of Birth", "Tempat, Tanggal Lahir", "Tempat/Tgl Lahir", "Tempat Tgl. Lahir", "TTL"]
            ),
            (Field.birthPlace, ["Tempat Lahir"]),
            (Field.gender, ["Jenis Kelamin", "JK", "L/P", "Gender"]),
            (Field.kelurahan, ["Kelurahan", "Kel.", "Kel"]),
            (Field.kecamatan, ["Kecamatan", "Kec.", "Kec"]),
            (Field.address, ["Alamat"]),
            // A product names the business's line ("Keripik singkong"), which normalize
            // reads into its short list of sectors as it reads `Jenis Usaha`; the business's
            // own name is `Nama Usaha`.
            (Field.sector, ["Jenis Usaha", "Bidang Usaha", "Sektor Usaha", "Kategori Usaha", "Produk", "Produk Usaha", "Jenis Produk"]),
            (Field.businessName, ["Nama Usaha"]),
            // Google Forms writes `Timestamp`, or `Stempel waktu` / `Cap waktu` for an
            // Indonesian account.
            (
                Field.submittedAt,
                ["Timestamp", "Stempel waktu", "Cap waktu", "Tgl Daftar", "Tanggal Daftar", "Tgl Pendaftaran", "Tanggal Pendaftaran"]
            ),
        ]
        var map: [String: String] = [:]
        for (field, headers) in table {
            for header in headers { map[key(header)] = field }
        }
        return map
    }()
}
