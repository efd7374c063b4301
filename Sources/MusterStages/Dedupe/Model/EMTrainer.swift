internal import Foundation

/// Learns a model's m-probabilities and the match share λ by expectation–maximisation over
/// one blocking rule's candidate pairs, holding u fixed (u comes from random pairs,
/// ``UTrainer``), as Splink does.
///
/// Each round scores every pair with the current m and λ (E: the chance it is a match), then
/// re-estimates each m as the matches' expected share of each level (M). It runs over
/// ``LevelPatterns`` — distinct level vectors with counts — so a round costs patterns ×
/// comparisons whatever the number of pairs, and allocates nothing.
///
/// Comparisons the blocking rule used are ignored: every candidate pair agrees on them, so
/// they would be learned as perfect evidence. They neither score pairs nor change their m here;
/// another rule's pairs train them.
struct EMTrainer: Sendable {
    /// The most rounds to run.
    var maxIterations = 25
    /// Training has converged when no m and not λ moved by more than this in a round.
    var tolerance = 1e-4
    /// Pseudo-matches spread over each comparison's levels by the starting m, added in every
    /// M step: a level no match showed among a few dozen pairs gets a small m, not zero
    /// (which would weigh −20 bits). Among thousands of pairs it changes nothing visible.
    var pseudoMatches = 1.0

    /// Trains `start`'s m and λ on grouped pairs; the patterns' ignored comparisons keep their m.
    func train(_ start: MatchModel, patterns: LevelPatterns) -> (model: MatchModel, report: TrainingReport) {
        precondition(patterns.levelCounts == start.levelCounts, "the patterns were made for another model's comparisons")
        let levelCounts = start.levelCounts
        let width = levelCounts.count
        let (offsets, total) = LevelPatterns.flatOffsets(levelCounts)
        let trained = (0..<width).filter { !patterns.ignored.contains($0) }
        let u = start.comparisons.flatMap(\.u)
        var m = start.comparisons.flatMap(\.m)
        let startM = m
        var prior = start.prior
        var logWeights = [Double](repeating: 0, count: total)
        var numerators = [Double](repeating: 0, count: total)
        var denominators = [Double](repeating: 0, count: width)
        let levels = patterns.levels
        let counts = patterns.counts
        let pairs = Double(patterns.pairs)

        var iterations = 0
        var converged = false
        while patterns.pairs > 0, iterations < maxIterations {
            iterations += 1
            for index in 0..<total { logWeights[index] = log(MatchModel.clamped(m[index]) / MatchModel.clamped(u[index])) }
            let clampedPrior = MatchModel.clamped(prior)
            let priorLogit = log(clampedPrior / (1 - clampedPrior))
            for index in 0..<total { numerators[index] = 0 }
            for index in 0..<width { denominators[index] = 0 }
            var matches = 0.0

            // E: each pattern's match probability, weighted by its count, tallied per level (M's sums).
            for pattern in 0..<counts.count {
                let base = pattern * width
                var logit = priorLogit
                for comparison in trained {
                    let level = levels[base + comparison]
                    if level >= 0 { logit += logWeights[offsets[comparison] + level] }
                }
                let expected = counts[pattern] / (1 + exp(-logit))
                matches += expected
                for comparison in trained {
                    let level = levels[base + comparison]
                    guard level >= 0 else { continue }
                    numerators[offsets[comparison] + level] += expected
                    denominators[comparison] += expected
                }
            }

            // M: each trained comparison's m is the expected matches' share of each level.
            var change = abs(matches / pairs - prior)
            prior = matches / pairs
            for comparison in trained where denominators[comparison] > 0 {
                for index in offsets[comparison]..<(offsets[comparison] + levelCounts[comparison]) {
                    let next = (numerators[index] + pseudoMatches * startM[index]) / (denominators[comparison] + pseudoMatches)
                    change = max(change, abs(next - m[index]))
                    m[index] = next
                }
            }
            if change < tolerance {
                converged = true
                break
            }
        }

        let parameters = start.comparisons.enumerated().map { comparison, parameters in
            MatchModel.Parameters(
                id: parameters.id, labels: parameters.labels,
                m: Array(m[offsets[comparison]..<(offsets[comparison] + levelCounts[comparison])]), u: parameters.u)
        }
        let model = MatchModel(comparisons: parameters, prior: prior)
        let unseen =
            patterns.pairs == 0
            ? []
            : trained.filter { comparison in
                stride(from: comparison, to: levels.count, by: width).allSatisfy { levels[$0] < 0 }
            }
        let report = TrainingReport(
            model: model, trained: Set(trained).subtracting(unseen), pairs: patterns.pairs, patterns: patterns.count,
            iterations: iterations, converged: converged, maxIterations: maxIterations, unseen: unseen)
        return (model, report)
    }
}
