import MusterCore
import Testing

@testable import MusterStages

@Suite struct NormalizePlaceTests {
    @Test(arguments: [
        ("Tebet", "Tebet", "31.74.01"), ("Kec. Tebet", "Tebet", "31.74.01"), ("KECAMATAN TEBET", "Tebet", "31.74.01"),
        ("kec tebet", "Tebet", "31.74.01"), ("Ps. Minggu", "Pasar Minggu", "31.74.04"), ("Psr Minggu", "Pasar Minggu", "31.74.04"),
        ("Kby. Baru", "Kebayoran Baru", "31.74.07"), ("Keb. Baru", "Kebayoran Baru", "31.74.07"), ("Kby Lama", "Kebayoran Lama", "31.74.05"),
        ("Setia Budi", "Setiabudi", "31.74.02"), ("SETIABUDI", "Setiabudi", "31.74.02"), ("Mampang", "Mampang Prapatan", "31.74.03"),
        ("Tebet, Jakarta Selatan", "Tebet", "31.74.01"), ("Cilandak Jaksel", "Cilandak", "31.74.06"), ("Jagakarsa - Jakarta Selatan", "Jagakarsa", "31.74.09"),
        ("Pesanggrahan", "Pesanggrahan", "31.74.10"), ("Pancoran", "Pancoran", "31.74.08"), ("Gambir", "Gambir", "31.71.01"),
    ])
    func kecamatanToOfficialNameAndCode(raw: String, name: String, code: String) {
        let result = Normalizing.values([Field.kecamatan: raw])
        #expect(result[Field.kecamatan] == name)
        #expect(result[Field.kecamatanCode] == code)
        // Gambir is in Jakarta Pusat: read as itself, and flagged as outside South Jakarta.
        #expect(result.issues.map(\.code) == (code.hasPrefix("31.74.") ? [] : ["place.outside-area"]))
    }

    @Test(arguments: [
        ("Jagakrsa", "Jagakarsa"), ("Cilandk", "Cilandak"), ("Pesangrahan", "Pesanggrahan"), ("Kebayoran Barru", "Kebayoran Baru"),
        ("Mampang Prapatan", "Mampang Prapatan"), ("Pasar Mingu", "Pasar Minggu"), ("Pancora", "Pancoran"),
    ])
    func smallTyposAreReadAsTheOfficialNameWithAnIssue(raw: String, name: String) {
        let result = Normalizing.values([Field.kecamatan: raw])
        #expect(result[Field.kecamatan] == name)
        #expect(result.issues.map(\.code) == (raw == name ? [] : ["kecamatan.typo"]))
    }

    @Test(arguments: ["Bogor", "Tebe", "Kecamatan", "Depok Jaya", "Kebayoran"])
    func unknownPlacesKeepTheirTextWithAnIssue(raw: String) {
        let result = Normalizing.values([Field.kecamatan: raw])
        #expect(result[Field.kecamatanCode] == nil)
        #expect(result[Field.kecamatan] != nil)
        #expect(result.issues.map(\.code).first?.hasPrefix("kecamatan.") == true)
    }

    @Test(arguments: [
        ("Tebet Timur", "Tebet Timur", "31.74.01.1001", "Tebet"), ("kel. tebet timur", "Tebet Timur", "31.74.01.1001", "Tebet"),
        ("Tebet Brt", "Tebet Barat", "31.74.01.1002", "Tebet"), ("Manggarai Sel.", "Manggarai Selatan", "31.74.01.1006", "Tebet"),
        ("Cipete Utr", "Cipete Utara", "31.74.07.1010", "Kebayoran Baru"), ("Pd. Labu", "Pondok Labu", "31.74.06.1003", "Cilandak"),
        ("Kelurahan Senayan", "Senayan", "31.74.07.1006", "Kebayoran Baru"), ("Pejaten Tmr", "Pejaten Timur", "31.74.04.1005", "Pasar Minggu"),
        ("Setiabudi", "Setia Budi", "31.74.02.1001", "Setiabudi"), ("Lenteng Agung", "Lenteng Agung", "31.74.09.1004", "Jagakarsa"),
    ])
    func kelurahanToOfficialNameAndCodeAndItsKecamatanInferred(raw: String, name: String, code: String, kecamatan: String) {
        let result = Normalizing.values([Field.kelurahan: raw])
        #expect(result[Field.kelurahan] == name)
        #expect(result[Field.kelurahanCode] == code)
        #expect(result[Field.kecamatan] == kecamatan)
        #expect(result[Field.kecamatanCode] == String(code.prefix(8)))
        #expect(result[Field.derived] == Field.kecamatan)
        #expect(result.issues.isEmpty)
    }

    @Test func aKelurahanOutsideTheGivenKecamatanIsFlagged() {
        let result = Normalizing.values([Field.kelurahan: "Senayan", Field.kecamatan: "Tebet"])
        #expect(result[Field.kelurahan] == "Senayan")
        #expect(result[Field.kecamatan] == "Tebet")
        #expect(result.issues.map(\.code) == ["kelurahan.not-in-kecamatan"])
    }

