import MusterCore

/// Maps header text to column roles: the built-in Indonesian and English synonyms, the
/// operator's `columns` option on top, and attendance day headers.
///
/// Header text is compared case-insensitively with punctuation and extra spaces ignored,
/// so `No. HP/WA`, `no hp wa` and `NO HP / WA` are one header.
struct ColumnMapping {
    private var synonyms: [String: String]

    init(overrides: [String: String]) {
        var synonyms = Self.builtIn
        for (header, field) in overrides { synonyms[Self.key(header)] = field }
        self.synonyms = synonyms
    }

    /// What a header names: a field, several fields at once (ambiguous), or none.
    enum Meaning: Equatable {
        case field(String)
        case ambiguous([String])
        case none
    }

    /// The canonical field a header names, if any (see ``meaning(of:)``).
    func field(for header: String) -> String? {
        if case .field(let field) = meaning(of: header) { return field }
        return nil
    }

    /// What a header names. The whole text first, as a synonym or the operator's own; a
    /// trailing remark in parentheses (`Nama Lengkap (sesuai KTP)`) is ignored when the full
    /// text is not known. Then its words, as forms and portals write questions: a header
    /// with `hp`, `wa` or `whatsapp` is a phone (`No. HP/WhatsApp`, `Nomor WA aktif`), one
    /// with `email` or `surel` an e-mail (`Email Address`), one starting with `alamat` the
    /// address (`Alamat Lengkap`). A header whose words name two fields names neither.
    func meaning(of header: String) -> Meaning {
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

    private static let wordRules: [(String, @Sendable ([Substring]) -> Bool)] = [
        (Field.phone, { words in words.contains { ["hp", "wa", "whatsapp", "handphone", "ponsel", "telp", "telepon"].contains($0) } }),
        (Field.email, { words in words.contains { $0 == "email" || $0 == "surel" } || zip(words, words.dropFirst()).contains { $0 == "e" && $1 == "mail" } }),
        (Field.address, { words in words.first == "alamat" && !words.contains { $0 == "email" || $0 == "surel" || $0 == "mail" } }),
    ]

    /// Roles for a whole header row, and the headers whose words name several fields (kept
    /// as extras, for the importer to warn about). A field named by two columns goes to the
    /// first; the later ones are kept as extras. Empty or repeated header texts get unique keys.
    ///
    /// `enrolled`: every row is an enrollment whatever its columns (the importer's
    /// `programme` or `session` is set). A status column is read only then or when the sheet
    /// has a training or attendance day column (see ``statusColumn(in:enrolled:)``).
    func roles(for header: [String], enrolled: Bool = false) -> (roles: [ColumnRole], ambiguous: [(header: String, fields: [String])]) {
        var taken: Set<String> = []
        var extraKeys: Set<String> = []
        var trainingTaken: Set<ColumnRole.TrainingPart> = []
        var ambiguous: [(header: String, fields: [String])] = []
        let status = statusColumn(in: header, enrolled: enrolled)
        let roles = header.enumerated().map { index, text -> ColumnRole in
            switch meaning(of: text) {
            case .field(let field) where taken.insert(field).inserted: return .field(field)
            case .ambiguous(let fields): ambiguous.append((text, fields))
            default: break
            }
            if index == status { return .training(.status) }
            if let part = Self.trainingParts[Self.key(text)], trainingTaken.insert(part).inserted { return .training(part) }
            if AttendanceHeader.isDay(text) { return .attendance(text) }
            let base = text.isEmpty ? "column \(index + 1)" : text
            var key = base
            // A header may itself read like a numbered repeat ("Catatan (3)"): count on
            // until the key is free, so no column's values are written over another's.
            var number = index + 1
            while !extraKeys.insert(key).inserted {
                key = "\(base) (\(number))"
                number += 1
            }
            return .extra(key)
        }
        return (roles, ambiguous)
    }

    /// The column holding each row's status (`Status`, `Keterangan`, `Hasil`): the one whose
    /// header ranks first in ``statusHeaders``, the leftmost of equals. None unless the rows
    /// are enrollments (`enrolled`, a training column, attendance days), so that an ordinary
    /// sign-up sheet's remarks column (`Keterangan`) stays an extra, as it was.
    func statusColumn(in header: [String], enrolled: Bool) -> Int? {
        let keys = header.map(Self.key)
        guard enrolled || zip(header, keys).contains(where: { Self.trainingParts[$1] != nil || AttendanceHeader.isDay($0) }) else { return nil }
        var best: (column: Int, rank: Int)?
        for (column, key) in keys.enumerated() {
            guard let rank = Self.statusHeaders[key], rank < best?.rank ?? .max, case .none = meaning(of: header[column]) else { continue }
            best = (column, rank)
        }
        return best?.column
    }

    /// Lowercased, every run of non-alphanumerics one space, trimmed: `No. HP/WA` → `no hp wa`.
    static func key(_ text: String) -> String {
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

    /// Recap sheets name each row's training: the row is an enrollment in it on that date.
    private static let trainingParts: [String: ColumnRole.TrainingPart] = {
        var parts: [String: ColumnRole.TrainingPart] = [:]
        for header in ["Pelatihan", "Nama Pelatihan", "Judul Pelatihan", "Jenis Pelatihan", "Training"] { parts[key(header)] = .title }
        for header in ["Tgl Pelatihan", "Tgl. Pelatihan", "Tanggal Pelatihan", "Waktu Pelatihan", "Training Date"] { parts[key(header)] = .date }
        return parts
    }()

    /// Headers of a recap sheet's status column, by rank: a sheet with both a `Status` and a
    /// `Keterangan` column has its status in the first, as an export's training has it in
    /// `status` before `keterangan` and `hasil`.
    private static let statusHeaders: [String: Int] = {
        let ranked = [["Status", "Status Peserta", "Status Pelatihan"], ["Keterangan"], ["Hasil"]]
        var ranks: [String: Int] = [:]
        for (rank, headers) in ranked.enumerated() {
            for header in headers { ranks[key(header)] = rank }
        }
        return ranks
    }()

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
            (Field.sector, ["Jenis Usaha", "Bidang Usaha", "Sektor Usaha", "Kategori Usaha"]),
            (Field.businessName, ["Nama Usaha"]),
            (Field.submittedAt, ["Timestamp", "Cap waktu", "Tgl Daftar", "Tanggal Daftar"]),
        ]
        var map: [String: String] = [:]
        for (field, headers) in table {
            for header in headers { map[key(header)] = field }
        }
        return map
    }()
}
