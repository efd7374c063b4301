import MusterCore
import MusterTesting
import Testing

@testable import MusterStages

/// Identifiers as spreadsheets and foreign callers write them: Excel's text apostrophe, and
/// numbers with another country's code, which must never turn into Indonesian ones.
@Suite struct NormalizeSpreadsheetTests {
    @Test(arguments: [
        ("+61 457 161 634", "+61457161634"), ("+60 12-345 6789", "+60123456789"), ("0061 457 161 634", "+61457161634"),
        ("+1 (415) 555-0100", "+14155550100"), ("+65 9123 4567", "+6591234567"), ("'+61 457 161 634", "+61457161634"),
    ])
    func foreignNumbersStayForeign(raw: String, canonical: String) {
        let result = Normalizing.values([Field.phone: raw])
        #expect(result[Field.phone] == canonical)
        #expect(result[Field.phoneType] == "foreign")
        #expect(result.issues.map(\.code) == ["phone.foreign"])
        #expect(result.issues.first?.raw == raw)
    }

    @Test(arguments: [("+62 812 3456 7890", "+6281234567890"), ("0062 812 3456 7890", "+6281234567890"), ("+62 (0) 21 7890123", "+62217890123")])
    func indonesiasOwnCountryCodeIsStillIndonesian(raw: String, canonical: String) {
        let result = Normalizing.values([Field.phone: raw])
        #expect(result[Field.phone] == canonical)
        #expect(result.issues.isEmpty)
    }

    @Test(arguments: [
        (Field.nik, "\u{200B}3174015203870001", "3174015203870001"), (Field.nik, "3174015203870001\u{00A0}", "3174015203870001"),
        (Field.phone, "0812\u{200C}3456\u{2060}7890", "+6281234567890"), (Field.kelurahan, "Tebet\u{00A0}Timur\u{FEFF}", "Tebet Timur"),
        (Field.name, "Siti\u{00AD}Aminah\u{200D}", "Sitiaminah"),
    ])
    func invisibleCharactersPastedFromChatsAreDropped(field: String, raw: String, canonical: String) {
        let result = Normalizing.values([field: raw])
        #expect(result[field] == canonical)
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    @Test func anIndonesianNumberBesideAForeignOneIsThePrimary() {
        let result = Normalizing.values([Field.phone: "+61 457 161 634 / 0812-1111-2222"])
        #expect(result[Field.phone] == "+6281211112222")
        #expect(result[Field.phoneType] == "mobile")
        #expect(result[Field.otherPhones] == "+61457161634")
        #expect(result.issues.isEmpty)
    }
}

/// "Tempat, Tanggal Lahir" in one answer: the date is read, the place kept as the birth place.
@Suite struct BirthPlaceAndDateTests {
    @Test(arguments: [
        ("Jakarta, 05 Mei 1988", "1988-05-05", "Jakarta"), ("BOGOR, 5-5-1988", "1988-05-05", "Bogor"),
        ("Tanjung Karang / 12/01/1979", "1979-01-12", "Tanjung Karang"), ("Mei 5, 1988", "1988-05-05", nil), ("05/05/1988", "1988-05-05", nil),
        ("Senin, 12 Mei 1990", "1990-05-12", nil), ("Tgl 12-05-1990", "1990-05-12", nil), ("Pasar Minggu, 12 Mei 1990", "1990-05-12", "Pasar Minggu"),
    ])
    func theDateIsReadAndThePlaceKept(raw: String, date: String, place: String?) {
        let result = Normalizing.values([Field.birthDate: raw])
        #expect(result[Field.birthDate] == date)
        #expect(result[Field.birthPlace] == place)
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    @Test func aBirthPlaceColumnWins() {
        let result = Normalizing.values([Field.birthDate: "Jkt, 05-05-1988", Field.birthPlace: "Jakarta"])
        #expect(result[Field.birthPlace] == "Jakarta")
    }
}

/// A birth date the person gave stays theirs: when it cannot be used (in the future, not a
/// real day), the NIK's date is never put in its place; the issue says what the NIK suggests.
@Suite struct StatedBirthDateTests {
    static let nik = "3174011403870001"  // born 14 March 1987

    @Test(arguments: [
        ("2087-03-14", "date.future"), ("10/05/2078", "date.future"), ("2024-02-31", "date.invalid"), ("31/02/1987", "date.invalid"),
        ("kemarin", "date.unparseable"),
    ])
    func anUnusableStatedDateIsNotReplacedByTheNIKs(raw: String, code: String) {
        let result = Normalizing.values([Field.nik: Self.nik, Field.birthDate: raw])
        #expect(result[Field.birthDate] == nil)
        #expect(result[Field.nikBirthDate] == "1987-03-14")
        #expect(result[Field.derived]?.contains(Field.birthDate) != true)
        let issue = result.issues.first { $0.field == Field.birthDate }
        #expect(issue?.code == code)
        #expect(issue?.raw == raw)
        #expect(issue?.message.hasSuffix("; the NIK suggests 1987-03-14") == true, "\(issue?.message ?? "")")
    }

    @Test func withNoStatedDateTheNIKsIsDerivedAndSaidSo() {
        let result = Normalizing.values([Field.nik: Self.nik])
        #expect(result[Field.birthDate] == "1987-03-14")
        #expect(result[Field.derived]?.contains(Field.birthDate) == true)
    }

