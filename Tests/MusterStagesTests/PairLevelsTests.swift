import MusterCore
import Testing

@testable import MusterStages

/// Level vectors of candidate pairs, computed on one thread or several.
@Suite struct PairLevelsTests {
    /// 300 records on one phone: 44,850 pairs, enough for two threads.
    @Test func threadsGiveTheSameLevelsAsOne() {
        let names = ["siti aminah", "siti aminnah", "budi santoso", "aminah siti", "eko"]
        let records = (0..<300).map { index in
            var values = FieldValues()
            values[Field.phone] = "+6281299990000"
            values[Field.nameKey] = names[index % names.count]
            values[Field.birthDate] = "19\(70 + index % 20)-0\(1 + index % 9)-1\(index % 10)"
            values[Field.nik] = index % 3 == 0 ? "31740152038700\(10 + index % 90)" : nil
            return values
        }
        let pairs = CandidatePairs(records: records, rules: [BlockingRule(id: "phone", parts: [.field(Field.phone)])])
        #expect(pairs.count == 44_850)
        let columns = ComparisonColumns(comparisons: Comparison.defaults, records: records)
        var one = PairLevels(comparisons: Comparison.defaults)
        one.compute(pairs, columns: columns, workers: 1)
        var two = PairLevels(comparisons: Comparison.defaults)
        two.compute(pairs, columns: columns, workers: 2)
        #expect(one.levels == two.levels)
        #expect(Set(one.levels).count > 4, "the pairs fall on several levels")
        // The columns give each pair the levels its two records' values give.
        var vector = [Int](repeating: 0, count: Comparison.defaults.count)
        for k in stride(from: 0, to: pairs.count, by: 97) {
            let pair = pairs[k]
            one.vector(of: k, into: &vector)
            #expect(vector == Comparison.defaults.map { $0.level(records[pair.first], records[pair.second]) })
        }
    }
}
