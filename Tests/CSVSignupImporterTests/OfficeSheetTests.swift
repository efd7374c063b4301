import CSVSignupImporter
import MusterCore
import MusterTesting
import Testing

/// Sheets as offices send them, written by no form muster knows: their own headers, label
/// blocks above the header, signature blocks and totals below the list.
@Suite struct OfficeSheetTests {
    @Test(
        arguments: [
            ("No. NIK", Field.nik), ("NO. NIK/KTP", Field.nik), ("Nomor Induk Kependudukan (NIK)", Field.nik), ("No. Identitas", Field.nik),
            ("Kel/Desa", Field.kelurahan), ("Desa/Kelurahan", Field.kelurahan), ("Kelurahan Domisili", Field.kelurahan),
            ("Asal Kelurahan", Field.kelurahan), ("Kecamatan Domisili", Field.kecamatan), ("Asal Kecamatan", Field.kecamatan),
            ("Nama Pemilik", Field.name), ("Nama Pemilik Usaha", Field.name), ("Nama Usaha", Field.businessName),
            ("Stempel waktu", Field.submittedAt), ("Kontak", Field.phone), ("Produk", Field.sector),
        ] as [(String, String)])
    func anOfficeHeaderNamesItsField(header: String, field: String) throws {
        let records = try SheetFixture("No,Email,\"\(header)\"\n1,siti@example.net,x\n").records()
        #expect(records.first?.fields[field] == "x", "\(header)")
        #expect(records.first?.extras == ["No": "1"])
    }

    @Test(arguments: ["Nama Ibu Kandung", "Nama Pendamping", "No. KK", "NIK Kepala Keluarga"])
    func someoneElsesNameOrNumberStaysAnExtra(header: String) throws {
        let records = try SheetFixture("Nama,\"\(header)\",NIK\nSiti Aminah,x,3174015203870001\n").records()
        #expect(records.first?.fields == [Field.name: "Siti Aminah", Field.nik: "3174015203870001"], "\(header)")
        #expect(records.first?.extras == [header: "x"])
    }

    @Test func aKelurahanAndKecamatanHeaderWarnsAndStaysAnExtra() throws {
        let fixture = try SheetFixture("Nama,No HP,Kel/Kec\nSiti,0812-1111-2222,Pulo\n")
        defer { fixture.directory.remove() }
        let diagnostics = Diagnostics()
        var records: [SourceRecord] = []
        try CSVSignupImporter(options: .init()).read(fixture.file, context: ImportContext(sourceID: "test", diagnostics: diagnostics)) { records += $0 }
        #expect(records.first?.extras == ["Kel/Kec": "Pulo"])
        #expect(
            diagnostics.all.map(\.message) == [
                "fixtures/sheet.csv: column \"Kel/Kec\" could be kelurahan or kecamatan; kept as an extra field (name it in the source's columns option)"
            ])
    }

    @Test func aLabelBlockThatNamesAPlaceIsNoHeader() throws {
        let sheet = """
            DAFTAR HADIR;;;;;;
            Kegiatan;: Pelatihan WUIB Menjahit Angkatan 4;;;Tanggal;: 9 Desember 2024;
            Tempat;: Aula Kantor Kelurahan Pejaten Barat;;;Kecamatan;: Pasar Minggu;
            ;;;;;;
            No;Nama;NIK;Alamat;Kelurahan;No HP;Tanda Tangan
            1;Siti Aminah;3174015203870001;Jl. Mawar No. 79, RT 04, RW 01;Pejaten Barat;0881-0560-5995;1.
            """
        let records = try SheetFixture(sheet).records()
        #expect(records.map(\.locator) == ["row:6"])
        #expect(records.first?.fields[Field.kelurahan] == "Pejaten Barat")
        #expect(records.first?.fields[Field.address] == "Jl. Mawar No. 79, RT 04, RW 01")
    }

    static let attendanceSheet = """
        NO;NAMA PESERTA;NIK;KELURAHAN;KECAMATAN;NO. HP;HARI 1;HARI 2;TTD
        1;Irfan Pratama;'3174092710700088;Srengsengsawah;Jaga Karsa;082378186587;hadir;hadir;

        """

    @Test(arguments: [
        ";Mengetahui,;;;;;Jakarta, 22 Oktober 2024;;", ";Kepala Seksi Perindustrian;;;;;Instruktur;;",
        ";Drs. Hartono Wiryawan, M.Si.;NIP. 197104121998031005;;;;Lia Kartika;;", ";JUMLAH PESERTA;38 orang;;;;35;33;", ";TOTAL;;;;;;;",
        ";Jumlah Peserta: 40;;;;;;;", ";30 orang;;;;;;;", ";Ketua RW 05;;;;;;;", ";ttd;;;;;;;", ";Dibuat oleh;;;;;;;", "Jumlah;;;;;;40;38;",
        ";(..........................);;;;;;;",
    ])
    func aSignatureOrTotalsLineIsRejectedNotLost(line: String) throws {
        let records = try SheetFixture(Self.attendanceSheet + line + "\n").records()
        #expect(records.count == 2)
        #expect(records[0].rejection == nil)
        #expect(records[1].rejection == Rejection(message: "the row is a signature or totals line, not a participant", position: "line 3"))
        #expect(records[1].raw == line)
        #expect(records[1].locator == "row:3")
    }

    @Test(arguments: [
        ";Totalia Sari;;;;;hadir;hadir;", ";Ketua Siti Aminah;;;;;;;", ";Totok Suharto;;Pulo;;;;;", ";Kepala;3174015203870001;;;;;;",
        ";TOTAL;;;;0812-1111-2222;;;", ";Siti Jumlah;;Pulo;;;;;", "35;;;;;;;;",
    ])
    func aPersonOrAnIncompleteRowIsNoFooter(line: String) throws {
        let records = try SheetFixture(Self.attendanceSheet + line + "\n").records()
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.rejection == nil })
    }
}
