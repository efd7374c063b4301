import MusterCore
import Synchronization
import Testing

@testable import MusterStages

/// u-probabilities from random pairs of a synthetic population whose chance agreement is
/// known, and exact shares when every pair can be taken.
@Suite struct UTrainerTests {
    /// Records with two fields: `kind` drawn from four values with shares 50/30/15/5%, and
    /// `code` from ten equally likely values, missing on 30% of records.
    struct Population {
        var kinds: [Int] = []
        var codes: [Int?] = []

        init(records: Int, seed: UInt64) {
            var random = SplitMix64(seed: seed)
            for _ in 0..<records {
                kinds.append(random.weighted([0.5, 0.3, 0.15, 0.05]))
                codes.append(random.chance(0.3) ? nil : random.below(10))
            }
        }

        /// The share of pairs of distinct records whose values agree, counted exactly.
        static func chanceAgreement(_ values: [Int]) -> Double {
            let counts = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +).values
            let n = Double(values.count)
            return counts.reduce(0) { $0 + Double($1) * Double($1 - 1) } / (n * (n - 1))
        }

        /// Level 0 when equal, 1 (else) when not, null when a code is missing.
        func levels(_ i: Int, _ j: Int) -> [Int] {
            let kind = kinds[i] == kinds[j] ? 0 : 1
            guard let a = codes[i], let b = codes[j] else { return [kind, Comparison.null] }
            return [kind, a == b ? 0 : 1]
        }
    }

    @Test func sampledUIsTheChanceAgreement() {
        let population = Population(records: 3000, seed: 7)
        let sameRecord = Mutex(0)
        let result = UTrainer(pairs: 200_000, seed: 1).train(records: 3000, levelCounts: [2, 2]) { i, j, vector in
            if i == j { sameRecord.withLock { $0 += 1 } }
            vector = population.levels(i, j)
        }
        #expect(sameRecord.withLock { $0 } == 0)
        #expect(result.pairs == 200_000)
        let kind = Population.chanceAgreement(population.kinds)
        let code = Population.chanceAgreement(population.codes.compactMap { $0 })
        #expect(abs(kind - 0.365) < 0.02)
        #expect(abs(result.u[0][0] - kind) < 0.005)
        #expect(abs(result.u[0][1] - (1 - kind)) < 0.005)
        #expect(abs(result.u[1][0] - code) < 0.005)
        #expect(result.compared[0] == 200_000)
        // A pair has both codes with chance 0.7 × 0.7.
        #expect(abs(Double(result.compared[1]) / 200_000 - 0.49) < 0.01)
    }

    @Test func threadsGiveTheSameUAsOne() {
        let population = Population(records: 3000, seed: 9)
        let trainer = UTrainer(pairs: 100_000, seed: 3)
        let one = trainer.train(records: 3000, levelCounts: [2, 2], workers: 1) { i, j, vector in vector = population.levels(i, j) }
        for workers in [2, 3] {
            let threaded = trainer.train(records: 3000, levelCounts: [2, 2], workers: workers) { i, j, vector in
                vector = population.levels(i, j)
            }
            #expect(threaded == one)
        }
    }

    @Test func everyPairOnceWhenTheSampleWouldCoverThem() {
        let values: [String?] = ["a", "a", "b", nil]
        let seen = Mutex<[[Int]]>([])
        let result = UTrainer().train(records: values.count, levelCounts: [2]) { i, j, vector in
            seen.withLock { $0.append([i, j]) }
            guard let a = values[i], let b = values[j] else {
                vector = [Comparison.null]
                return
            }
            vector = [a == b ? 0 : 1]
        }
        #expect(seen.withLock { $0 } == [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]])
        #expect(result.pairs == 6)
        #expect(result.compared == [3])
        let expected: [[Double]] = [[1 / 3, 2 / 3]]
        #expect(result.u == expected)
    }

    @Test func aLevelNoPairReachedGetsHalfAPairsShare() {
        let values = ["a", "b", "c", "d", "e"]
        let result = UTrainer().train(records: values.count, levelCounts: [2]) { i, j, vector in vector = [values[i] == values[j] ? 0 : 1] }
        let expected: [[Double]] = [[0.05, 1]]
        #expect(result.u == expected)
    }

    @Test(arguments: [0, 1])
    func tooFewRecordsGiveEqualShares(records: Int) {
        let result = UTrainer().train(records: records, levelCounts: [3]) { _, _, vector in vector = [0] }
        #expect(result.pairs == 0)
        let third: Double = 1 / 3
        #expect(result.u == [[third, third, third]])
    }

    @Test func theSameSeedGivesTheSameU() {
        let population = Population(records: 500, seed: 3)
        let trainer = UTrainer(pairs: 20_000, seed: 99)
        let first = trainer.train(records: 500, levelCounts: [2, 2]) { i, j, vector in vector = population.levels(i, j) }
        let second = trainer.train(records: 500, levelCounts: [2, 2]) { i, j, vector in vector = population.levels(i, j) }
        #expect(first == second)
    }
}
