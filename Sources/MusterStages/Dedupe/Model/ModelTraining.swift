internal import Foundation
internal import MusterCore

/// Trains a model on one run's records, as Splink does: u from random pairs (``UTrainer``),
/// then m by EM (``EMTrainer``) on the pairs of several blocking rules in turn, each rule
/// leaving out the comparisons its key is made of (every one of its pairs agrees on them).
/// Each comparison's m is the mean over the rules that trained it.
///
/// Training on one rule alone goes wrong in ways this domain makes likely: the NIK rule's
/// pairs are nearly all matches, the name rule's nearly all non-matches where names repeat
/// thousands of times. Several rules, each reported with its match share, show it.
struct ModelTraining {
    var uPairs = 1_000_000
    var em = EMTrainer()

    /// What training produced.
    struct Outcome {
        /// m from EM, u from sampling; its prior is a placeholder, estimated on every run
        /// (``MatchShare``).
        let model: MatchModel
        /// One report per training rule, in order.
        let rules: [(id: String, report: TrainingReport)]
        let uPairs: Int
        /// Training problems, one sentence each (a rule with no pairs, a comparison no rule trained).
        let warnings: [String]
    }

    func train(
        comparisons: [Comparison], records: [FieldValues], columns: ComparisonColumns, pairs: CandidatePairs, levels: PairLevels,
        blocking: [BlockingRule], trainingRules: [String]
    ) -> Outcome {
        let levelCounts = comparisons.map { $0.levels.count + 1 }
        let sampled = UTrainer(pairs: uPairs).train(records: records.count, levelCounts: levelCounts) { i, j, vector in
            columns.vector(i, j, into: &vector)
        }
        let start = MatchModel(comparisons: comparisons, m: Self.startingM(levelCounts), u: sampled.u, prior: 0.1)

        var reports: [(id: String, report: TrainingReport)] = []
        var warnings: [String] = []
        var sums = levelCounts.map { [Double](repeating: 0, count: $0) }
        var trainedBy = [Int](repeating: 0, count: comparisons.count)
        for id in trainingRules {
            guard let rule = blocking.first(where: { $0.id == id }) else {
                warnings.append("training rule \(id) is not a blocking rule: skipped")
                continue
            }
            let fields = Set(rule.parts.map(\.field))
            let ignored = Set(comparisons.indices.filter { comparisons[$0].reads(fields) })
            let blockOf = pairs.blockOf[id] ?? BlockIndex(rule: rule, records: records).blockOf
            let patterns = LevelPatterns.tally(count: pairs.count, levelCounts: levelCounts, ignoring: ignored) { k, vector in
                let pair = pairs[k]
                let block = blockOf[pair.first]
                guard block >= 0, block == blockOf[pair.second] else { return false }
                levels.vector(of: k, into: &vector)
                return true
            }
            let (model, report) = em.train(start, patterns: patterns)
            reports.append((id, report))
            for entry in report.comparisons.indices where report.comparisons[entry].trained {
                trainedBy[entry] += 1
                for level in 0..<levelCounts[entry] { sums[entry][level] += model.comparisons[entry].m[level] }
            }
        }
        let parameters = start.comparisons.enumerated().map { index, parameters in
            guard trainedBy[index] > 0 else {
                warnings.append("no training rule trained \(parameters.id): its m-probabilities are the starting guess")
                return parameters
            }
            return MatchModel.Parameters(
                id: parameters.id, labels: parameters.labels, m: Self.floored(sums[index].map { $0 / Double(trainedBy[index]) }), u: parameters.u)
        }
        return Outcome(
            model: MatchModel(comparisons: parameters, prior: start.prior), rules: reports, uPairs: sampled.pairs, warnings: warnings)
    }

    /// The least m a level keeps: one record in a thousand has a slip in any field, whatever
    /// the training pairs showed. Without it a level no training match had (a sector written
    /// two ways, where the generator never does) weighs −17 bits and vetoes any pair on its own.
    static let leastM = 0.001

    /// `m` with every level at least ``leastM``, scaled back to a sum of 1.
    static func floored(_ m: [Double]) -> [Double] {
        let raised = m.map { max($0, leastM) }
        let total = raised.reduce(0, +)
        return raised.map { $0 / total }
    }

    /// EM's starting m: most matches agree exactly, a few fall to each partial level, fewer
    /// still disagree. EM moves from there; a neutral start (all equal) can settle on the
    /// wrong one of its two solutions.
    static func startingM(_ levelCounts: [Int]) -> [[Double]] {
        levelCounts.map { count in
            guard count > 1 else { return [1] }
            let partial = count > 2 ? 0.06 / Double(count - 2) : 0
            return (0..<count).map { level in level == 0 ? 0.9 : level == count - 1 ? (count > 2 ? 0.04 : 0.1) : partial }
        }
    }
}
