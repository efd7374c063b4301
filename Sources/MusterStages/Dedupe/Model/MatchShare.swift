internal import Foundation

/// The share of matches among this run's candidate pairs (λ), estimated on every run with the
/// model's m and u held: the same model meets a night of 2,000 records and a backlog of a
/// million, whose pairs hold very different shares of matches, and a pair's match
/// probability depends on that share as much as on its levels.
enum MatchShare {
    /// λ by EM over the patterns with m and u fixed: each round, the mean match probability
    /// of the pairs under the last round's λ.
    static func estimate(_ model: MatchModel, patterns: LevelPatterns, start: Double = 0.1, rounds: Int = 100) -> Double {
        guard patterns.pairs > 0 else { return start }
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
            let logOdds = MatchModel.logOdds(share)
            var matches = 0.0
            for (pattern, bits) in evidence.enumerated() { matches += patterns.counts[pattern] * MatchModel.probability(logOdds + bits) }
            let next = matches / Double(patterns.pairs)
            let moved = abs(next - share)
            share = next
            if moved < 1e-7 { break }
        }
        return share
    }
}
