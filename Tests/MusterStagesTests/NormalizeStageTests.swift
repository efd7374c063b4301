import MusterCore
import Testing

@testable import MusterStages

/// A normalize stage with a fixed reference day, and a shortcut to normalize one field set.
enum Normalizing {
    /// A fresh stage each time: stages keep lookup memos, so tests never share one.
    static var stage: NormalizeStage { NormalizeStage(options: .init(referenceDate: "2025-06-30"), context: Fixtures.context(stage: "normalize")) }

    static func values(_ fields: [String: String], stage: NormalizeStage = stage) -> NormalizedRecord {
        var record = Fixtures.record("row:2", fields)
        stage.transform(&record)
        return record.normalized ?? NormalizedRecord()
    }

    /// A record with enrollments, normalized.
    static func record(_ fields: [String: String], enrollments: [Enrollment]) -> NormalizedRecord {
        var record = Fixtures.record("row:2", fields)
        record.source.enrollments = enrollments
        stage.transform(&record)
        return record.normalized ?? NormalizedRecord()
    }

    static func options(_ json: String) throws -> NormalizeStage.Options {
        let value = try JSONParser.parse(json)
        return try ConfigDecoder(file: "pipeline.json").decode(NormalizeStage.Options.self, from: value, at: "stages[1].options")
    }
}

@Suite struct NormalizeStageTests {
    @Test(arguments: ["", "   ", "-", "--", "N/A", "n/a", "tidak ada", "Tidak Ada", "belum ada", "0", ".", " - ", "null", "TDK ADA", "\u{00A0}-\u{00A0}"])
    func placeholdersBecomeMissingInEveryField(placeholder: String) {
        let fields = [
            Field.name, Field.nik, Field.phone, Field.email, Field.birthDate, Field.gender, Field.kelurahan,
            Field.kecamatan, Field.sector, Field.postalCode, Field.address,
        ]
        let result = Normalizing.values(Dictionary(uniqueKeysWithValues: fields.map { ($0, placeholder) }))
        #expect(result.values.isEmpty)
        #expect(result.issues.isEmpty)
    }

    @Test func placeholderEmailsAreMissing() {
        #expect(Normalizing.values([Field.email: "none@none.com"]).values.isEmpty)
        #expect(Normalizing.values([Field.email: " NONE@NONE.COM "]).values.isEmpty)
    }

    @Test func extraPlaceholdersComeFromOptions() throws {
        let options = try Normalizing.options(#"{"placeholders": ["Belum Punya KTP", "xxx"], "referenceDate": "2025-06-30"}"#)
        let stage = NormalizeStage(options: options, context: Fixtures.context())
        #expect(Normalizing.values([Field.nik: "belum punya ktp", Field.name: "XXX"], stage: stage).values.isEmpty)
    }

    @Test func aTypicalSignUpRecordGetsEveryCanonicalValue() {
        let result = Normalizing.values([
            Field.name: "IBU HJ. SITI AMINAH, S.E.", Field.nik: "3174 0145 0588 0001", Field.phone: "0812-3456-7890",
            Field.email: " Siti.Aminah@Example.COM ", Field.birthDate: "05/05/1988", Field.gender: "Perempuan",
            Field.kelurahan: "Kel. Tebet Timur", Field.kecamatan: "Kec. Tebet", Field.sector: "Katering rumahan",
        ])
        #expect(
            result.values == [
                Field.name: "Siti Aminah", Field.honorific: "Ibu Hj.", Field.degree: "S.E.", Field.nameKey: "siti aminah",
                Field.nik: "3174014505880001", Field.nikDistrict: "31.74.01", Field.nikBirthDate: "1988-05-05", Field.nikGender: "P",
                Field.phone: "+6281234567890", Field.phoneType: "mobile", Field.email: "siti.aminah@example.com",
                Field.birthDate: "1988-05-05", Field.gender: "P", Field.kelurahan: "Tebet Timur", Field.kelurahanCode: "31.74.01.1001",
                Field.kecamatan: "Tebet", Field.kecamatanCode: "31.74.01", Field.sector: "kuliner",
            ])
        #expect(result.issues.isEmpty)
    }

    @Test func rawValuesAreNeverChanged() {
        var record = Fixtures.record("row:2", [Field.name: "  SITI AMINAH", Field.phone: "0812-3456-7890", Field.kelurahan: "Kby Baru"])
        let before = record.source
        Normalizing.stage.transform(&record)
        #expect(record.source == before)
    }

    @Test func issueMessagesNeverContainTheRawValue() {
        let result = Normalizing.values([
            Field.nik: "3174999999999999", Field.phone: "08127", Field.email: "siti.example.com", Field.birthDate: "kemarin sore",
            Field.gender: "entah", Field.kelurahan: "Kampung Rambutan Raya", Field.sector: "rahasia dagang xyz",
        ])
        #expect(result.issues.count >= 7)
        for issue in result.issues {
            let raw = issue.raw ?? ""
            #expect(!raw.isEmpty && !issue.message.contains(raw), "\(issue.code)")
        }
    }

    @Test func optionsDecodeAndRejectWhatTheyCannotUse() throws {
        let options = try Normalizing.options(#"{"dateOrder": "mdy", "sectors": {"otomotif": ["bengkel motor"]}, "homeRegency": "31.71"}"#)
        #expect(options.dateOrder == "mdy")
        #expect(options.sectors["otomotif"] == ["bengkel motor"])
        #expect(throws: ConfigError.self) { try Normalizing.options(#"{"genders": {"X": ["lainnya"]}}"#) }
        #expect(throws: ConfigError.self) { try Normalizing.options(#"{"referenceDate": "30/06/2025"}"#) }
        #expect(throws: ConfigError.self) { try Normalizing.options(#"{"homeRegency": "32.01"}"#) }
        let error = #expect(throws: ConfigError.self) { try Normalizing.options(#"{"honorific": {}}"#) }
        #expect(error?.description == "pipeline.json: stages[1].options.honorific: unknown key; did you mean 'honorifics'?")
    }

    @Test func everyOptionIsDocumented() {
        let documented = Set(NormalizeStage.descriptor.options.map(\.name))
        #expect(
            documented == [
                "dateOrder", "placeholders", "honorifics", "degrees", "particles", "sectors", "genders",
                "placeAliases", "placeAbbreviations", "homeRegency", "area", "referenceDate",
            ])
    }
}
