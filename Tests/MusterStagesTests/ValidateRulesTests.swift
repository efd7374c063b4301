import MusterCore
import Testing

@testable import MusterStages

/// Each rule type with records that pass and records that fail, checked through the
/// validate stage as pipeline.json configures it.
@Suite struct ValidateRulesTests {
    /// The validate stage built from the JSON of its `rules`, as `muster run` builds it.
    static func stage(_ rules: String, referenceDate: String = "2024-09-01") throws -> ValidateStage {
        let json = #"{"referenceDate": "\#(referenceDate)", "rules": \#(rules)}"#
        let options = try ConfigDecoder(file: "pipeline.json").decode(ValidateStage.Options.self, from: try JSONParser.parse(json), at: "stages[3].options")
        return ValidateStage(options: options, context: Fixtures.context(stage: "validate"))
    }

    /// Normalizes `rows`, runs them through `rules` one record per cluster, returns the rule
    /// ids each record was quarantined for and the warnings it carries.
    static func judge(_ rules: String, _ rows: [[String: String]], enrollments: [Enrollment] = []) throws -> [(quarantined: [String], warnings: [String])] {
        let normalize = NormalizeStage(options: .init(referenceDate: "2024-09-01"), context: Fixtures.context())
        let records = rows.enumerated().map { index, fields in
            var record = Fixtures.record("row:\(index + 2)", fields)
            record.source.enrollments = enrollments
            normalize.transform(&record)
            return record
        }
        return try Fixtures.run(try stage(rules), records).map { record in
            (record.quarantine.map(\.rule), (record.normalized?.issues ?? []).filter { $0.code.hasPrefix("warning.") }.map(\.code))
        }
    }

    static func quarantined(_ rules: String, _ rows: [[String: String]], enrollments: [Enrollment] = []) throws -> [[String]] {
        try judge(rules, rows, enrollments: enrollments).map(\.quarantined)
    }

    @Test func requiredFieldsAndAnyOfGroups() throws {
        let rules = #"[{"id": "req", "type": "required", "fields": ["name", "kelurahan"]}, {"id": "contact", "type": "required", "anyOf": ["phone", "email"]}]"#
        let out = try Self.quarantined(
            rules,
            [
                [Field.name: "Siti", Field.kelurahan: "Pela Mampang", Field.email: "s@example.com"],
                [Field.name: "tidak ada", Field.kelurahan: "Pela Mampang", Field.phone: "0812-1111-2222"],
                [Field.name: "Budi", Field.kelurahan: "-"],
            ])
        #expect(out == [[], ["req"], ["req", "contact"]])
    }

    /// A foreign number is well formed; whether it is welcome is the office's rule.
    @Test func aForeignNumberIsQuarantinedByItsOwnRuleWhichAnOfficeCanLeaveOut() throws {
        let format = #"{"id": "phone-format", "type": "format", "field": "phone", "format": "phone"}"#
        let indonesian = #"{"id": "phone-indonesian", "type": "issue", "codes": ["phone.foreign"], "message": "not an Indonesian number"}"#
        let rows = [[Field.name: "Ani", Field.phone: "+61 457 161 634"], [Field.name: "Budi", Field.phone: "0812-1111-2222"]]
        #expect(try Self.quarantined("[\(format), \(indonesian)]", rows) == [["phone-indonesian"], []])
        #expect(try Self.quarantined("[\(format)]", rows) == [[], []])
        let defaults = try Fixtures.run(
            ValidateStage(options: .init(), context: Fixtures.context(stage: "validate")),
            rows.map { fields in
                var record = Fixtures.record("row:2", fields)
                Normalizing.stage.transform(&record)
                return record
            })
        #expect(defaults.map { $0.quarantine.map(\.message) } == [["not an Indonesian number"], []])
    }

