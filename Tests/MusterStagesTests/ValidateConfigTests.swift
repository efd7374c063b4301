import MusterCore
import MusterTesting
import Testing

@testable import MusterStages

/// Rule mistakes in pipeline.json are config errors with the exact path, asserted verbatim.
@Suite struct ValidateConfigTests {
    func error(_ rules: String, extra: String = "") -> String? {
        do {
            let json = #"{\#(extra)"rules": \#(rules)}"#
            _ = try ConfigDecoder(file: "pipeline.json").decode(ValidateStage.Options.self, from: try JSONParser.parse(json), at: "stages[3].options")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func unknownRuleTypeListsTheTypesAndSuggests() {
        #expect(
            error(
                #"[{"id": "a", "type": "required", "fields": ["name"]}, {"id": "b", "type": "required", "fields": ["nik"]}, {"id": "c", "type": "fomat", "field": "nik"}]"#
            )
                == #"pipeline.json: stages[3].options.rules[2].type: expected a rule type (did you mean "format"?): one of age, allowed, condition, consistency, format, issue, range, required, unique, found "fomat""#
        )
    }

    @Test func unknownFieldsAreNamedAtTheirIndex() {
        #expect(
            error(#"[{"id": "a", "type": "required", "fields": ["name", "birthdate"]}]"#)
                == #"pipeline.json: stages[3].options.rules[0].fields[1]: expected a known field (did you mean "birthDate"?); office fields are listed in the validate stage's "fields" option, found "birthdate""#
        )
        #expect(error(#"[{"id": "a", "type": "allowed", "field": "koperasi", "values": ["ya"]}]"#, extra: #""fields": ["koperasi"], "#) == nil)
    }

    @Test func unknownKeysSeverityAndScope() {
        #expect(
            error(#"[{"id": "a", "type": "format", "field": "nik", "format": "nik", "strucure": false}]"#)
                == "pipeline.json: stages[3].options.rules[0].strucure: unknown key; did you mean 'structure'?")
        #expect(
            error(#"[{"id": "a", "type": "required", "fields": ["name"], "severity": "fatal"}]"#)
                == #"pipeline.json: stages[3].options.rules[0].severity: expected one of "error", "warning", found "fatal""#)
        #expect(
            error(#"[{"id": "a", "type": "unique", "field": "nik", "on": "record"}]"#)
                == #"pipeline.json: stages[3].options.rules[0].on: expected "participant" (uniqueness is checked per cluster), found "record""#)
    }

    @Test func conditionsAreParsedAtCheckTime() {
        #expect(
            error(#"[{"id": "a", "type": "condition", "assert": "gender == "}]"#)
                == #"pipeline.json: stages[3].options.rules[0].assert: expected a condition such as `gender == "P" and not nik` (column 11: expected a field name or a value, found the end), found "gender == ""#
        )
        #expect(
            error(#"[{"id": "a", "type": "condition", "assert": "gendre == 'P'"}]"#)?.hasPrefix(
                #"pipeline.json: stages[3].options.rules[0].assert: expected a condition over known fields; "gendre" is not a known field (did you mean "gender"?)"#
            ) == true)
    }

    @Test func duplicateIdsAndShorthandBesideRules() {
        #expect(
            error(#"[{"id": "a", "type": "required", "fields": ["name"]}, {"id": "a", "type": "required", "fields": ["nik"]}]"#)
                == #"pipeline.json: stages[3].options.rules[1].id: expected a rule id used once ("a" is used twice), found "a""#)
        #expect(
            error(#"[]"#, extra: #""required": ["name"], "#)
                == #"pipeline.json: stages[3].options.required: expected no "required" beside "rules" (it only shapes the default rules; declare a required or format rule instead), found an array"#
        )
    }

    @Test func theShippedPipelineRulesDecode() throws {
        let options = try Fixtures.shippedValidateOptions()
        #expect(
            options.effectiveRules.prefix(6).map(\.header.id) == [
                "required-name", "required-title", "nik-format", "phone-format", "phone-indonesian", "email-format",
            ]
        )
    }
}
