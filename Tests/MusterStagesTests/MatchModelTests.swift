import Foundation
import MusterCore
import Testing

@testable import MusterStages

/// Fellegi–Sunter weights and match weights against values worked out by hand, the clamp that
/// keeps unseen levels finite, term-frequency adjustment and the saved JSON.
@Suite struct MatchModelTests {
    /// Two comparisons whose weights are round numbers of bits:
    /// A: exact log2(0.8/0.1) = 3, else log2(0.2/0.9) ≈ −2.1699;
    /// B: exact log2(0.5/0.0625) = 3, close log2(0.25/0.25) = 0, else log2(0.25/0.6875) ≈ −1.4594;
    /// prior λ = 0.2: log2(0.2/0.8) = −2.
    let model = MatchModel(
        comparisons: [
            .init(id: "a", labels: ["exact", "else"], m: [0.8, 0.2], u: [0.1, 0.9]),
            .init(id: "b", labels: ["exact", "close", "else"], m: [0.5, 0.25, 0.25], u: [0.0625, 0.25, 0.6875]),
        ],
        prior: 0.2)

    @Test(arguments: [
        (0, 0, 3.0), (0, 1, -2.169925), (0, -1, 0.0), (1, 0, 3.0), (1, 1, 0.0), (1, 2, -1.459432), (1, -1, 0.0),
    ])
    func levelWeights(comparison: Int, level: Int, expected: Double) {
        #expect(abs(model.weight(comparison: comparison, level: level) - expected) < 1e-6)
    }

    @Test(arguments: [
        ([0, 0], 4.0, 16.0 / 17), ([0, 1], 1.0, 2.0 / 3), ([-1, -1], -2.0, 0.2),
        ([1, -1], -4.169925, 0.052632), ([1, 2], -5.629357, 0.019802),
    ])
    func matchWeightsAndProbabilities(levels: [Int], weight: Double, probability: Double) {
        let computed = model.matchWeight(levels: levels)
        #expect(abs(computed - weight) < 1e-6)
        #expect(abs(MatchModel.probability(computed) - probability) < 1e-6)
    }

    @Test func probabilitiesOfHugeWeightsAreZeroOrOne() {
        #expect(MatchModel.probability(5000) == 1)
        #expect(MatchModel.probability(-5000) == 0)
        #expect(MatchModel.probability(0) == 0.5)
    }

    @Test func zeroProbabilitiesGiveFiniteWeights() {
        let model = MatchModel(
            comparisons: [.init(id: "nik", labels: ["exact", "else"], m: [1, 0], u: [0, 1])], prior: 0)
        let exact = model.weight(comparison: 0, level: 0)
        let disagree = model.weight(comparison: 0, level: 1)
        #expect(exact.isFinite && disagree.isFinite && model.priorWeight.isFinite)
        #expect(abs(exact - log2((1 - MatchModel.epsilon) / MatchModel.epsilon)) < 1e-9)
        #expect(abs(disagree + exact) < 1e-9)
        #expect(model.matchWeight(levels: [0]).isFinite)
    }

    /// A name held by 5% of records (Siti) agrees by chance far more often than the exact
    /// level's average u; one held by 1 in 10,000 agrees by chance far less.
    @Test(arguments: [(0.05, log2(0.8 / 0.05)), (0.0001, log2(0.8 / 0.0001)), (0.0, log2(0.8 / MatchModel.epsilon))])
    func termFrequencyReplacesTheExactLevelsU(frequency: Double, expected: Double) {
        #expect(abs(model.weight(comparison: 0, level: 0, termFrequency: frequency) - expected) < 1e-9)
    }

    @Test func agreeingOnACommonNameCountsForLessThanOnARareOne() {
        let plain = model.weight(comparison: 0, level: 0)
        let common = model.weight(comparison: 0, level: 0, termFrequency: 0.3)
        let rare = model.weight(comparison: 0, level: 0, termFrequency: 0.001)
        #expect(common < plain && plain < rare)
        #expect(model.weight(comparison: 0, level: 0, termFrequency: nil) == plain)
        #expect(model.weight(comparison: 0, level: Comparison.null, termFrequency: 0.3) == 0)
    }

    @Test func aModelForComparisonsHasTheirLevelsAndElse() throws {
        let names = try #require(Comparison.defaults.first { $0.id == "name" })
        let u = [0.01, 0.01, 0.02, 0.01, 0.01, 0.94]
        let start = MatchModel(comparisons: [names], m: [ModelTraining.startingM([6])[0]], u: [u], prior: 0.1)
        #expect(start.comparisons[0].labels == ["exact", "allWords≥0.9", "tokenSet", "wordSubset", "jaroWinkler≥0.88", "else"])
        #expect(start.levelCounts == [6])
        #expect(start.index(of: "name") == 0 && start.index(of: "nik") == nil)
    }

    @Test func savedAsJSONAndReadBack() throws {
        let data = try JSONEncoder().encode(model)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(!json.contains("weights"))
        let decoded = try JSONDecoder().decode(MatchModel.self, from: data)
        #expect(decoded == model)
    }

    @Test(arguments: [
        (
            #"{"prior": 0.1, "comparisons": [{"id": "a", "labels": ["exact", "else"], "m": [0.9], "u": [0.1, 0.9]}]}"#,
            "comparisons[0] (a): expected one m and one u per level (2), found 1 and 2"
        ),
        (
            #"{"prior": 0.1, "comparisons": [{"id": "a", "labels": ["exact", "else"], "m": [0.9, 1.1], "u": [0.1, 0.9]}]}"#,
            "comparisons[0] (a): expected probabilities between 0 and 1"
        ),
        (#"{"prior": 2, "comparisons": []}"#, "expected a probability between 0 and 1, found 2.0"),
    ])
    func aBadSavedModelSaysWhatIsWrong(json: String, message: String) {
        do {
            _ = try JSONDecoder().decode(MatchModel.self, from: Data(json.utf8))
            Issue.record("decoded a bad model")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func aSavedModelForOtherComparisonsIsRefusedByName() {
        let comparisons = Array(Comparison.defaults.prefix(2))
        let model = MatchModel(
            comparisons: comparisons, m: ModelTraining.startingM(comparisons.map { $0.levels.count + 1 }),
            u: comparisons.map { Array(repeating: 1 / Double($0.levels.count + 1), count: $0.levels.count + 1) }, prior: 0.1)
        #expect(model.mismatch(with: comparisons) == nil)
        #expect(model.mismatch(with: Array(comparisons.reversed())) == "the model compares [\"name\", \"nik\"], the pipeline [\"nik\", \"name\"]")
        let fewer = [comparisons[0], Comparison(id: "nik", field: Field.nik, levels: [.exact])]
        #expect(model.mismatch(with: fewer) == "nik: the model has 4 levels, the pipeline 2 (with else)")
    }
}
