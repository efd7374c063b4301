import MusterCore
import MusterTesting
import Testing

@testable import MusterStages

/// Values as real offices write them, beyond what muster's own samples show (issue 13): each
/// case keeps the raw value beside the canonical one.
@Suite struct OfficeIdentifierTests {
    /// Excel's text apostrophe, and the curly ones and backtick autocorrect puts in its place.
    @Test(arguments: [
        (Field.nik, "'3174015203870001", "3174015203870001"), (Field.nik, " '3174015203870001 ", "3174015203870001"),
        (Field.phone, "'081234567890", "+6281234567890"), (Field.phone, "'81234567890", "+6281234567890"),
        (Field.email, "'siti.aminah@example.com", "siti.aminah@example.com"),
        (Field.nik, "\u{2019}3174085707900231", "3174085707900231"), (Field.nik, "\u{2018}3174085707900231", "3174085707900231"),
        (Field.nik, "`3174085707900231", "3174085707900231"), (Field.nik, " \u{2019}3174 0857 0790 0231", "3174085707900231"),
        (Field.phone, "\u{2019}081234567890", "+6281234567890"), (Field.email, "\u{2018}siti.aminah@example.com", "siti.aminah@example.com"),
    ])
    func anApostropheBeforeAnIdentifierIsDropped(field: String, raw: String, canonical: String) {
        var record = Fixtures.record("row:2", [field: raw])
        Normalizing.stage.transform(&record)
        #expect(record.normalized?.values[field] == canonical)
        #expect(record.normalized?.issues.isEmpty == true, "\(record.normalized?.issues ?? [])")
        #expect(record.source.fields[field] == raw, "the raw value keeps the apostrophe")
    }

    @Test(arguments: ["''3174085707900231", "\u{2019}\u{2019}3174085707900231", "\u{2019}'3174085707900231", "\u{201D}3174085707900231"])
    func onlyOneApostropheOfAKnownKindIsDropped(raw: String) {
        let result = Normalizing.values([Field.nik: raw])
        #expect(result[Field.nik] != "3174085707900231")
        #expect(result.issues.map(\.code) == ["nik.characters"])
    }

