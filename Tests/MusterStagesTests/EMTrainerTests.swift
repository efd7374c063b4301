import MusterCore
import Testing

@testable import MusterStages

/// EM on level vectors drawn from a known model: it recovers m and λ from a neutral start,
/// gives the same model twice, leaves a blocking rule's comparisons alone and stays finite
/// and honest on inputs it cannot learn from.
@Suite struct EMTrainerTests {
    /// Three comparisons with three levels each (exact, close, else).
    static let trueM: [[Double]] = [[0.85, 0.10, 0.05], [0.70, 0.20, 0.10], [0.90, 0.06, 0.04]]
    static let trueU: [[Double]] = [[0.02, 0.08, 0.90], [0.05, 0.15, 0.80], [0.003, 0.017, 0.98]]

    /// `count` pairs, each a match with chance `prior`, its levels drawn from m or u.
    static func pairs(count: Int, prior: Double, seed: UInt64) -> [[Int]] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let probabilities = random.chance(prior) ? trueM : trueU
            return probabilities.map { random.weighted($0) }
        }
    }

    /// The true u, m equal for every level, and an uninformed prior.
    static let start = MatchModel(
        comparisons: trueU.enumerated().map { index, u in
            .init(id: "c\(index)", labels: ["exact", "close", "else"], m: [1.0 / 3, 1.0 / 3, 1.0 / 3], u: u)
        },
        prior: 0.5)

    @Test(arguments: [(0.2, UInt64(11)), (0.2, UInt64(12)), (0.4, UInt64(13))])
    func recoversTheTrueMAndPrior(prior: Double, seed: UInt64) {
        let (model, report) = EMTrainer().train(Self.start, pairs: Self.pairs(count: 20_000, prior: prior, seed: seed))
        #expect(report.converged)
        #expect(report.iterations < 25)
        #expect(report.warnings.isEmpty)
        #expect(report.pairs == 20_000 && report.patterns <= 27)
        #expect(abs(model.prior - prior) < 0.02)
        for (learned, truth) in zip(model.comparisons, Self.trueM) {
            for (m, expected) in zip(learned.m, truth) { #expect(abs(m - expected) < 0.02) }
        }
        #expect(model.comparisons.map(\.u) == Self.trueU)
    }

    @Test func theSameInputGivesTheSameModel() {
        let pairs = Self.pairs(count: 20_000, prior: 0.2, seed: 5)
        let first = EMTrainer().train(Self.start, pairs: pairs)
        let second = EMTrainer().train(Self.start, pairs: pairs)
        #expect(first.model == second.model)
        #expect(first.report == second.report)
    }

    /// Pairs blocked on comparison 0 all agree on it: its m stays as given, and the others
    /// are still learned.
    @Test func aBlockingRulesComparisonIsNotTrainedFromItsPairs() {
        let pairs = Self.pairs(count: 20_000, prior: 0.3, seed: 21).map { [0] + $0.dropFirst() }
        let (model, report) = EMTrainer().train(Self.start, pairs: pairs, fixed: [0])
        #expect(model.comparisons[0].m == Self.start.comparisons[0].m)
        #expect(report.comparisons.map(\.trained) == [false, true, true])
        #expect(abs(model.prior - 0.3) < 0.02)
        for (m, expected) in zip(model.comparisons[1].m, Self.trueM[1]) { #expect(abs(m - expected) < 0.02) }
    }

    @Test func identicalPairsGiveAWarningNotNaN() {
        let (model, report) = EMTrainer().train(Self.start, pairs: Array(repeating: [0, 0, 0], count: 1000))
        let numbers = model.comparisons.flatMap(\.m) + [model.prior, report.matchShare]
        #expect(numbers.allSatisfy { $0.isFinite })
        #expect(report.warnings.contains { $0.hasPrefix("match share 100.0% is outside 1–99%") })
        #expect(report.patterns == 1)
    }

    @Test func noPairsLeaveTheModelUnchanged() {
        let (model, report) = EMTrainer().train(Self.start, pairs: [])
        #expect(model == Self.start)
        #expect(!report.converged && report.iterations == 0)
        #expect(report.warnings == ["no pairs to train on: the model is unchanged"])
    }

    /// (With two comparisons left EM needs about 30 rounds here, so the limit is raised.)
    @Test func aComparisonNoPairHoldsIsReported() {
        let pairs = Self.pairs(count: 5000, prior: 0.3, seed: 8).map { [$0[0], $0[1], Comparison.null] }
        let (model, report) = EMTrainer(maxIterations: 100).train(Self.start, pairs: pairs)
        #expect(model.comparisons[2].m == Self.start.comparisons[2].m)
        #expect(report.comparisons[2].trained == false)
        #expect(report.warnings == ["no pair has a value for c2: its m-probabilities are unchanged"])
    }

    @Test func tooFewIterationsAreReported() {
        let pairs = Self.pairs(count: 5000, prior: 0.2, seed: 9)
        let (_, report) = EMTrainer(maxIterations: 2).train(Self.start, pairs: pairs)
        #expect(!report.converged && report.iterations == 2)
        #expect(report.warnings.contains("did not converge in 2 iterations: the m-probabilities may still be moving"))
    }

    @Test func theReportPrintsEachLevel() {
        let (_, report) = EMTrainer().train(Self.start, pairs: Self.pairs(count: 2000, prior: 0.2, seed: 4))
        let lines = report.description.split(separator: "\n")
        #expect(lines.count == 1 + 9)
        #expect(lines[0].hasPrefix("EM over 2000 pairs ("))
        #expect(lines[1].hasPrefix("  c0 exact: m 0.8"))
    }
}
