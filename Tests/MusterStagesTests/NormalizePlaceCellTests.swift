import MusterCore
import MusterTesting
import Testing

@testable import MusterStages

/// Place cells holding more, or other, than one official name (issue 13): an RT/RW, the
/// kecamatan after a slash, a Roman numeral, the official code, a kota where a kecamatan
/// belongs, a kecamatan where a kelurahan belongs.
@Suite struct PlaceCellTests {
    @Test(arguments: [
        ("Pejaten Barat RT 05/RW 03", "Pejaten Barat", "31.74.04.1006"), ("Pejaten Barat RT.005 RW.003", "Pejaten Barat", "31.74.04.1006"),
        ("Srengseng Sawah rt 3 rw 11", "Srengseng Sawah", "31.74.09.1002"), ("Pulo RT05/RW03", "Pulo", "31.74.07.1007"),
        ("Kel. Bangka RT 001 RW 002", "Bangka", "31.74.03.1002"), ("Duren III", "Duren Tiga", "31.74.08.1004"),
        ("DUREN III", "Duren Tiga", "31.74.08.1004"), ("3174091004", "Lenteng Agung", "31.74.09.1004"),
        ("31.74.04.1006", "Pejaten Barat", "31.74.04.1006"),
    ])
    func theKelurahanIsReadAndItsKecamatanInferred(raw: String, name: String, code: String) {
        var record = Fixtures.record("row:2", [Field.kelurahan: raw])
        Normalizing.stage.transform(&record)
        let result = record.normalized ?? NormalizedRecord()
        #expect(result[Field.kelurahan] == name)
        #expect(result[Field.kelurahanCode] == code)
        #expect(result[Field.kecamatanCode] == String(code.prefix(8)))
        #expect(result[Field.derived] == Field.kecamatan)
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(record.source.fields[Field.kelurahan] == raw)
    }