    @Test func theKelurahanAgreesWithItsKecamatan() {
        #expect(Normalizing.values([Field.kelurahan: "Senayan", Field.kecamatan: "Kby. Baru"]).issues.isEmpty)
    }

    @Test(arguments: [("12190", []), ("12 190", ["postalCode.format"]), ("1219", ["postalCode.format"]), ("12810", ["postalCode.mismatch"])])
    func postalCodesAreCheckedAgainstTheKelurahan(postal: String, codes: [String]) {
        let result = Normalizing.values([Field.kelurahan: "Senayan", Field.postalCode: postal])
        #expect(result.issues.map(\.code) == codes)
    }

    @Test func aliasesAndAbbreviationsComeFromOptions() throws {
        let options = try Normalizing.options(#"{"placeAliases": {"Kebayoran Baru": ["KebBaru Raya"]}, "placeAbbreviations": {"manggarai": ["mgr"]}}"#)
        let stage = NormalizeStage(options: options, context: Fixtures.context())
        #expect(Normalizing.values([Field.kecamatan: "KebBaru Raya"], stage: stage)[Field.kecamatanCode] == "31.74.07")
        #expect(Normalizing.values([Field.kelurahan: "Mgr Selatan"], stage: stage)[Field.kelurahanCode] == "31.74.01.1006")
    }

    @Test func theShippedTableIsTheOfficialList() {
        #expect(WilayahTable.kecamatan.count == 44)
        #expect(WilayahTable.kelurahan.count == 267)
        #expect(WilayahTable.kecamatan.filter { $0.code.hasPrefix("31.74.") }.count == 10)
        #expect(WilayahTable.kelurahan.filter { $0.code.hasPrefix("31.74.") }.count == 65)
        #expect(WilayahTable.kelurahan.allSatisfy { $0.postalCode.count == 5 })
    }
}

@Suite struct NormalizeGenderSectorTests {
    @Test(arguments: [
        ("L", "L"), ("l", "L"), ("Laki-laki", "L"), ("LAKI-LAKI", "L"), ("Laki laki", "L"), ("Laki - laki", "L"), ("Pria", "L"),
        ("M", "L"), ("Male", "L"), ("Lk", "L"), ("P", "P"), ("Perempuan", "P"), ("PEREMPUAN", "P"), ("Wanita", "P"), ("F", "P"),
        ("Female", "P"), ("Pr", "P"), ("P (Perempuan)", "P"),
    ])
    func genderToOneCode(raw: String, code: String) {
        #expect(Normalizing.values([Field.gender: raw])[Field.gender] == code)
    }

    @Test(arguments: ["LP", "entah", "Lainnya", "L/P"])
    func unknownGendersAreIssues(raw: String) {
        let result = Normalizing.values([Field.gender: raw])
        #expect(result[Field.gender] == nil)
        #expect(result.issues.map(\.code) == ["gender.unknown"])
    }

    @Test(arguments: [
        ("Kuliner", "kuliner"), ("Katering rumahan", "kuliner"), ("Kuliner\n(nasi uduk & lontong sayur)", "kuliner"),
        ("Kue basah", "kuliner"), ("Makanan & Minuman", "kuliner"), ("F&B", "kuliner"), ("Jahit, permak pakaian", "fesyen"),
        ("Hijab & mukena", "fesyen"), ("Sablon kaos", "fesyen"), ("FASHION", "fesyen"), ("Tas anyaman", "kerajinan tangan"),
        ("kerajinan tangan", "kerajinan tangan"), ("Handicraft", "kerajinan tangan"), ("Tote bag", "kerajinan tangan"),
        ("Laundry kiloan", "jasa"), ("Toko sembako", "perdagangan"), ("Hidroponik", "pertanian"), ("Skincare", "kecantikan"),
        ("Jualan online", "perdagangan"),
    ])
    func sectorsToTheCanonicalList(raw: String, sector: String) {
        let result = Normalizing.values([Field.sector: raw])
        #expect(result[Field.sector] == sector)
        #expect(result.issues.isEmpty)
    }

    @Test func anUnmatchedSectorIsOtherWithAnIssue() {
        let result = Normalizing.values([Field.sector: "Bengkel motor custom"])
        #expect(result[Field.sector] == "jasa")
        let other = Normalizing.values([Field.sector: "Rahasia"])
        #expect(other[Field.sector] == "lainnya")
        #expect(other.issues.map(\.code) == ["sector.unknown"])
    }

    @Test func sectorsComeFromOptions() throws {
        let stage = NormalizeStage(
            options: try Normalizing.options(#"{"sectors": {"otomotif": ["bengkel motor", "modifikasi"]}}"#), context: Fixtures.context())
        #expect(Normalizing.values([Field.sector: "Bengkel motor custom"], stage: stage)[Field.sector] == "otomotif")
        #expect(Normalizing.values([Field.sector: "Modifikasi"], stage: stage)[Field.sector] == "otomotif")
    }
}
