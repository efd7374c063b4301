import MusterCore
import Testing

@testable import MusterStages

@Suite struct NormalizeNIKTests {
    @Test(arguments: [
        ("3174014505880001", "3174014505880001"), ("3174 0145 0588 0001", "3174014505880001"),
        ("3174.0145.0588.0001", "3174014505880001"), ("31.74.04.050869.0105", "3174040508690105"),
        ("3174-0145-0588-0001", "3174014505880001"), (" 3174014505880001 ", "3174014505880001"),
        ("3174.06.430281.0046", "3174064302810046"),
    ])
    func separatorsAreStripped(raw: String, nik: String) {
        let result = Normalizing.values([Field.nik: raw])
        #expect(result[Field.nik] == nik)
        #expect(result.issues.isEmpty)
    }

    @Test(arguments: [
        ("3174014505880001", "31.74.01", "1988-05-05", "P"),
        ("3174010505880001", "31.74.01", "1988-05-05", "L"),
        ("3174077112990002", "31.74.07", "1999-12-31", "P"),
        ("3174070101000003", "31.74.07", "2000-01-01", "L"),
        ("3201016902040004", "32.01.01", "2004-02-29", "P"),
        ("3174092507650005", "31.74.09", "1965-07-25", "L"),
        // The reference day is 2025-06-30: a date in 2025 after it is read a century earlier.
        ("3174014512250006", "31.74.01", "1925-12-05", "P"),
        ("3174010506250007", "31.74.01", "2025-06-05", "L"),
    ])
    func nikIsSplitIntoRegionDateAndGender(nik: String, district: String, birthDate: String, gender: String) {
        let result = Normalizing.values([Field.nik: nik])
        #expect(result[Field.nikDistrict] == district)
        #expect(result[Field.nikBirthDate] == birthDate)
        #expect(result[Field.nikGender] == gender)
        #expect(result.issues.isEmpty)
    }

    @Test(arguments: [
        ("317401450588000", ["nik.length"]), ("31740145058800012", ["nik.length"]), ("3,17401E+15", ["nik.characters"]),
        ("3174O14505880001", ["nik.characters"]), ("9974014505880001", ["nik.province"]), ("3174994505880001", ["nik.district"]),
        ("3174013202880001", ["nik.birth-date"]), ("3174017202880001", ["nik.birth-date"]), ("3174010013880001", ["nik.birth-date"]),
        ("3174013502880001", ["nik.birth-date"]), ("3174016902030001", ["nik.birth-date"]),
    ])
    func malformedNIKsAreIssues(raw: String, codes: [String]) {
        let result = Normalizing.values([Field.nik: raw])
        #expect(result.issues.map(\.code) == codes)
        #expect(result.issues.allSatisfy { $0.field == Field.nik && $0.raw == raw })
        #expect(result[Field.nik] != nil, "a malformed NIK stays visible for validate")
    }

    @Test func statedValuesThatAgreeGiveNoIssue() {
        let result = Normalizing.values([Field.nik: "3174014505880001", Field.birthDate: "5 Mei 1988", Field.gender: "Perempuan", Field.kecamatan: "Tebet"])
        #expect(result.issues.isEmpty)
    }

    @Test(arguments: [
        ([Field.birthDate: "06/05/1988"], "nik.birth-date-mismatch"),
        ([Field.birthDate: "05/05/1989"], "nik.birth-date-mismatch"),
        ([Field.gender: "Laki-laki"], "nik.gender-mismatch"),
        ([Field.kecamatan: "Cilandak"], "nik.kecamatan-mismatch"),
    ])
    func disagreementsWithTheRecordAreIssues(stated: [String: String], code: String) {
        let result = Normalizing.values(stated.merging([Field.nik: "3174014505880001"]) { $1 })
        #expect(result.issues.map(\.code) == [code])
    }

    @Test func birthDateAndGenderAreDerivedWhenMissing() {
        let result = Normalizing.values([Field.nik: "3174075801690058", Field.name: "Wartini"])
        #expect(result[Field.birthDate] == "1969-01-18")
        #expect(result[Field.gender] == "P")
        #expect(result[Field.derived] == "birthDate gender")
        #expect(result.issues.isEmpty)
    }

    @Test func statedValuesAreNeverOverwritten() {
        let result = Normalizing.values([Field.nik: "3174075801690058", Field.birthDate: "1969-01-18", Field.gender: "P"])
        #expect(result[Field.derived] == nil)
    }

    @Test func aNIKOutsideJakartaIsNotCheckedAgainstAJakartaKecamatan() {
        let result = Normalizing.values([Field.nik: "3201015508900001", Field.kecamatan: "Tebet"])
        #expect(result.issues.isEmpty)
    }
}
