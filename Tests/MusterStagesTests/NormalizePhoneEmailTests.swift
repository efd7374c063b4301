import MusterCore
import Testing

@testable import MusterStages

@Suite struct NormalizePhoneEmailTests {
    @Test(arguments: [
        ("0812-3456-7890", "+6281234567890", "mobile"), ("+62 812 3456 7890", "+6281234567890", "mobile"),
        ("6281234567890", "+6281234567890", "mobile"), ("81234567890", "+6281234567890", "mobile"),
        ("0812.3456.7890", "+6281234567890", "mobile"), ("(021) 7890123", "+62217890123", "landline"),
        ("021-7804519", "+62217804519", "landline"), ("(021) 7804 519", "+62217804519", "landline"),
        ("+62 (0) 812 3456 7890", "+6281234567890", "mobile"), ("0062 812 3456 7890", "+6281234567890", "mobile"),
        ("0812 3456 789", "+628123456789", "mobile"), ("0881-9394-52229", "+62881939452229", "mobile"),
        ("858500158726", "+62858500158726", "mobile"), ("8533448795", "+628533448795", "mobile"),
        ("0878 8123 073", "+628788123073", "mobile"), ("WA: 0857-6540-1824", "+6285765401824", "mobile"),
        ("(0251) 8312345", "+622518312345", "landline"), ("０８１２３４５６７８９０", "+6281234567890", "mobile"),
    ])
    func phonesBecomeE164(raw: String, canonical: String, type: String) {
        let result = Normalizing.values([Field.phone: raw])
        #expect(result[Field.phone] == canonical)
        #expect(result[Field.phoneType] == type)
        #expect(result.issues.isEmpty)
    }

    @Test(
        arguments: [
            ("0812-1111-2222 / 0813-3333-4444", "+6281211112222", "+6281333334444"),
            ("0812-1111-2222, 021-7890123", "+6281211112222", "+62217890123"),
            ("081211112222 atau 081333334444", "+6281211112222", "+6281333334444"),
            ("0812 1111 2222 / 0813 3333 4444 / 0857 5555 6666", "+6281211112222", "+6281333334444 +6285755556666"),
            ("0812-1111-2222 / 0812-1111-2222", "+6281211112222", nil),
        ] as [(String, String, String?)])
    func severalNumbersGiveAPrimaryAndOthers(raw: String, primary: String, others: String?) {
        let result = Normalizing.values([Field.phone: raw])
        #expect(result[Field.phone] == primary)
        #expect(result[Field.otherPhones] == others)
        #expect(result.issues.isEmpty)
    }

    @Test(arguments: ["08127", "12345", "abc", "0000000000", "+1 202", "0812345678901234", "1500-123", "62"])
    func impossiblePhonesAreIssuesNotValues(raw: String) {
        let result = Normalizing.values([Field.phone: raw])
        #expect(result[Field.phone] == nil)
        #expect(result.issues.map(\.code) == ["phone.unparseable"])
        #expect(result.issues.first?.raw == raw)
    }

    @Test func anImpossibleSecondNumberIsAnIssueBesideAGoodPrimary() {
        let result = Normalizing.values([Field.phone: "0812-1111-2222 / 0813"])
        #expect(result[Field.phone] == "+6281211112222")
        #expect(result.issues.map(\.code) == ["phone.part-unparseable"])
        #expect(result.issues.first?.field == Field.otherPhones)
    }

    @Test(arguments: [
        (" Siti@Example.COM ", "siti@example.com"), ("WARTINI15@EXAMPLE.COM", "wartini15@example.com"),
        ("mailto:dedi.kue@example.com", "dedi.kue@example.com"), ("ratna.jaksel14@surel.example", "ratna.jaksel14@surel.example"),
        ("indah_angg20@example.net", "indah_angg20@example.net"), ("a.b+tag@sub.example.co.id", "a.b+tag@sub.example.co.id"),
    ])
    func emailsAreTrimmedAndLowercased(raw: String, canonical: String) {
        let result = Normalizing.values([Field.email: raw])
        #expect(result[Field.email] == canonical)
        #expect(result.issues.isEmpty)
    }

    @Test(arguments: [
        "siti.example.com", "siti@example", "siti@@example.com", "siti@.com", "siti @example.com", "@example.com",
        "siti@example.c", "siti..a@example.com", "siti@example..com", "siti@example.com.", "siti,aminah@example.com",
    ])
    func malformedEmailsAreIssuesAndKeptForValidate(raw: String) {
        let result = Normalizing.values([Field.email: raw])
        #expect(result.issues.map(\.code) == ["email.syntax"])
        #expect(result[Field.email] == raw.lowercased())
    }
}
