import MusterCore
import Testing

/// pipeline.json problems are reported with the file, the exact path, what was expected
/// and what was found. Messages are asserted verbatim: they are the operator's interface.
@Suite struct ConfigurationErrorTests {
    struct ThresholdOptions: Decodable {
        var threshold: Double
        var mode: String?

        enum CodingKeys: String, CodingKey { case threshold, mode }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            threshold = try container.decode(Double.self, forKey: .threshold, in: 0...1)
            mode = try container.decodeIfPresent(String.self, forKey: .mode)
        }
    }

    func envelopeError(_ json: String) -> String? {
        do {
            _ = try PipelineConfiguration.parse(data: Array(json.utf8), file: "pipeline.json", baseDirectory: "/tmp")
            return nil
        } catch {
            return error.description
        }
    }

    func optionsError(_ json: String) -> String? {
        do {
            let value = try JSONParser.parse(json)
            _ = try ConfigDecoder(file: "pipeline.json").decode(ThresholdOptions.self, from: value, at: "stages[2].options")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func outOfRangeTypeNamesPathExpectationAndValue() {
        #expect(optionsError(#"{"threshold": "high"}"#) == #"pipeline.json: stages[2].options.threshold: expected a number between 0 and 1, found "high""#)
        #expect(optionsError(#"{"threshold": 1.5}"#) == "pipeline.json: stages[2].options.threshold: expected a number between 0 and 1, found 1.5")
        #expect(optionsError(#"{"threshold": 0.5}"#) == nil)
    }

    @Test func unknownKeySuggestsTheNearestKnownKey() {
        #expect(optionsError(#"{"threshold": 0.5, "mdoe": "x"}"#) == "pipeline.json: stages[2].options.mdoe: unknown key; did you mean 'mode'?")
        #expect(
            optionsError(#"{"threshold": 0.5, "colour": "x"}"#) == "pipeline.json: stages[2].options.colour: unknown key; the keys here are: mode, threshold")
    }

    @Test func wrongTypesSayWhatWasExpected() {
        #expect(optionsError(#"{"threshold": 0.5, "mode": 3}"#) == "pipeline.json: stages[2].options.mode: expected a string, found 3")
        #expect(optionsError(#"[1]"#) == "pipeline.json: stages[2].options: expected an object, found an array")
    }

    @Test func envelopeErrors() {
        #expect(envelopeError(#"{"version": 1, "sources": [], "stages": []}"#) == "pipeline.json: stages: expected at least one stage, found an array")
        #expect(
            envelopeError(#"{"version": 2, "sources": [], "stages": [{"type": "ingest"}]}"#)
                == "pipeline.json: version: expected an integer between 1 and 1, found 2")
        #expect(
            envelopeError(#"{"version": 1, "sorces": [], "stages": [{"type": "ingest"}]}"#) == "pipeline.json: sorces: unknown key; did you mean 'sources'?")
        #expect(
            envelopeError(#"{"version": 1, "sources": [{"id": "a b", "importer": "x", "files": ["*"]}], "stages": [{"type": "ingest"}]}"#)
                == #"pipeline.json: sources[0].id: expected an id of letters, digits, '-' or '_', found "a b""#)
        #expect(
            envelopeError(#"{"version": 1, "sources": [{"id": "a", "importer": "x", "files": []}], "stages": [{"type": "ingest"}]}"#)
                == "pipeline.json: sources[0].files: expected at least one file pattern, found an array")
        #expect(
            envelopeError(#"{"version": 1, "sources": [], "stages": [{"type": "ingest"}, {"type": "ingest"}]}"#)
                == #"pipeline.json: stages[1].name: expected a unique stage name, found "ingest" a second time; give one of them a "name""#)
        #expect(
            envelopeError(#"{"version": 1, "sources": [], "stages": [{"type": "ingest"}], "maxQuarantinedShare": "high"}"#)
                == #"pipeline.json: maxQuarantinedShare: expected a number between 0 and 1, found "high""#)
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        #expect(envelopeError("{\n  \"version\": 1,\n  \"sources\": [,]\n}") == "pipeline.json: line 3, column 15: unexpected ',', expected a value")
        #expect(envelopeError("") == "pipeline.json: line 1, column 1: unexpected end of input, expected a value")
    }
}
