import Foundation
import Testing

@testable import MusterStages

/// λ is the match share among all pairs of a run's records, found from its candidate pairs:
/// the same agreeing pairs among more records are less likely each to be one person.
@Suite struct MatchShareTests {
    /// One comparison: agreeing is 9,000 times likelier between one person's records.
    static let model = MatchModel(
        comparisons: [.init(id: "name", labels: ["exact", "else"], m: [0.9, 0.1], u: [0.0001, 0.9999])], prior: 0.5)

    /// `agreeing` candidate pairs that agree, as blocking on the compared value forms them.
    static func candidates(agreeing: Int) -> LevelPatterns {
        var patterns = LevelPatterns(levelCounts: [2])
        for _ in 0..<agreeing { patterns.add([0]) }
        return patterns
    }

    /// 1,000 agreeing pairs among a million pairs: 900 matches and about 100 strangers who
    /// agree by chance (u 0.0001), as drawing from the model would give.
    @Test func findsTheMatchesAmongAllPairs() {
        let share = MatchShare.estimate(Self.model, patterns: Self.candidates(agreeing: 1000), population: 1_000_000)
        #expect(share > 0.00085 && share < 0.00095, "\(share)")
    }

    /// The same agreeing pairs among a hundred times as many pairs: the strangers who agree by
    /// chance grow with the population, so nearly all these pairs are strangers.
    @Test func theSameAgreementCountsForLessAmongMoreRecords() {
        let small = MatchShare.estimate(Self.model, patterns: Self.candidates(agreeing: 1000), population: 1_000_000)
        let large = MatchShare.estimate(Self.model, patterns: Self.candidates(agreeing: 1000), population: 100_000_000)
        let smallOdds = MatchModel.logOdds(small) + Self.model.weight(comparison: 0, level: 0)
        let largeOdds = MatchModel.logOdds(large) + Self.model.weight(comparison: 0, level: 0)
        #expect(MatchModel.probability(smallOdds) > 0.85)
        #expect(MatchModel.probability(largeOdds) < 0.1)
    }

    /// At a million records λ is about 2 in a million and it falls as records grow: the prior
    /// keeps it, though a level's m and u are held above one in a million.
    @Test func aPriorBelowOneInAMillionIsKept() {
        let model = Self.model.withPrior(1e-9)
        #expect(abs(model.priorWeight - log2(1e-9 / (1 - 1e-9))) < 1e-9)
        #expect(Self.model.withPrior(0).priorWeight == MatchModel.priorLogOdds(MatchModel.leastPrior))
        #expect(MatchReport.oneIn(1e-9) == "1,000,000,000")
        #expect(MatchReport.oneIn(2.117e-6) == "472,000")
        #expect(MatchReport.oneIn(1e-30) == "1e+30")
        #expect(MatchReport.oneIn(0) == "∞")
    }

    @Test func countsPairsAmongRecords() {
        #expect(MatchShare.population(records: 0) == 0)
        #expect(MatchShare.population(records: 1) == 0)
        #expect(MatchShare.population(records: 5) == 10)
        #expect(MatchShare.population(records: 1_000_000) == 499_999_500_000)
    }
}
