import MusterCore
import Testing

@testable import MusterStages

/// Blocking keys: each kind of key part on present, missing and unusable values; the
/// phonetic code on Indonesian spellings; rules decoded from pipeline.json, errors verbatim.
@Suite struct BlockKeyTests {
    static let siti: [String: String] = [
        Field.nik: "3174014512870001", Field.nameKey: "siti nurhalizah", Field.birthDate: "1987-12-05", Field.kelurahanCode: "31.74.01.1001",
    ]

    @Test(
        arguments: [
            (BlockKeyPart.field(Field.nik), BlockKeyTests.siti, "3174014512870001"),
            (.field(Field.nik), [:], nil),
            (.field(Field.nik), [Field.nik: ""], nil),
            (.birthYear(Field.birthDate), BlockKeyTests.siti, "1987"),
            (.birthYear(Field.birthDate), [Field.birthDate: "87"], nil),
            (.birthYear(Field.birthDate), [Field.birthDate: "12/05/1987"], nil),
            (.birthYear(Field.birthDate), [:], nil),
            (.firstWord(Field.nameKey), BlockKeyTests.siti, "siti"),
            (.firstWord(Field.nameKey), [Field.nameKey: "budi"], "budi"),
            (.lastWord(Field.nameKey), BlockKeyTests.siti, "nurhalizah"),
            (.lastWord(Field.nameKey), [Field.nameKey: "budi"], "budi"),
            (.lastWord(Field.nameKey), [Field.nameKey: " "], nil),
            (.phonetic(Field.nameKey), BlockKeyTests.siti, "nrhls"),
            (.phonetic(Field.nameKey), [:], nil),
            (.prefix(Field.nik, 6), BlockKeyTests.siti, "317401"),
            (.prefix(Field.nik, 6), [Field.nik: "31740"], nil),
        ] as [(BlockKeyPart, [String: String], String?)])
    func keyParts(part: BlockKeyPart, values: [String: String], expected: String?) {
        #expect(part.value(in: FieldValues(values)) == expected)
    }

    @Test func aRuleHasAKeyOnlyWhenEveryPartIsPresent() throws {
        let rule = BlockingRule(id: "sound-kelurahan", parts: [.phonetic(Field.nameKey), .field(Field.kelurahanCode), .prefix(Field.nameKey, 1)])
        // The key is FNV-1a over the parts' values joined by the separator.
        let fnv = "nrhls\u{1F}31.74.01.1001\u{1F}s".utf8.reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        #expect(rule.hashedKey(FieldValues(Self.siti)) == fnv)
        #expect(rule.hashedKey(FieldValues([Field.nameKey: "siti nurhalizah"])) == nil)
        #expect(rule.hashedKey(FieldValues([Field.kelurahanCode: "31.74.01.1001"])) == nil)
        #expect(rule.label == "phonetic(nameKey) + kelurahanCode + prefix(nameKey, 1)")
    }

    /// Spellings of one name (old and new spelling, a final h, f for p, y for i) get one code.
    @Test(arguments: [
        ("Nurhaliza", "Nurhalizah", "nrhls"), ("Djoko", "Joko", "jk"), ("Tjahjono", "Cahyono", "chjn"), ("Soekarno", "Sukarno", "skrn"),
        ("Yusuf", "Yusup", "jsp"), ("Achmad", "Ahmad", "ahmd"), ("Rizky", "Rizki", "rsk"), ("Syaiful", "Saiful", "spl"),
        ("Qomariah", "Komariah", "kmr"), ("Fatimah", "Fatima", "ptm"), ("Hasanah", "Hasannah", "hsn"),
    ])
    func spellingsOfOneNameMeet(a: String, b: String, code: String) {
        #expect(PhoneticCode.of(a) == code)
        #expect(PhoneticCode.of(b) == code)
    }

    @Test(arguments: [("Susanti", "Santi"), ("Siti", "Sari"), ("Aminah", "Amir"), ("Budi", "Dewi"), ("Lestari", "Lestiani")])
    func differentNamesStayApart(a: String, b: String) {
        #expect(PhoneticCode.of(a) != PhoneticCode.of(b))
    }

    @Test func aWordWithoutLettersHasNoCode() {
        #expect(PhoneticCode.of("-") == nil)
        #expect(PhoneticCode.of("") == nil)
        #expect(PhoneticCode.of("h") == "h")
    }

