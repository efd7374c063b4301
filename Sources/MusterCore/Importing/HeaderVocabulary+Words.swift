/// Reading a header by its words (already folded by ``HeaderVocabulary/key(_:)``), after
/// its whole text matched no synonym. Each rule says whether the words name its field; a
/// header two rules claim is ambiguous.
///
/// The NIK and place rules look at the first words only (the phone and e-mail rules at
/// every word, as `Nomor HP yang aktif` and `Alamat email` show): an office names a column
/// by what it starts with (`No. NIK`, `Asal Kelurahan`, `Kelurahan Domisili`), and a title
/// or label cell above the header that mentions a place later on (`Aula Kantor Kelurahan
/// Pejaten Barat`) must not read as a header.
extension HeaderVocabulary {
    typealias WordRule = (field: String, matches: @Sendable ([Substring]) -> Bool)

    static let wordRules: [WordRule] = [
        // `No. HP/WhatsApp`, `Nomor WA aktif`, `Kontak`; not a contact person's name.
        (
            Field.phone,
            { words in
                words.contains { phoneWords.contains($0) } || (words.first != "nama" && words.contains("kontak"))
            }
        ),
        (Field.email, { words in words.contains { $0 == "email" || $0 == "surel" } || zip(words, words.dropFirst()).contains { $0 == "e" && $1 == "mail" } }),
        (Field.address, { words in words.first == "alamat" && !words.contains { $0 == "email" || $0 == "surel" || $0 == "mail" } }),
        (Field.nik, isNIK),
        (Field.kelurahan, { words in placeFields(words).contains(Field.kelurahan) }),
        (Field.kecamatan, { words in placeFields(words).contains(Field.kecamatan) }),
        // The owner of a business is the person (`Nama Pemilik`, `Nama Pemilik Usaha`);
        // other `Nama …` columns name someone else (`Nama Ibu Kandung`) or the business.
        (Field.name, { words in words.first == "pemilik" || (words.count >= 2 && words[0] == "nama" && words[1] == "pemilik") }),
    ]

    private static let phoneWords: Set<Substring> = ["hp", "wa", "whatsapp", "handphone", "ponsel", "telp", "telepon"]

    /// The person's NIK: `nik` among the first two words (`No. NIK`, `NO. NIK/KTP`, `NIK (16
    /// digit sesuai KTP)`), `induk kependudukan` (the NIK spelled out), or a number of the
    /// identity card (`No. Identitas`, `Nomor KTP`). Never the family card's number (`No.
    /// KK`) nor the head of the family's NIK (`NIK Kepala Keluarga`).
    @Sendable
    private static func isNIK(_ words: [Substring]) -> Bool {
        guard !words.contains(where: { $0 == "kk" || $0 == "keluarga" }) else { return false }
        if words.prefix(2).contains("nik") { return true }
        if zip(words, words.dropFirst()).contains(where: { $0 == "induk" && $1 == "kependudukan" }) { return true }
        guard words.count >= 2, ["no", "nomor", "nomer"].contains(words[0]) else { return false }
        return words[1] == "ktp" || words[1] == "identitas"
    }

    /// The place fields a header's leading place words name, after an optional `asal`,
    /// `nama`, `kode` or `domisili`: `Kel/Desa` and `Desa/Kelurahan` the kelurahan,
    /// `Kecamatan Domisili` and `Asal Kecamatan` the kecamatan, `Kel/Kec` both.
    @Sendable
    private static func placeFields(_ words: [Substring]) -> Set<String> {
        var rest = words[...]
        if let first = rest.first, ["asal", "nama", "kode", "domisili"].contains(first) { rest = rest.dropFirst() }
        var fields: Set<String> = []
        for word in rest {
            switch word {
            case "kelurahan", "kel", "desa": fields.insert(Field.kelurahan)
            case "kecamatan", "kec": fields.insert(Field.kecamatan)
            default: return fields
            }
        }
        return fields
    }
}
