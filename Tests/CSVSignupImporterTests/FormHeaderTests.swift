import CSVSignupImporter
import MusterCore
import MusterTesting
import Testing

/// Headers as forms and portals really write them: Google Forms' own columns, question
/// texts, snake case. Matched by their words; a header that could be two fields is never
/// mapped silently.
@Suite struct FormHeaderTests {
    @Test(arguments: [
        ("Timestamp", Field.submittedAt), ("Email Address", Field.email), ("No. HP/WhatsApp", Field.phone), ("Nomor WA aktif", Field.phone),
        ("Nomor HP (yang bisa dihubungi)", Field.phone), ("Alamat Lengkap", Field.address), ("Alamat Rumah", Field.address),
        ("kategori_usaha", Field.sector), ("tgl_daftar", Field.submittedAt), ("Alamat surel", Field.email), ("E-mail aktif", Field.email),
        ("Tempat, Tanggal Lahir", Field.birthDate), ("Tempat/Tgl Lahir", Field.birthDate), ("TTL", Field.birthDate),
        ("Nomor KTP (NIK)", Field.nik), ("Tempat Lahir", Field.birthPlace),
    ])
    func aFormHeaderNamesItsField(header: String, field: String) throws {
        let records = try SheetFixture("Nama,\"\(header)\"\nSiti,x\n").records()
        #expect(records.first?.fields[field] == "x", "\(header)")
        #expect(records.first?.extras.isEmpty == true)
    }

    @Test func anAmbiguousHeaderIsKeptAsAnExtraWithAWarning() throws {
        let fixture = try SheetFixture("Nama,No HP / Email\nSiti,0812-1111-2222\n")
        defer { fixture.directory.remove() }
        let diagnostics = Diagnostics()
        var records: [SourceRecord] = []
        try CSVSignupImporter(options: .init()).read(fixture.file, context: ImportContext(sourceID: "test", diagnostics: diagnostics)) { records += $0 }
        #expect(records.first?.fields[Field.phone] == nil)
        #expect(records.first?.extras["No HP / Email"] == "0812-1111-2222")
        #expect(
            diagnostics.all.map(\.message) == [
                "fixtures/sheet.csv: column \"No HP / Email\" could be phone or email; kept as an extra field (name it in the source's columns option)"
            ])
    }
}

/// A recap sheet names each row's training: the row is an enrollment in it on that date.
@Suite struct RecapSheetTests {
    @Test func eachRowIsAnEnrollmentInItsTraining() throws {
        let sheet = """
            NO;NAMA;NIK;PELATIHAN;TGL PELATIHAN;KELURAHAN
            1;Siti Aminah;'3174015203870001;Menjahit Tas Kain;12/06/2024;Pela Mampang
            2;Budi Santoso;3174010101800003;Kue Kering;;Bangka
            3;Ani;3174014101900002;;;Tebet Barat
            """
        let records = try SheetFixture(sheet).records()
        #expect(
            records.map(\.enrollments) == [
                [Enrollment(title: "Menjahit Tas Kain", date: "12/06/2024")], [Enrollment(title: "Kue Kering")], [],
            ])
        #expect(records.allSatisfy { $0.extras["PELATIHAN"] == nil && $0.extras["TGL PELATIHAN"] == nil })
        #expect(records.first?.fields[Field.nik] == "'3174015203870001", "the raw value as the sheet holds it")
    }

    @Test func theStatusColumnSaysHowFarEachRowGot() throws {
        let sheet = """
            NO;NAMA;PELATIHAN;TGL PELATIHAN;STATUS
            1;Siti Aminah;Menjahit Tas Kain;12/06/2024;LULUS
            2;Budi Santoso;Kue Kering;;  Hadir
            3;Ani;Kue Kering;;terdaftar
            4;Dedi;Kopi;;tidak lulus
            5;Rina;Kopi;;???
            6;Eko;Kopi;;
            7;Wati;;;Lulus
            """
        let records = try SheetFixture(sheet).records()
        #expect(
            records.map(\.enrollments) == [
                [Enrollment(title: "Menjahit Tas Kain", date: "12/06/2024", status: "LULUS")], [Enrollment(title: "Kue Kering", status: "Hadir")],
                [Enrollment(title: "Kue Kering", status: "terdaftar")], [Enrollment(title: "Kopi", status: "tidak lulus")],
                [Enrollment(title: "Kopi", status: "???")], [Enrollment(title: "Kopi")], [Enrollment(status: "Lulus")],
            ])
        #expect(records.map { $0.enrollments.first?.standing } == [.passed, .attended, .registered, .failed, nil, nil, .passed])
        #expect(records.allSatisfy { $0.extras["STATUS"] == nil })
    }

    @Test func aStatusHeaderOutranksARemarksColumnWhereverItStands() throws {
        let sheet = """
            Nama;Keterangan;Pelatihan;Hasil;Status Peserta
            Siti Aminah;datang terlambat;Kue Kering;85;Lulus
            """
        let record = try #require(try SheetFixture(sheet).records().first)
        #expect(record.enrollments == [Enrollment(title: "Kue Kering", status: "Lulus")])
        #expect(record.extras == ["Keterangan": "datang terlambat", "Hasil": "85"])
    }

    @Test func aStatusBelongsToTheSheetsEnrollmentWhateverMakesIt() throws {
        let attendance = """
            Nama;No HP;Hari 1;Hari 2;Keterangan
            Siti Aminah;0812-1111-2222;v;v;Lulus
            """
        let present = [Attendance(day: "Hari 1", mark: "v", present: true), Attendance(day: "Hari 2", mark: "v", present: true)]
        #expect(try SheetFixture(attendance).records().first?.enrollments == [Enrollment(status: "Lulus", attendance: present)])
        let signUp = """
            Nama;No HP;Keterangan
            Siti Aminah;0812-1111-2222;hadir
            """
        #expect(
            try SheetFixture(signUp).records(.init(programme: "WUIB-KBY-2024")).first?.enrollments == [
                Enrollment(programme: "WUIB-KBY-2024", status: "hadir")
            ])
        #expect(try SheetFixture(signUp).records(.init(session: "A1")).first?.enrollments == [Enrollment(session: "A1", status: "hadir")])
    }

    @Test func anOrdinarySignUpSheetKeepsItsRemarksColumn() throws {
        let sheet = """
            Nama;No HP;Keterangan;Status
            Siti Aminah;0812-1111-2222;sudah punya usaha;lulus
            """
        let record = try #require(try SheetFixture(sheet).records().first)
        #expect(record.enrollments.isEmpty)
        #expect(record.extras == ["Keterangan": "sudah punya usaha", "Status": "lulus"])
    }

    @Test func aStatusHeaderTheOperatorMappedIsTheirField() throws {
        let sheet = """
            Nama;Pelatihan;Keterangan;Hasil
            Siti Aminah;Kue Kering;catatan;Lulus
            """
        let record = try #require(try SheetFixture(sheet).records(.init(columns: ["Keterangan": "note"])).first)
        #expect(record.fields["note"] == "catatan")
        #expect(record.enrollments == [Enrollment(title: "Kue Kering", status: "Lulus")])
    }
}
