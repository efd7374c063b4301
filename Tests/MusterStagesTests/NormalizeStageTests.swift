@testable import MusterStages
import MusterCore
import Testing

@Suite struct NormalizeStageTests {
    let stage = NormalizeStage(options: .init(), context: Fixtures.context(stage: "normalize"))

    func normalized(_ fields: [String: String]) -> NormalizedRecord {
        var record = Fixtures.record("row:2", fields)
        stage.transform(&record)
        return record.normalized ?? NormalizedRecord()
    }

    @Test(arguments: [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("81234567890", "+6281234567890"),
        ("0812.3456.7890", "+6281234567890"),
        ("(021) 7890123", "+62217890123"),
        ("0812-1111-2222 / 0813-3333-4444", "+6281211112222"),
    ])
    func phonesBecomeE164(raw: String, canonical: String) {
        #expect(normalized([Field.phone: raw])[Field.phone] == canonical)
    }

    @Test func aSecondNumberIsKeptAsOtherPhones() {
        #expect(normalized([Field.phone: "0812-1111-2222 / 0813-3333-4444"])["otherPhones"] == "+6281333334444")
    }

    @Test(arguments: ["08127", "12345", "abc"])
    func impossiblePhonesAreIssuesNotValues(raw: String) {
        let result = normalized([Field.phone: raw])
        #expect(result[Field.phone] == nil)
        #expect(result.issues.map(\.code) == ["phone.unparseable"])
        #expect(result.issues.first?.raw == raw)
    }

    @Test(arguments: [
        ("02/09/2024", "2024-09-02"), ("2-9-24", "2024-09-02"), ("2024-09-02", "2024-09-02"),
        ("2 September 2024", "2024-09-02"), ("2 Sept 2024", "2024-09-02"), ("02 Agt 2024", "2024-08-02"),
        ("17 Agustus 1985", "1985-08-17"), ("1 Mei 1990", "1990-05-01"), ("31 Des 1979", "1979-12-31"),
    ])
    func datesBecomeISO(raw: String, iso: String) {
        #expect(normalized([Field.birthDate: raw])[Field.birthDate] == iso)
    }

    @Test(arguments: ["31/02/2024", "kemarin", "2024-13-01"])
    func impossibleDatesAreIssues(raw: String) {
        let result = normalized([Field.birthDate: raw])
        #expect(result[Field.birthDate] == nil)
        #expect(result.issues.map(\.code) == ["date.unparseable"])
    }

    @Test func namesAreCleanedAndTitleCased() {
        #expect(normalized([Field.name: "  SITI   AMINAH "])[Field.name] == "Siti Aminah")
        #expect(normalized([Field.name: "mUHAMMAD rIZKI"])[Field.name] == "Muhammad Rizki")
        #expect(normalized([Field.name: "nur'aini"])[Field.name] == "Nur'aini")
    }

    @Test func nikKeepsDigitsAndFlagsWrongLengths() {
        #expect(normalized([Field.nik: "3174 0145 0588 0001"])[Field.nik] == "3174014505880001")
        #expect(normalized([Field.nik: "3174.0145.0588.0001"]).issues.isEmpty)
        #expect(normalized([Field.nik: "317401450588000"]).issues.map(\.code) == ["nik.length"])
    }

    @Test func placeholdersBecomeMissingInEveryField() {
        let result = normalized([Field.name: "-", Field.email: "tidak ada", Field.phone: "0", Field.nik: "N/A", Field.sector: "belum ada"])
        #expect(result.values.isEmpty)
        #expect(result.issues.isEmpty)
    }

    @Test func genderPlacesAndEmail() {
        let result = normalized([Field.gender: "Perempuan", Field.kecamatan: "Kec. Tebet", Field.kelurahan: "kel. tebet timur", Field.email: " Siti@Example.COM "])
        #expect(result[Field.gender] == "P")
        #expect(result[Field.kecamatan] == "Tebet")
        #expect(result[Field.kelurahan] == "Tebet Timur")
        #expect(result[Field.email] == "siti@example.com")
    }

    @Test func rawValuesAreNeverChanged() {
        var record = Fixtures.record("row:2", [Field.name: "  SITI AMINAH", Field.phone: "0812-3456-7890"])
        let before = record.source
        stage.transform(&record)
        #expect(record.source == before)
    }

    @Test func normalizingTwiceGivesTheSameResult() {
        var record = Fixtures.record("row:2", [Field.name: "bpk. AHMAD", Field.phone: "+62 812 3456 7890", Field.birthDate: "2 Sept 1990"])
        stage.transform(&record)
        let once = record.normalized
        stage.transform(&record)
        #expect(record.normalized == once)
    }
}
