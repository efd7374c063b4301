import MusterCore
import Testing

@testable import MusterStages

@Suite struct NormalizeDateTests {
    @Test(arguments: [
        ("02/09/1984", "1984-09-02"), ("2-9-84", "1984-09-02"), ("1984-09-02", "1984-09-02"), ("1984/09/02", "1984-09-02"),
        ("2 September 1984", "1984-09-02"), ("2 Sept 1984", "1984-09-02"), ("02 Agt 1984", "1984-08-02"),
        ("17 Agustus 1985", "1985-08-17"), ("1 Mei 1990", "1990-05-01"), ("31 Des 1979", "1979-12-31"),
        ("06/11/1979", "1979-11-06"), ("23-4-88", "1988-04-23"), ("3/2/1981", "1981-02-03"), ("18.09.1991", "1991-09-18"),
        ("12 Okt 2001", "2001-10-12"), ("5 Nopember 1970", "1970-11-05"), ("9 Pebruari 1966", "1966-02-09"),
        ("1 Maret 1977", "1977-03-01"), ("14 Juli 1995", "1995-07-14"), ("September 2, 1984", "1984-09-02"),
        ("Senin, 2 September 1984", "1984-09-02"), ("2 SEPTEMBER 1984", "1984-09-02"), ("29/02/2000", "2000-02-29"),
        ("1999-04-10T00:00:00+07:00", "1999-04-10"), ("2-9-24", "2024-09-02"), ("10-1-25", "2025-01-10"), ("1-1-26", "1926-01-01"),
        ("30 June 1980", "1980-06-30"), ("1 Jan 1960", "1960-01-01"), ("4 Aug 1977", "1977-08-04"),
    ])
    func datesBecomeISO(raw: String, iso: String) {
        let result = Normalizing.values([Field.birthDate: raw])
        #expect(result[Field.birthDate] == iso)
        #expect(result.issues.isEmpty)
    }

    @Test(arguments: [
        ("001", "1900-01-01"), ("059", "1900-02-28"), ("061", "1900-03-01"), ("100", "1900-04-09"), ("25569", "1970-01-01"),
        ("32874", "1990-01-01"), ("36526", "2000-01-01"), ("30927", "1984-09-02"), ("30927.0", "1984-09-02"), ("30927,75", "1984-09-02"),
    ])
    func excelSerialsUseThe1900System(serial: String, iso: String) {
        guard case .date(let day, _)? = DateNormalizer.excelSerial(serial) else {
            Issue.record("not read as a serial")
            return
        }
        #expect(day.iso == iso)
    }

    @Test func excelSerialsInABirthDateField() {
        #expect(Normalizing.values([Field.birthDate: "30927"])[Field.birthDate] == "1984-09-02")
        #expect(Normalizing.values([Field.birthDate: "32874"])[Field.birthDate] == "1990-01-01")
    }

    @Test func excelsFalseLeapDayIsInvalid() {
        #expect(DateNormalizer.excelSerial("060") == .invalid)
    }

    @Test(arguments: [
        ("31/02/1990", "date.invalid"), ("1990-13-01", "date.invalid"), ("29/02/1999", "date.invalid"), ("00/01/1990", "date.invalid"),
        ("32 Mei 1990", "date.invalid"), ("kemarin", "date.unparseable"), ("1990", "date.unparseable"), ("Mei 1990", "date.unparseable"),
        ("2 Smarch 1990", "date.unparseable"), ("5/5/2026", "date.future"), ("1 Januari 2030", "date.future"), ("01/01/1890", "date.invalid"),
        ("01/01/1901", "date.implausible"),
    ])
    func impossibleAndFutureBirthDatesAreIssues(raw: String, code: String) {
        let result = Normalizing.values([Field.birthDate: raw])
        #expect(result[Field.birthDate] == nil)
        #expect(result.issues.map(\.code) == [code])
    }

    @Test func aDateThatOnlyReadsMonthFirstIsAcceptedWithAnIssue() {
        let result = Normalizing.values([Field.birthDate: "09/25/1990"])
        #expect(result[Field.birthDate] == "1990-09-25")
        #expect(result.issues.map(\.code) == ["date.swapped"])
    }

    @Test func monthFirstOrderComesFromOptions() throws {
        let stage = NormalizeStage(options: try Normalizing.options(#"{"dateOrder": "mdy", "referenceDate": "2025-06-30"}"#), context: Fixtures.context())
        #expect(Normalizing.values([Field.birthDate: "02/09/1984"], stage: stage)[Field.birthDate] == "1984-02-09")
        #expect(Normalizing.values([Field.birthDate: "2 September 1984"], stage: stage)[Field.birthDate] == "1984-09-02")
    }
}
