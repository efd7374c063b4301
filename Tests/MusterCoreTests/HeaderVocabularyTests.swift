import MusterCore
import Testing

/// The one header vocabulary sheets and news tables are read through: headers offices
/// really write, the look-alikes that name something else, and headers that could be two fields.
@Suite struct HeaderVocabularyTests {
    @Test(
        arguments: [
            // The person's NIK, however it is spelled out; never the family card's number.
            ("No. NIK", Field.nik), ("NO. NIK/KTP", Field.nik), ("Nomor Induk Kependudukan (NIK)", Field.nik),
            ("Nomor Induk Kependudukan", Field.nik), ("No. Identitas", Field.nik), ("NIK (16 digit sesuai KTP)", Field.nik),
            ("Nomor KTP (NIK)", Field.nik), ("Nomor Identitas", Field.nik),
            // The KTP's own label for the kelurahan, and the ways forms ask for it.
            ("Kel/Desa", Field.kelurahan), ("Desa/Kelurahan", Field.kelurahan), ("Kelurahan Domisili", Field.kelurahan),
            ("Asal Kelurahan", Field.kelurahan), ("Kelurahan Tempat Usaha", Field.kelurahan), ("Kelurahan (sesuai KTP)", Field.kelurahan),
            ("Kecamatan Domisili", Field.kecamatan), ("Asal Kecamatan", Field.kecamatan), ("KEC.", Field.kecamatan),
            // The owner is the person; the business keeps its own name.
            ("Nama Pemilik", Field.name), ("Nama Pemilik Usaha", Field.name), ("NAMA PEMILIK", Field.name), ("Nama Usaha", Field.businessName),
            // Indonesian Google Forms' timestamp, contacts, products.
            ("Stempel waktu", Field.submittedAt), ("Cap waktu", Field.submittedAt), ("Tanggal Pendaftaran", Field.submittedAt),
            ("Kontak", Field.phone), ("No. Kontak", Field.phone), ("Produk", Field.sector), ("Jenis Produk", Field.sector),
            // What was already read stays read.
            ("No. HP/WhatsApp", Field.phone), ("Email Address", Field.email), ("Alamat Lengkap", Field.address), ("Alamat Usaha", Field.address),
            ("Timestamp", Field.submittedAt), ("Nama Lengkap (sesuai KTP)", Field.name),
        ] as [(String, String)])
    func anOfficeHeaderNamesItsField(header: String, field: String) {
        #expect(HeaderVocabulary().meaning(of: header) == .field(field), "\(header)")
    }

    @Test(arguments: [
        // Someone else's name, or the family card's numbers.
        "Nama Ibu Kandung", "Nama Pendamping", "Nama Suami/Istri", "Nama Kontak", "No. KK", "NIK Kepala Keluarga", "Nomor Kartu Keluarga",
        "Nomor Induk Berusaha (NIB)",
        // Title and label cells above a header that mention a place later on.
        ": Aula Kantor Kelurahan Pejaten Barat", "KANTOR KECAMATAN MAMPANG PRAPATAN, 21 - 22 OKTOBER 2024", "Tempat",
        // Columns of no field.
        "No", "Omzet per Bulan", "Tanggal Pelatihan",
    ])
    func aLookAlikeNamesNoField(header: String) {
        #expect(HeaderVocabulary().meaning(of: header) == .none, "\(header)")
    }

    @Test(
        arguments: [
            ("Kel/Kec", [Field.kelurahan, Field.kecamatan]), ("Kelurahan/Kecamatan", [Field.kelurahan, Field.kecamatan]),
            ("No HP / Email", [Field.phone, Field.email]), ("NIK / No. HP", [Field.phone, Field.nik]),
        ] as [(String, [String])])
    func aHeaderNamingTwoFieldsIsAmbiguous(header: String, fields: [String]) {
        #expect(HeaderVocabulary().meaning(of: header) == .ambiguous(fields))
    }

    @Test func anOperatorsOwnHeaderWinsOverTheWords() {
        let vocabulary = HeaderVocabulary(overrides: ["Asal Kelurahan": "originKelurahan", "Kontak": Field.email])
        #expect(vocabulary.meaning(of: "ASAL KELURAHAN") == .field("originKelurahan"))
        #expect(vocabulary.meaning(of: "Kontak") == .field(Field.email))
        #expect(vocabulary.meaning(of: "Kelurahan Domisili") == .field(Field.kelurahan))
    }

    /// Extra keys stay unique even when a header itself reads like a numbered repeat.
    @Test(arguments: [
        (["Catatan", "", "Catatan"], ["Catatan", "column 2", "Catatan (3)"]),
        (["X", "X (3)", "X"], ["X", "X (3)", "X (4)"]),
        (["A", "B"], ["A", "B"]),
    ])
    func extraKeysAreUniqueWithinAHeaderRow(headers: [String], keys: [String]) {
        var extraKeys = HeaderVocabulary.ExtraKeys()
        #expect(headers.enumerated().map { extraKeys.key(for: $1, at: $0) } == keys)
    }
}
