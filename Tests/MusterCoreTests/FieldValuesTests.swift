import Foundation
import MusterCore
import Testing

@Suite struct FieldValuesTests {
    /// Random sets and removals over known names, unknown names and non-ASCII names must
    /// leave exactly what a dictionary would hold, iterated in `String` order.
    @Test(arguments: [1, 2, 3]) func behavesLikeADictionaryKeptInKeyOrder(seed: UInt64) {
        let names = [
            Field.name, Field.nameKey, Field.nik, Field.nikGender, Field.phone, Field.kecamatan, Field.kecamatanCode,
            Field.derived, Field.text, "alamat", "Nama Peserta", "zz", "a", "", "é", "e\u{301}x", "Ḱ", "nama_ibu", "No",
        ]
        var random = SplitMix64(seed: seed)
        func next(_ bound: Int) -> Int { random.below(bound) }
        var values = FieldValues()
        var reference: [String: String] = [:]
        for step in 0..<3000 {
            let key = names[next(names.count)]
            if next(4) == 0 {
                #expect(values.removeValue(forKey: key) == reference.removeValue(forKey: key))
            } else {
                let value = "v\(step)"
                values[key] = value
                reference[key] = value
            }
            let probe = names[next(names.count)]
            #expect(values[probe] == reference[probe], "step \(step): \(probe)")
        }
        #expect(values.count == reference.count)
        #expect(values.map(\.key) == reference.keys.sorted())
        #expect(values.map(\.value) == reference.sorted { $0.key < $1.key }.map(\.value))
        #expect(values.dictionary == reference)
        #expect(values == FieldValues(reference))
        var visited: [String] = []
        values.forEachMember { rank, key, value in
            #expect(rank == FieldOrder.rank(of: key), "\(key)")
            #expect(reference[key] == value)
            visited.append(key)
        }
        #expect(visited == reference.keys.sorted())
    }

    @Test func equalityAndHashIgnoreTheOrderValuesWereSetIn() {
        var forward = FieldValues()
        var backward = FieldValues()
        let pairs = [(Field.phone, "+62812"), ("catatan", "x"), (Field.name, "Siti"), (Field.birthDate, "1990-01-02")]
        for (key, value) in pairs { forward[key] = value }
        for (key, value) in pairs.reversed() { backward[key] = value }
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        #expect(forward.keys == ["birthDate", "catatan", "name", "phone"])
        backward[Field.name] = "Siti Aminah"
        #expect(forward != backward)
    }

    @Test func writesTheSameJSONAsASortedDictionaryAndDecodesBack() throws {
        let dictionary = ["phone": "+62812", "name": "Siti \"Ani\"", "Kolom Lain": "ada", "gender": "P", "ünïcode": "ya"]
        var fromDictionary = JSONWriter()
        var fromValues = JSONWriter()
        fromDictionary.object(dictionary)
        fromValues.object(FieldValues(dictionary))
        #expect(fromValues.text == fromDictionary.text)
        let decoded = try JSONDecoder().decode(FieldValues.self, from: Data(fromValues.text.utf8))
        #expect(decoded == FieldValues(dictionary))
        #expect(try JSONDecoder().decode([String: String].self, from: try JSONEncoder().encode(decoded)) == dictionary)
    }

    @Test func withValuesKeepsTheNamesAndReplacesEveryValueByPosition() {
        let layout = FieldValues([(Field.phone, ""), (Field.name, ""), ("kota", "")])
        let row = layout.withValues { position in ["A", "B", "C"][position] }
        #expect(row.keys == ["kota", "name", "phone"])
        #expect(row.dictionary == ["kota": "A", "name": "B", "phone": "C"])
    }
}
