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
    ])
    func aFormHeaderNamesItsField(header: String, field: String) throws {
        let records = try SheetFixture("Nama,\(header)\nSiti,x\n").records()
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