    /// A JSON number holding the NIK: exact when the mantissa writes all sixteen digits.
    @Test(arguments: [
        ("3.174061512930246e15", "3174061512930246"), ("3.174061512930246E15", "3174061512930246"),
        ("3.174061512930246e+15", "3174061512930246"), ("3.174045806000068E+15", "3174045806000068"),
    ])
    func aNIKInExponentFormWithEveryDigitIsTheNIK(raw: String, canonical: String) {
        let result = Normalizing.values([Field.nik: raw])
        #expect(result[Field.nik] == canonical)
        #expect(result[Field.nikDistrict] == "31.74.0" + String(canonical.dropFirst(5).prefix(1)))
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    /// Excel shows 15 significant digits at most: the rest would be made up.
    @Test(arguments: ["3,17401E+15", "3.17401E+15", "3.17406151293024e15", "3.1740615129302461e15", "3.174061512930246e-15", "3.174061512930246e16"])
    func anExponentFormThatLostOrMadeUpDigitsStaysMalformed(raw: String) {
        let result = Normalizing.values([Field.nik: raw])
        #expect(result[Field.nik].map(IdentifierRules.isWellFormedNIK) == false, "\(result[Field.nik] ?? "nil")")
        #expect(result.issues.map(\.code).first?.hasPrefix("nik.") == true)
    }
}

/// Values that mean "not given": absent, so `required` rules judge them, never a wrong value.
@Suite struct OfficePlaceholderTests {
    @Test(arguments: ["0000-00-00", "00/00/0000", "00-00-0000", "0000-00-00 00:00:00"])
    func aZeroBirthDateIsNotGivenAndTheNIKsIsDerived(raw: String) {
        let result = Normalizing.values([Field.nik: "3174011403870001", Field.birthDate: raw])
        #expect(result[Field.birthDate] == "1987-03-14")
        #expect(result[Field.derived]?.contains(Field.birthDate) == true)
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    @Test(arguments: ["gak ada", "Ga ada", "nggak ada", "Tidak diisi", "\u{2013}", "\u{2014}", "\u{2012}", "_", " \u{2013} "])
    func colloquialNoesAndOtherDashesAreMissing(raw: String) {
        let result = Normalizing.values([Field.name: raw, Field.email: raw, Field.phone: raw])
        #expect(result.values.isEmpty, "\(result.values)")
        #expect(result.issues.isEmpty)
    }

    /// A name that is only a dash fails `required-name` under the shipped rules; a zero birth
    /// date quarantines nothing.
    @Test func theShippedRulesJudgeThemAsMissing() throws {
        let options = try Fixtures.shippedValidateOptions()
        let stage = ValidateStage(options: options, context: Fixtures.context(stage: "validate"))
        let rows: [[String: String]] = [
            [Field.name: "\u{2013}", Field.nik: "3174040609630202"],
            [Field.name: "Dodi Manurung", Field.nik: "3174092209740013", Field.birthDate: "0000-00-00"],
        ]
        let records = rows.enumerated().map { index, fields in
            var record = Fixtures.record("row:\(index + 2)", fields)
            Normalizing.stage.transform(&record)
            return record
        }
        let out = try Fixtures.run(stage, records)
        #expect(out.map { $0.quarantine.map(\.rule) } == [["required-name"], []])
    }
}

/// Dates written by other programs: month abbreviations, and timestamps from JavaScript.
@Suite struct OfficeDateTests {
    @Test(arguments: [
        ("19 Agst 1976", "1976-08-19"), ("19 Ags 1976", "1976-08-19"), ("19 Agu 1976", "1976-08-19"), ("3 Spt 1980", "1980-09-03"),
        ("3 Sep. 1980", "1980-09-03"), ("12 Okt 1990", "1990-10-12"), ("5 Nop 1970", "1970-11-05"), ("10 Des 1988", "1988-12-10"),
        ("9 Peb 1966", "1966-02-09"), ("9 Pebr. 1966", "1966-02-09"), ("1 Mrt 1977", "1977-03-01"), ("30 Jun 1980", "1980-06-30"),
        ("14 Jul 1995", "1995-07-14"), ("14 Djuli 1965", "1965-07-14"),
    ])
    func indonesianMonthAbbreviations(raw: String, iso: String) {
        let result = Normalizing.values([Field.birthDate: raw])
        #expect(result[Field.birthDate] == iso)
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    /// Midnight in Jakarta is 17:00 the day before in UTC: the day is Jakarta's.
    @Test(arguments: [
        ("1992-08-14T17:00:00.000Z", "1992-08-15"), ("1993-12-14T17:00:00Z", "1993-12-15"), ("1988-04-04T16:59:59.999Z", "1988-04-04"),
        ("1999-12-31T17:00:00.000Z", "2000-01-01"), ("1992-08-15T00:00:00+07:00", "1992-08-15"), ("1992-08-14T20:00:00-05:00", "1992-08-15"),
        ("1992-08-15 00:00:00+0700", "1992-08-15"), ("1992-08-14T17:00Z", "1992-08-15"), ("1992-08-14T17:00:00", "1992-08-14"),
        ("1992-08-14", "1992-08-14"), ("2000-02-28T17:00:00Z", "2000-02-29"),
    ])
    func timestampsWithAZoneAreTheDayInJakarta(raw: String, iso: String) {
        let result = Normalizing.values([Field.birthDate: raw])
        #expect(result[Field.birthDate] == iso)
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    @Test(arguments: ["1992-08-14T20:00:00-99:00", "1992-08-14T20:00:00+07:75", "1992-08-14T20:00:00+15:00"])
    func aZoneNoPlaceHasIsNoZoneAndTheDateIsReadAsWritten(raw: String) {
        // No shift by a day or more: only real zones (−12:00…+14:00) move a timestamp to Jakarta.
        let result = Normalizing.values([Field.birthDate: raw])
        #expect(result[Field.birthDate] == "1992-08-14")
    }

    @Test(arguments: [("1992-02-30T17:00:00Z", "date.invalid"), ("1992-13-14T17:00:00.000Z", "date.invalid")])
    func aTimestampOfNoRealDayIsAnIssue(raw: String, code: String) {
        let result = Normalizing.values([Field.birthDate: raw])
        #expect(result[Field.birthDate] == nil)
        #expect(result.issues.map(\.code) == [code])
    }
}

/// A letter typed for a digit makes a different, shorter number if dropped: the number is
/// unreadable. Words around numbers are not inside them.
@Suite struct OfficePhoneTests {
    @Test(arguments: ["0815-22O2-6320", "0877-3l96-196", "0882-32S8-3863", "0812-O456-7890", "08123456O890", "0812-345O-7890", "+62 812 3I56 7890"])
    func aLetterBetweenDigitsMakesTheNumberUnreadable(raw: String) {
        let result = Normalizing.values([Field.phone: raw])
        #expect(result[Field.phone] == nil)
        #expect(result.issues.map(\.code) == ["phone.unparseable"])
        #expect(result.issues.first?.raw == raw)
    }

    @Test func aMisspeltNumberBesideAGoodOneIsAPartIssue() {
        let result = Normalizing.values([Field.phone: "0812-1111-2222 / 0815-22O2-6320"])
        #expect(result[Field.phone] == "+6281211112222")
        #expect(result[Field.otherPhones] == nil)
        #expect(result.issues.map(\.code) == ["phone.part-unparseable"])
    }

    @Test(
        arguments: [
            ("0812-3456-7890 (WA)", "+6281234567890", nil), ("WA: 0812-3456-7890", "+6281234567890", nil),
            ("0812-3456-7890 a.n. Siti", "+6281234567890", nil), ("HP 0812 3456 7890", "+6281234567890", nil),
            ("HP0812-3456-7890", "+6281234567890", nil), ("0812-3456-7890 / 0813-3333-4444", "+6281234567890", "+6281333334444"),
            ("0812-3456-7890-WA", "+6281234567890", nil), ("Telp.0812.3456.7890", "+6281234567890", nil),
            ("081234567890 atau 081333334444", "+6281234567890", "+6281333334444"),
        ] as [(String, String, String?)])
    func wordsAroundNumbersAreFine(raw: String, primary: String, others: String?) {
        let result = Normalizing.values([Field.phone: raw])
        #expect(result[Field.phone] == primary)
        #expect(result[Field.otherPhones] == others)
        #expect(result.issues.isEmpty, "\(result.issues)")
    }
}
