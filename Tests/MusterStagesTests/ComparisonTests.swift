import Foundation
import MusterCore
import Testing

@testable import MusterStages

/// A comparison's levels on pairs of normalized values, and comparisons decoded from
/// pipeline.json as an office would declare them for another dataset.
@Suite struct ComparisonTests {
    func comparison(_ id: String) throws -> Comparison {
        try #require(Comparison.defaults.first { $0.id == id })
    }

    func level(_ id: String, _ a: [String: String], _ b: [String: String]) throws -> String {
        let comparison = try comparison(id)
        return comparison.label(comparison.level(FieldValues(a), FieldValues(b)))
    }

    @Test(arguments: [
        ("siti nurhaliza", "siti nurhaliza", "exact"), ("siti nurhaliza", "siti nurhalizah", "allWords≥0.9"),
        ("ahmad hidajat", "ahmad hidayat", "allWords≥0.9"), ("nurhaliza siti", "siti nurhaliza", "tokenSet"),
        ("novi", "novi ramadan", "wordSubset"), ("sri gunawan", "masih gunawan", "jaroWinkler≥0.88"),
        ("eko gunawan", "eka gunawan", "jaroWinkler≥0.88"), ("siti aminah", "dewi lestari", "else"), ("", "siti", "null"),
    ])
    func nameLevels(a: String, b: String, expected: String) throws {
        #expect(try level("name", [Field.nameKey: a], [Field.nameKey: b]) == expected)
    }

    @Test(arguments: [
        ("3174015203870001", "3174015203870001", "exact"), ("3174015203870001", "3174015203870002", "oneDigitOff"),
        ("3174015203870012", "3174015203870021", "transposition"), ("3174015203870001", "3174099999999999", "else"),
    ])
    func nikLevels(a: String, b: String, expected: String) throws {
        #expect(try level("nik", [Field.nik: a], [Field.nik: b]) == expected)
        #expect(try level("nik", [Field.nik: a], [:]) == "null")
    }

    @Test func placesAgreeOnTheKecamatanWhenTheKelurahanDiffers() throws {
        let tebetTimur = [Field.kelurahanCode: "31.74.01.1001", Field.kecamatanCode: "31.74.01"]
        let tebetBarat = [Field.kelurahanCode: "31.74.01.1002", Field.kecamatanCode: "31.74.01"]
        let senayan = [Field.kelurahanCode: "31.74.07.1006", Field.kecamatanCode: "31.74.07"]
        #expect(try level("kelurahan", tebetTimur, tebetTimur) == "exact")
        #expect(try level("kelurahan", tebetTimur, tebetBarat) == "same kecamatanCode")
        #expect(try level("kelurahan", tebetTimur, senayan) == "else")
    }

    @Test func anotherDatasetIsComparedByConfigurationAlone() throws {
        let json = #"""
            [{"id": "surname", "field": "surname", "levels": ["exact", {"jaroWinkler": 0.9}]},
             {"id": "dob", "field": "dob", "levels": ["exact", "dayMonthSwapped", "onePartOff"]},
             {"id": "passport", "field": "passport", "levels": ["exact", "oneDigitOff", {"sameSuffix": 4}]}]
            """#
        let comparisons = try JSONDecoder().decode([Comparison].self, from: Data(json.utf8))
        let a = FieldValues(["surname": "schmidt", "dob": "1980-03-04", "passport": "X1234567"])
        let b = FieldValues(["surname": "schmitt", "dob": "1980-04-03", "passport": "Y9994567"])
        #expect(comparisons.map { $0.label($0.level(a, b)) } == ["jaroWinkler≥0.9", "dayMonthSwapped", "sameSuffix4"])
    }

    @Test func aBadLevelSaysWhatIsExpected() {
        let json = #"[{"id": "x", "field": "x", "levels": ["fuzzy"]}]"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Comparison].self, from: Data(json.utf8)) }
        let range = #"[{"id": "x", "field": "x", "levels": [{"jaroWinkler": 1.5}]}]"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Comparison].self, from: Data(range.utf8)) }
    }
}
