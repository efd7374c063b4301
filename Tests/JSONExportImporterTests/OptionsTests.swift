import JSONExportImporter
import MusterCore
import Testing

/// Options as pipeline.json gives them: defaults, and operator-grade errors.
@Suite struct OptionsTests {
    let decoder = ConfigDecoder(file: "pipeline.json")

    func decode(_ text: String) throws -> JSONExportImporter.Options {
        try decoder.decode(JSONExportImporter.Options.self, from: try JSONParser.parse(text), at: "sources[0].options")
    }

    func failure(_ text: String) -> String? {
        do {
            _ = try decode(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func emptyOptionsTakeTheDefaults() throws {
        let options = try decode("{}")
        #expect(options.format == .auto)
        #expect(options.records == nil)
        #expect(options.fields.isEmpty)
        #expect(options.enrollments == "pelatihan")
        #expect(options.enrollmentFields.isEmpty)
    }

    @Test func everyOptionDecodes() throws {
        let options = try decode(
            #"""
            {"format": "ndjson", "records": "hasil.peserta", "fields": {"phone": "telp", "sector": "", "kelurahan": ["domisili.kel", "kel"]},
             "enrollments": "kursus", "enrollmentFields": {"programme": "id_kursus", "session": "angkatan", "status": "predikat"}}
            """#)
        #expect(options.format == .ndjson)
        #expect(options.records == "hasil.peserta")
        #expect(options.fields == ["phone": ["telp"], "sector": [], "kelurahan": ["domisili.kel", "kel"]])
        #expect(options.enrollments == "kursus")
        #expect(options.enrollmentFields == ["programme": "id_kursus", "session": "angkatan", "status": "predikat"])
        _ = try JSONExportImporter(options: options)
    }

    @Test func badValuesSayWhatWasExpected() {
        #expect(
            failure(#"{"format": "xml"}"#)
                == #"pipeline.json: sources[0].options.format: expected one of "auto", "json", "ndjson", found "xml""#)
        #expect(
            failure(#"{"records": "data..items"}"#)
                == #"pipeline.json: sources[0].options.records: expected a dotted path such as "kontak.hp", found "data..items""#)
        #expect(failure(#"{"fields": {"phone": 12}}"#) == "pipeline.json: sources[0].options.fields.phone: expected a dotted path or a list of them, found 12")
        #expect(failure(#"{"fields": "nama"}"#) == #"pipeline.json: sources[0].options.fields: expected an object, found "nama""#)
        #expect(failure(#"{"enrollmentFields": {"kode": "x"}}"#)?.contains("sources[0].options.enrollmentFields.kode: unknown key") == true)
        #expect(failure(#"{"recrods": "data"}"#) == "pipeline.json: sources[0].options.recrods: unknown key; did you mean 'records'?")
    }

    @Test func memberwiseOptionsAreCheckedWhenBuilt() {
        #expect(throws: MusterError.self) { try JSONExportImporter(options: .init(fields: ["phone": ["a[x]"]])) }
        #expect(throws: MusterError.self) { try JSONExportImporter(options: .init(enrollmentFields: ["lokasi": "tempat"])) }
    }

    @Test func descriptorDocumentsEveryOption() {
        let descriptor = JSONExportImporter.descriptor
        #expect(descriptor.id == "json-export")
        #expect(descriptor.options.map(\.name) == ["format", "records", "fields", "enrollments", "enrollmentFields"])
    }
}
