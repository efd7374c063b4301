internal import Foundation

/// The share of matches among all pairs of this run's records (λ), estimated on every run with
/// the model's m and u held: the same model meets a night of 2,000 records and a backlog of a
/// million, and two records agreeing on a common name and a kelurahan are likely one person
/// among 2,000 but likely two among a million.
///
/// The share is over *all* pairs, not the candidate pairs, because u comes from random pairs
/// and a pair's weight counts every comparison, the blocking keys included: a prior over
/// candidate pairs would count the agreement that made a pair a candidate twice. Pairs that
/// blocking never forms are taken to hold no matches (their weights are far below any
/// threshold).
enum MatchShare {
    /// λ by EM over the candidate patterns with m and u fixed: each round, the expected number
    /// of matches among the candidate pairs under the last round's λ, over all `population`
    /// pairs.
    static func estimate(_ model: MatchModel, patterns: LevelPatterns, population: Double, rounds: Int = 200) -> Double {
        guard patterns.pairs > 0, population > 0 else { return 0 }
        let start = min(0.5, 0.1 * Double(patterns.pairs) / population)
        let width = patterns.levelCounts.count
        let evidence = (0..<patterns.count).map { pattern in
            var bits = 0.0
            for comparison in 0..<width {
                bits += model.weight(comparison: comparison, level: patterns.levels[pattern * width + comparison])
            }
            return bits
        }
        var share = start
        for _ in 0..<rounds {
            let logOdds = MatchModel.priorLogOdds(share)
            var matches = 0.0
            for (pattern, bits) in evidence.enumerated() { matches += patterns.counts[pattern] * MatchModel.probability(logOdds + bits) }
            let next = min(0.5, matches / population)
            let moved = share > 0 ? abs(next - share) / share : 0
            share = next
            if moved < 1e-6 { break }
        }
        return share
    }

    /// The number of pairs among `records` records.
    static func population(records: Int) -> Double { Double(records) * Double(max(records - 1, 0)) / 2 }
}