    /// The code of a name as normalize folds it into its key equals the code of the name as
    /// written: the old spellings normalize already folds land where the code puts them.
    @Test(arguments: ["Siti Nurhalizah", "Djoko Santoso", "Budi Tjahjono", "Ir. Soekarno", "Moh. Yusuf", "Rizky Chairul", "Nur Syaiful"])
    func theNameKeyGivesTheSameCodeAsTheName(name: String) throws {
        let key = try #require(Normalizing.values([Field.name: name])[Field.nameKey])
        let lastWritten = try #require(name.split(separator: " ").last)
        #expect(BlockKeyPart.phonetic(Field.nameKey).value(in: [Field.nameKey: key]) == PhoneticCode.of(lastWritten))
    }

    static func decode(_ json: String) throws -> [BlockingRule] {
        try ConfigDecoder(file: "pipeline.json").decode([BlockingRule].self, from: try JSONParser.parse(json), at: "stages[4].options.blocking")
    }

    static func error(_ json: String) -> String? {
        do {
            _ = try decode(json)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func theDefaultsReadFromPipelineJSON() throws {
        let json = #"""
            [{"id": "nik", "key": ["nik"]}, {"id": "phone", "key": ["phone"]}, {"id": "email", "key": ["email"]},
             {"id": "name-birth-date", "key": ["nameKey", "birthDate"]},
             {"id": "name-kelurahan", "key": ["nameKey", "kelurahanCode"]},
             {"id": "session-name-start", "key": ["session", {"prefix": ["nameKey", 3]}]},
             {"id": "session-surname-sound", "key": ["session", {"phonetic": "nameKey"}]}]
            """#
        #expect(try Self.decode(json) == BlockingRule.defaults)
        let other = #"[{"id": "region-given", "key": [{"prefix": ["nik", 6]}, {"firstWord": "nameKey"}, {"lastWord": "surname"}]}]"#
        #expect(try Self.decode(other) == [BlockingRule(id: "region-given", parts: [.prefix("nik", 6), .firstWord("nameKey"), .lastWord("surname")])])
    }

    @Test(arguments: [
        (#"[{"id": "x", "key": []}]"#, "stages[4].options.blocking[0].key: expected at least one key part, found an array"),
        (
            #"[{"id": "x", "key": ["nik", 3]}]"#,
            "stages[4].options.blocking[0].key[1]: expected a field name or an object with one key: birthYear, firstWord, lastWord, phonetic, prefix, found 3"
        ),
        (
            #"[{"id": "x", "key": [{"phonetc": "nameKey"}]}]"#,
            "stages[4].options.blocking[0].key[0]: expected a field name or an object with one key: birthYear, firstWord, lastWord, phonetic, prefix (did you mean 'phonetic'?), found an object"
        ),
        (
            #"[{"id": "x", "key": [{"phonetic": "nameKey", "prefix": ["nik", 6]}]}]"#,
            "stages[4].options.blocking[0].key[0]: expected a field name or an object with one key: birthYear, firstWord, lastWord, phonetic, prefix, found an object"
        ),
        (
            #"[{"id": "x", "key": [{"prefix": ["nik"]}]}]"#,
            #"stages[4].options.blocking[0].key[0].prefix: expected [field, length] with a length of 1 to 64, such as ["nik", 6], found an array"#
        ),
        (
            #"[{"id": "x", "key": [{"prefix": ["nik", 0]}]}]"#,
            #"stages[4].options.blocking[0].key[0].prefix: expected [field, length] with a length of 1 to 64, such as ["nik", 6], found an array"#
        ),
        (#"[{"id": "x", "key": [{"birthYear": 1987}]}]"#, "stages[4].options.blocking[0].key[0].birthYear: expected the name of a field, found 1987"),
        (#"[{"id": "x", "key": ["nik"], "sortby": "nameKey"}]"#, "stages[4].options.blocking[0].sortby: unknown key; did you mean 'sortBy'?"),
        (#"[{"key": ["nik"]}]"#, "stages[4].options.blocking[0].id: required key is missing"),
    ])
    func badRulesSayWhatIsExpected(json: String, message: String) {
        #expect(Self.error(json) == "pipeline.json: " + message)
    }
}
