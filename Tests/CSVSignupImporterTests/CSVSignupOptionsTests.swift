import CSVSignupImporter
import MusterCore
import Testing

@Suite struct CSVSignupOptionsTests {
    func decode(_ json: String) throws -> CSVSignupImporter.Options {
        try ConfigDecoder(file: "pipeline.json").decode(CSVSignupImporter.Options.self, from: JSONParser.parse(json), at: "sources[0].options")
    }

    func message(_ json: String) -> String? {
        do {
            _ = try decode(json)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func emptyOptionsGiveDefaults() throws {
        let options = try decode("{}")
        #expect(options.delimiter == .auto)
        #expect(options.encoding == .auto)
        #expect(options.headerRow == nil)
        #expect(options.columns.isEmpty)
        #expect(options.programme == nil && options.session == nil && options.sessionFromFileName == nil)
    }

    @Test func everyOptionDecodes() throws {
        let options = try decode(
            """
            {"delimiter": "semicolon", "encoding": "windows-1252", "headerRow": 4, "columns": {"Nama Ibu": "name"},
             "programme": "WUIB", "session": "WUIB-TBT-01", "sessionFromFileName": "(WUIB-[A-Z]+-[0-9]+)"}
            """)
        #expect(options.delimiter == .semicolon)
        #expect(options.encoding == .windows1252)
        #expect(options.headerRow == 4)
        #expect(options.columns == ["Nama Ibu": "name"])
        #expect(options.session == "WUIB-TBT-01")
        #expect(try decode(#"{"headerRow": "auto"}"#).headerRow == nil)
    }

    @Test func badValuesSayWhatWasExpected() {
        #expect(message(#"{"delimiter": "colon"}"#)?.contains(#"expected one of "auto", "comma", "semicolon", "tab", "pipe""#) == true)
        #expect(message(#"{"encoding": "latin1"}"#)?.contains(#"expected one of "auto", "utf-8", "utf-16", "windows-1252""#) == true)
        #expect(message(#"{"headerRow": 0}"#)?.contains(#"expected an integer of at least 1, or "auto""#) == true)
        #expect(message(#"{"sessionFromFileName": "WUIB-(.*)-(.*)"}"#)?.contains("one capture group") == true)
        #expect(message(#"{"delimter": "comma"}"#)?.contains("did you mean 'delimiter'") == true)
        #expect(message(#"{"delimiter": "colon"}"#)?.contains("sources[0].options.delimiter") == true)
    }

    @Test func descriptorDocumentsEveryOption() {
        let names = CSVSignupImporter.descriptor.options.map(\.name)
        #expect(names == ["delimiter", "encoding", "headerRow", "columns", "programme", "session", "sessionFromFileName"])
        #expect(CSVSignupImporter.descriptor.id == "csv-signup")
    }

    @Test func memberwiseOptionsWithABadPatternAreRefused() {
        #expect(throws: MusterError.self) { try CSVSignupImporter(options: .init(sessionFromFileName: "(")) }
    }
}
