import MusterCore
import Testing

@Suite struct GoldenValuesTests {
    /// The rule stated plainly: per field, the most frequent value, ties to the first given.
    private func reference(_ maps: [[String: String]]) -> [String: String] {
        var fields: [String: [String]] = [:]
        for map in maps { for (field, value) in map { fields[field, default: []].append(value) } }
        return fields.mapValues { values in
            let counts = values.map { value in values.filter { $0 == value }.count }
            let best = counts.max() ?? 0
            return values[counts.firstIndex(of: best) ?? 0]
        }
    }

    @Test func mostCommonValueWinsAndTiesGoToTheFirstGiven() {
        let maps: [FieldValues] = [
            ["name": "Siti", "phone": "+62811"],
            ["name": "Siti Aminah", "phone": "+62822"],
            ["name": "Siti Aminah", "email": "s@example.com"],
            ["phone": "+62822"],
        ]
        #expect(Participant.goldenValues(ofValues: maps) == ["name": "Siti Aminah", "phone": "+62822", "email": "s@example.com"])
        #expect(Participant.goldenValues(ofValues: [["name": "A"], ["name": "B"]]) == ["name": "A"])
        #expect(Participant.goldenValues(ofValues: []) == [:])
    }

    @Test(arguments: [1, 2, 3, 7, 16, 17, 40]) func agreesWithTheRuleOnGeneratedClusters(size: Int) {
        var random = SplitMix64(seed: UInt64(size))
        func next(_ bound: Int) -> Int { random.below(bound) }
        for _ in 0..<200 {
            let maps = (0..<size).map { _ in
                Dictionary(
                    uniqueKeysWithValues: ["name", "phone", "email", "catatan", "Kolom Lain"].compactMap { field in
                        next(4) == 0 ? nil : (field, "\(field)-\(next(3))")
                    })
            }
            #expect(Participant.goldenValues(ofValues: maps.map(FieldValues.init)) == FieldValues(reference(maps)))
        }
    }
}
