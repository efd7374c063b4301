import MusterCore
import Testing

@testable import MusterStages

/// Identifiers as spreadsheets and foreign callers write them: Excel's text apostrophe, and
/// numbers with another country's code, which must never turn into Indonesian ones.
@Suite struct NormalizeSpreadsheetTests {
    @Test(arguments: [
        (Field.nik, "'3174015203870001", "3174015203870001"),
        (Field.nik, " '3174015203870001 ", "3174015203870001"),
        (Field.phone, "'081234567890", "+6281234567890"),
        (Field.phone, "'81234567890", "+6281234567890"),
        (Field.email, "'siti.aminah@example.com", "siti.aminah@example.com"),
    ])
    func excelsTextApostropheIsDroppedFromIdentifiers(field: String, raw: String, canonical: String) {
        var record = Fixtures.record("row:2", [field: raw])
        Normalizing.stage.transform(&record)
        #expect(record.normalized?.values[field] == canonical)
        #expect(record.normalized?.issues.isEmpty == true, "\(record.normalized?.issues ?? [])")
        #expect(record.source.fields[field] == raw, "the raw value keeps the apostrophe")
    }

    @Test func onlyOneApostropheIsDropped() {
        let result = Normalizing.values([Field.nik: "''3174015203870001"])
        #expect(result[Field.nik] != "3174015203870001")
    }

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

    @Test func anIndonesianNumberBesideAForeignOneIsThePrimary() {
        let result = Normalizing.values([Field.phone: "+61 457 161 634 / 0812-1111-2222"])
        #expect(result[Field.phone] == "+6281211112222")
        #expect(result[Field.phoneType] == "mobile")
        #expect(result[Field.otherPhones] == "+61457161634")
        #expect(result.issues.isEmpty)
    }
}