    /// Both place fields unknown: one reason for the rule, not one per field.
    @Test func aRuleFailingTwiceOnARecordIsOneReason() throws {
        let rules = #"""
            [{"id": "place-known", "type": "issue", "codes": ["kecamatan.unknown", "kelurahan.unknown"],
              "message": "the kecamatan or kelurahan is not in the region list"}]
            """#
        let out = try Self.quarantined(rules, [[Field.name: "Ani", Field.kecamatan: "Atlantis", Field.kelurahan: "Lemuria"]])
        #expect(out == [["place-known"]])
    }

    @Test func formatsOfNIKPhoneEmailAndDate() throws {
        let rules = #"""
            [{"id": "nik", "type": "format", "field": "nik", "format": "nik"},
             {"id": "phone", "type": "format", "field": "phone", "format": "phone"},
             {"id": "email", "type": "format", "field": "email", "format": "email"},
             {"id": "date", "type": "format", "field": "birthDate", "format": "date"}]
            """#
        let out = try Self.quarantined(
            rules,
            [
                [Field.name: "A", Field.nik: "3174014505880001", Field.phone: "0812 1111 2222", Field.email: "a@example.com", Field.birthDate: "05-05-1988"],
                [Field.name: "B", Field.nik: "317401450588000"],
                [Field.name: "C", Field.nik: "9974014505880001"],
                [Field.name: "D", Field.nik: "3174019905880001"],
                [Field.name: "E", Field.phone: "08127"],
                [Field.name: "F", Field.email: "no-at-sign.example.com"],
                [Field.name: "G"],
            ])
        #expect(out == [[], ["nik"], ["nik"], ["nik"], ["phone"], ["email"], []])
    }

    @Test func allowedValuesAndNumericRanges() throws {
        let rules = #"""
            [{"id": "sector", "type": "allowed", "field": "sector", "values": ["kuliner", "fesyen"]},
             {"id": "postal", "type": "range", "field": "postalCode", "min": 12110, "max": 12799}]
            """#
        let out = try Self.quarantined(
            rules,
            [
                [Field.name: "A", Field.sector: "Katering rumahan", Field.postalCode: "12730"],
                [Field.name: "B", Field.sector: "Laundry kiloan"],
                [Field.name: "C", Field.postalCode: "10110"],
                [Field.name: "D"],
            ])
        #expect(out == [[], ["sector"], ["postal"], []])
    }

    @Test func ageAtTheProgrammeDateOrTheRunDate() throws {
        let atProgramme = #"[{"id": "age", "type": "age", "min": 10, "max": 100}]"#
        let september2024 = [Enrollment(programme: "WUIB", date: "2024-09-02")]
        let out = try Self.quarantined(
            atProgramme,
            [
                [Field.name: "A", Field.birthDate: "1988-05-05"],
                [Field.name: "B", Field.birthDate: "2015-01-01"],
                [Field.name: "C", Field.birthDate: "1920-01-01"],
                [Field.name: "D", Field.birthDate: "2014-09-02"],
                [Field.name: "E", Field.birthDate: "2030-01-01"],
                [Field.name: "F"],
            ], enrollments: september2024)
        #expect(out == [[], ["age"], ["age"], [], ["age"], []])
        // At a fixed later day the child born 2015 is old enough.
        let later = #"[{"id": "age", "type": "age", "min": 10, "at": "2026-01-01"}]"#
        #expect(try Self.quarantined(later, [[Field.name: "B", Field.birthDate: "2015-01-01"]]) == [[]])
    }

    @Test func theProgrammeDateIsReadAsSheetsWriteIt() throws {
        // Born 19/11/2014: nine at a training on 18 November 2024, ten at the run (2026).
        let child = [[Field.name: "A", Field.birthDate: "19/11/2014"]]
        let rule = #"[{"id": "age", "type": "age", "min": 10}]"#
        for date in ["7-8 November 2024", "45614", "Senin, 18 November 2024"] {
            #expect(try Self.quarantined(rule, child, enrollments: [Enrollment(programme: "HALAL", date: date)]) == [["age"]], "\(date)")
        }
        let byDayColumns = Enrollment(programme: "HALAL", attendance: [Attendance(day: "18/11/2024", mark: "v", present: true)])
        #expect(try Self.quarantined(rule, child, enrollments: [byDayColumns]) == [["age"]])
    }

    @Test func aBirthDateDerivedFromTheNIKIsJudgedOnlyWhenAsked() throws {
        // 150819: a NIK that says born 15 August 2019, with no stated birth date; its one
        // mistyped year digit should not quarantine a grown participant by default.
        let child = [Field.name: "A", Field.nik: "3174011508190001"]
        let stated = [Field.name: "B", Field.nik: "3174011508190001", Field.birthDate: "15-08-2019"]
        let september2024 = [Enrollment(programme: "WUIB", date: "2024-09-02")]
        let byDefault = #"[{"id": "age", "type": "age", "min": 10}]"#
        #expect(try Self.quarantined(byDefault, [child, stated], enrollments: september2024) == [[], ["age"]])
        let withDerived = #"[{"id": "age", "type": "age", "min": 10, "derived": true}]"#
        #expect(try Self.quarantined(withDerived, [child, stated], enrollments: september2024) == [["age"], ["age"]])
    }

    @Test func consistencyOfTheNIKWithBirthDateGenderAndKecamatan() throws {
        let rules = #"""
            [{"id": "nik-birth-date", "type": "consistency", "check": "nik-birth-date", "severity": "warning"},
             {"id": "nik-gender", "type": "consistency", "check": "nik-gender", "severity": "warning"},
             {"id": "nik-kecamatan", "type": "consistency", "check": "nik-kecamatan", "severity": "warning"}]
            """#
        // 317401 = Tebet, day 45 = a woman born on the 5th, 05/88.
        let out = try Self.judge(
            rules,
            [
                [Field.name: "A", Field.nik: "3174014505880001", Field.birthDate: "05-05-1988", Field.gender: "P", Field.kecamatan: "Tebet"],
                [Field.name: "B", Field.nik: "3174014505880001", Field.birthDate: "06-05-1988", Field.gender: "L", Field.kecamatan: "Cilandak"],
                [Field.name: "C", Field.nik: "3174014505880001"],
            ])
        #expect(out.map(\.quarantined) == [[], [], []])
        #expect(out.map(\.warnings) == [[], ["warning.nik-birth-date", "warning.nik-gender", "warning.nik-kecamatan"], []])
    }

    @Test func issuesRaisedByNormalize() throws {
        let rules = #"[{"id": "place-known", "type": "issue", "codes": ["kecamatan.unknown", "kelurahan.*"]}]"#
        let out = try Self.quarantined(
            rules,
            [
                [Field.name: "A", Field.kecamatan: "Tebet"],
                [Field.name: "B", Field.kecamatan: "Atlantis"],
                [Field.name: "C", Field.kelurahan: "Xyzzy Raya"],
            ])
        #expect(out == [[], ["place-known"], ["place-known"]])
    }

    @Test func customConditions() throws {
        let rules =
            #"[{"id": "women-only", "type": "condition", "assert": "gender == \"P\" or not gender", "when": "sector == 'fesyen' and (phone or email)"}]"#
        let out = try Self.quarantined(
            rules,
            [
                [Field.name: "A", Field.gender: "L", Field.sector: "Jahit", Field.phone: "0812-1111-2222"],
                [Field.name: "B", Field.gender: "P", Field.sector: "Jahit", Field.phone: "0812-1111-2223"],
                [Field.name: "C", Field.gender: "L", Field.sector: "Jahit"],
                [Field.name: "D", Field.gender: "L", Field.sector: "Katering", Field.phone: "0812-1111-2224"],
            ])
        #expect(out == [["women-only"], [], [], []])
    }

    @Test func conditionLanguage() throws {
        let values: FieldValues = ["a": "5", "b": "12", "d": "1988-05-05", "s": "x y"]
        func holds(_ text: String) throws -> Bool { try ConditionParser.parse(text).evaluate(values) }
        #expect(try holds("a < b"))
        #expect(try holds("d >= '1950-01-01' and d < \"2000-01-01\""))
        #expect(try holds("not missing and s == 'x y'"))
        #expect(try holds("not (a > 7) or missing"))
        #expect(try holds("missing != 'x'") == false)
        #expect(try holds("a == -5") == false)
        #expect(throws: ConditionParser.Failure(column: 6, problem: "expected a field name or a value, found '('")) { try ConditionParser.parse("a == (") }
        #expect(throws: ConditionParser.Failure(column: 3, problem: "unexpected '~'")) { try ConditionParser.parse("a ~ b") }
    }
}