    /// The comma form's twin: the part that is a kelurahan is the kelurahan, the part that is
    /// a kecamatan its kecamatan, as the person wrote it (not inferred).
    @Test(arguments: [
        ("Kebayoran Lama Utara/Kebayoran Lama", "Kebayoran Lama Utara", "Kebayoran Lama"), ("Gandaria Selatan/Cilandak", "Gandaria Selatan", "Cilandak"),
        ("Pejaten Timur / Pasar Minggu", "Pejaten Timur", "Pasar Minggu"), ("Cilandak/Gandaria Selatan", "Gandaria Selatan", "Cilandak"),
        ("Gandaria Selatan, Cilandak", "Gandaria Selatan", "Cilandak"),
    ])
    func aKelurahanAndItsKecamatanInOneCell(raw: String, kelurahan: String, kecamatan: String) {
        let result = Normalizing.values([Field.kelurahan: raw])
        #expect(result[Field.kelurahan] == kelurahan)
        #expect(result[Field.kecamatan] == kecamatan)
        #expect(result[Field.kelurahanCode]?.hasPrefix(result[Field.kecamatanCode] ?? "-") == true)
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    @Test func aKecamatanAfterTheSlashThatIsNotTheKelurahansIsAMismatch() {
        let result = Normalizing.values([Field.kelurahan: "Gandaria Selatan/Tebet"])
        #expect(result[Field.kelurahanCode] == "31.74.06.1004")
        #expect(result[Field.kecamatanCode] == "31.74.01")
        #expect(result.issues.map(\.code) == ["kelurahan.not-in-kecamatan"])
    }

    @Test func theKecamatanColumnWinsOverTheCells() {
        let result = Normalizing.values([Field.kelurahan: "Gandaria Selatan/Tebet", Field.kecamatan: "Cilandak"])
        #expect(result[Field.kecamatanCode] == "31.74.06")
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    @Test(arguments: [("317406", "Cilandak"), ("31.74.06", "Cilandak"), ("31.74.01", "Tebet")])
    func aKecamatanGivenAsItsCode(raw: String, name: String) {
        let result = Normalizing.values([Field.kecamatan: raw])
        #expect(result[Field.kecamatan] == name)
        #expect(result.issues.isEmpty)
    }

    @Test(arguments: ["3174999999", "31.74.04.9999", "12345"])
    func aCodeNoPlaceHasIsUnknown(raw: String) {
        let result = Normalizing.values([Field.kelurahan: raw])
        #expect(result[Field.kelurahanCode] == nil)
        #expect(result.issues.map(\.code) == ["kelurahan.unknown"])
    }

    @Test(arguments: [
        "Jaksel", "Jakarta Selatan", "Jak-Sel", "Kota Jakarta Selatan", "JAKARTA SELATAN", "Kota Adm. Jakarta Selatan", "JKT SELATAN",
        "Jakarta Selatan, DKI Jakarta",
    ])
    func theKotaInTheKecamatanColumnIsNoKecamatan(raw: String) {
        let result = Normalizing.values([Field.kecamatan: raw, Field.kelurahan: "Pdk Labu"])
        #expect(result[Field.kelurahanCode] == "31.74.06.1003")
        #expect(result[Field.kecamatan] == "Cilandak")
        #expect(result[Field.kecamatanCode] == "31.74.06")
        #expect(result[Field.derived] == Field.kecamatan)
        #expect(result.issues.map(\.code) == ["kecamatan.is-kota"])
        #expect(result.issues.first?.raw == raw)
    }

    @Test func aKotaOutsideTheAreaIsAPlaceOutsideIt() throws {
        let result = Normalizing.values([Field.kecamatan: "Jakarta Timur", Field.kelurahan: "Pondok Labu"])
        #expect(result[Field.kecamatanCode] == "31.74.06")
        #expect(result.issues.map(\.code) == ["kecamatan.is-kota", "place.outside-area"])
        #expect(result.issues.last?.field == Field.kecamatan)
        #expect(result.issues.last?.message == "Kota Administrasi Jakarta Timur (31.75) is outside the office's area 31.74")
        #expect(Normalizing.values([Field.kecamatan: "Jaktim"]).issues.map(\.code) == ["kecamatan.is-kota", "place.outside-area"])
        let wide = NormalizeStage(options: try Normalizing.options(#"{"area": "31", "referenceDate": "2025-06-30"}"#), context: Fixtures.context())
        #expect(Normalizing.values([Field.kecamatan: "Jakarta Timur"], stage: wide).issues.map(\.code) == ["kecamatan.is-kota"])
    }

    /// Tebet and Kebayoran Lama alike: no kelurahan has the name, so it is the kecamatan.
    @Test(arguments: [
        ("Kebayoran Lama", "31.74.05"), ("Tebet", "31.74.01"), ("Cilandak", "31.74.06"), ("Kebayoran Baru", "31.74.07"), ("Kby. Lama", "31.74.05"),
        ("Keblam", "31.74.05"), ("317405", "31.74.05"),
    ])
    func aKecamatanInTheKelurahanColumnIsTheKecamatan(raw: String, code: String) {
        for kecamatan in [nil, raw] {
            var fields = [Field.kelurahan: raw]
            fields[Field.kecamatan] = kecamatan
            let result = Normalizing.values(fields)
            #expect(result[Field.kecamatanCode] == code)
            #expect(result[Field.kelurahan] == nil)
            #expect(result[Field.kelurahanCode] == nil)
            #expect(result[Field.derived] == nil)
            #expect(result.issues.map(\.code) == ["kelurahan.is-kecamatan"])
            #expect(result.issues.first?.raw == raw)
        }
    }

    @Test func aKecamatanInTheKelurahanColumnAgainstAnotherKecamatanIsUnknown() {
        let result = Normalizing.values([Field.kelurahan: "Tebet", Field.kecamatan: "Cilandak"])
        #expect(result[Field.kecamatanCode] == "31.74.06")
        #expect(result[Field.kelurahanCode] == nil)
        #expect(result.issues.map(\.code) == ["kelurahan.unknown"])
    }

    @Test func aNameThatIsBothStaysTheKelurahan() {
        let result = Normalizing.values([Field.kelurahan: "Pasar Minggu"])
        #expect(result[Field.kelurahanCode] == "31.74.04.1001")
        #expect(result.issues.isEmpty)
    }

    @Test func aKecamatanOutsideTheAreaInTheKelurahanColumnIsFlagged() {
        let result = Normalizing.values([Field.kelurahan: "Cengkareng"])
        #expect(result[Field.kecamatanCode] == "31.73.01")
        #expect(result.issues.map(\.code) == ["place.outside-area", "kelurahan.is-kecamatan"])
    }

    /// Under the shipped rules these records are accepted; a kota outside the area is not.
    @Test func theShippedRulesAcceptThemAndQuarantineAPlaceOutside() throws {
        let options = try Fixtures.shippedValidateOptions()
        let stage = ValidateStage(options: options, context: Fixtures.context(stage: "validate"))
        let rows: [[String: String]] = [
            [Field.kelurahan: "Kebayoran Lama", Field.kecamatan: "Jaksel"], [Field.kelurahan: "Pejaten Barat RT 05/RW 03"],
            [Field.kelurahan: "Kebayoran Lama Utara/Kebayoran Lama"], [Field.kelurahan: "3174091004", Field.kecamatan: "Jakarta Selatan"],
            [Field.kelurahan: "Pondok Labu", Field.kecamatan: "Jakarta Timur"],
        ]
        let records = rows.enumerated().map { index, fields in
            var record = Fixtures.record("row:\(index + 2)", fields.merging([Field.name: "Siti Aminah", Field.phone: "0812-3456-7890"]) { $1 })
            Normalizing.stage.transform(&record)
            return record
        }
        let out = try Fixtures.run(stage, records)
        #expect(out.map { $0.quarantine.map(\.rule) } == [[], [], [], [], ["place-in-area"]])
    }
}