    /// The shipped rules quarantine both, with the NIK's suggestion in the reason.
    @Test func theShippedRulesQuarantineAFutureOrImpossibleBirthDate() throws {
        let options = try Fixtures.shippedValidateOptions()
        let stage = ValidateStage(options: options, context: Fixtures.context(stage: "validate"))
        let records = ["2087-03-14", "2024-02-31"].enumerated().map { index, raw in
            var record = Fixtures.record("row:\(index + 2)", [Field.name: "Ani", Field.nik: Self.nik, Field.birthDate: raw])
            Normalizing.stage.transform(&record)
            return record
        }
        let out = try Fixtures.run(stage, records)
        #expect(out.map { $0.quarantine.map(\.rule) } == [["age-range"], ["birth-date-real"]])
        #expect(out[0].quarantine.first?.message == "birthDate is in the future: birth date is after 2025-06-30; the NIK suggests 1987-03-14")
        #expect(out[1].quarantine.first?.message == "not a real day; the NIK suggests 1987-03-14")
    }
}

/// Real places in another kota than the office's: flagged, with the place and its kota named.
@Suite struct PlaceAreaTests {
    @Test(arguments: [
        (Field.kelurahan, "Rawamangun", "Kota Administrasi Jakarta Timur"), (Field.kelurahan, "Cengkareng Barat", "Kota Administrasi Jakarta Barat"),
        (Field.kecamatan, "Cengkareng", "Kota Administrasi Jakarta Barat"),
    ])
    func aPlaceOutsideTheAreaIsFlaggedWithItsKota(field: String, raw: String, kota: String) {
        let result = Normalizing.values([field: raw])
        let issue = result.issues.first { $0.code == "place.outside-area" }
        #expect(issue?.field == field)
        #expect(issue?.message.hasSuffix("lies in \(kota), outside the office's area 31.74") == true, "\(issue?.message ?? "none")")
        #expect(result[field] == raw, "the place is still read as the real place it is")
    }

    @Test func placesInsideTheAreaAndAWiderAreaAreNotFlagged() throws {
        #expect(Normalizing.values([Field.kecamatan: "Tebet", Field.kelurahan: "Bukit Duri"]).issues.isEmpty)
        let wide = NormalizeStage(options: try Normalizing.options(#"{"area": "31", "referenceDate": "2025-06-30"}"#), context: Fixtures.context())
        #expect(Normalizing.values([Field.kelurahan: "Rawamangun"], stage: wide).issues.isEmpty)
    }

    @Test func anAreaThatIsNoWilayahCodeIsAConfigError() {
        #expect(throws: (any Error).self) { try Normalizing.options(#"{"area": "32.01"}"#) }
    }
}

/// Place names as people type them: abbreviated words and numerals, read by rule from the
/// official names (no list per place), prefixes with or without a dot, any case and spacing.
@Suite struct PlaceAsTypedTests {
    @Test(arguments: [
        (Field.kecamatan, "Mampang Prpt.", "Mampang Prapatan", "31.74.03"), (Field.kecamatan, "MAMPANG PRPT", "Mampang Prapatan", "31.74.03"),
        (Field.kelurahan, "Pdk. Pinang", "Pondok Pinang", "31.74.05.1002"), (Field.kelurahan, "Cilandak Tim.", "Cilandak Timur", "31.74.04.1003"),
        (Field.kelurahan, "Jagakarsa Sel.", "Jagakarsa", "31.74.09.1001"), (Field.kelurahan, "Duren 3", "Duren Tiga", "31.74.08.1004"),
        (Field.kelurahan, "KEL.GANDARIA UTARA", "Gandaria Utara", "31.74.07.1009"), (Field.kelurahan, "Kel Bangka", "Bangka", "31.74.03.1002"),
        (Field.kecamatan, "Kec. Tebet", "Tebet", "31.74.01"), (Field.kelurahan, "  pela   mampang ", "Pela Mampang", "31.74.03.1003"),
        (Field.kelurahan, "Kby. Lama Utr.", "Kebayoran Lama Utara", "31.74.05.1001"), (Field.kelurahan, "Cipete Sel.", "Cipete Selatan", "31.74.06.1005"),
    ])
    func typedNamesReadAsTheOfficialPlace(field: String, raw: String, name: String, code: String) {
        let result = Normalizing.values([field: raw])
        #expect(result[field] == name)
        #expect(result[field == Field.kecamatan ? Field.kecamatanCode : Field.kelurahanCode] == code)
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    /// No official name has these words: an abbreviation alone, or a number no name has.
    @Test(arguments: ["Kuningan 2", "Tebe", "Prpt"])
    func namesNoPlaceHasStayUnknown(raw: String) {
        let result = Normalizing.values([Field.kelurahan: raw])
        #expect(result[Field.kelurahanCode] == nil)
    }
}

/// What a spreadsheet does to numbers: leading zeros dropped, NIKs and phones stored as
/// numbers, dates as Excel serials. Each still becomes canonical, the raw value kept.
@Suite struct SpreadsheetNumberTests {
    @Test(arguments: [
        (Field.phone, "81234567890", "+6281234567890"), (Field.phone, "81234567890.0", "+6281234567890"),
        (Field.phone, "6281234567890", "+6281234567890"), (Field.nik, "3174015203870001", "3174015203870001"),
        (Field.nik, "3174015203870001.0", "3174015203870001"), (Field.birthDate, "32874", "1990-01-01"), (Field.birthDate, "32874.0", "1990-01-01"),
    ])
    func spreadsheetNumbersBecomeCanonical(field: String, raw: String, canonical: String) {
        var record = Fixtures.record("row:2", [field: raw])
        Normalizing.stage.transform(&record)
        #expect(record.normalized?.values[field] == canonical, "\(raw) → \(record.normalized?.values[field] ?? "nil") \(record.normalized?.issues ?? [])")
        #expect(record.source.fields[field] == raw)
    }
}
