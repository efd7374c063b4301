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

    /// The canonical field a header names, if any; a trailing remark in parentheses
    /// (`Nama Lengkap (sesuai KTP)`) is ignored when the full text is not known.
    func field(for header: String) -> String? {
        let key = Self.key(header)
        if let field = synonyms[key] { return field }
        if let open = header.firstIndex(of: "(") {
            let stripped = Self.key(String(header[..<open]))
            if !stripped.isEmpty, let field = synonyms[stripped] { return field }
        }
        return nil
    }

    /// Roles for a whole header row. A field named by two columns goes to the first; the
    /// later ones are kept as extras. Empty or repeated header texts get unique keys.
    func roles(for header: [String]) -> [ColumnRole] {
        var taken: Set<String> = []
        var extraKeys: Set<String> = []
        return header.enumerated().map { index, text in
            if let field = field(for: text), taken.insert(field).inserted { return .field(field) }
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
            (Field.email, ["Email", "E-mail", "Alamat Email"]),
            (Field.birthDate, ["Tanggal Lahir", "Tgl Lahir", "Tgl. Lahir", "Date of Birth"]),
            (Field.birthPlace, ["Tempat Lahir"]),
            (Field.gender, ["Jenis Kelamin", "JK", "L/P", "Gender"]),
            (Field.kelurahan, ["Kelurahan", "Kel.", "Kel"]),
            (Field.kecamatan, ["Kecamatan", "Kec.", "Kec"]),
            (Field.address, ["Alamat"]),
            (Field.sector, ["Jenis Usaha", "Bidang Usaha", "Sektor Usaha"]),
            (Field.businessName, ["Nama Usaha"]),
            (Field.submittedAt, ["Timestamp", "Cap waktu"]),
        ]
        var map: [String: String] = [:]
        for (field, headers) in table {
            for header in headers { map[key(header)] = field }
        }
        return map
    }()
}
