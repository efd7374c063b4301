internal import Foundation

/// A Fellegi–Sunter model: for each comparison, the chance of each level among true matches
/// (`m`) and among random pairs (`u`), and the prior chance that a pair of the run's records
/// matches (λ).
///
/// A level's weight is `log2(m/u)` bits of evidence; a pair's match weight is the prior's
/// log-odds plus its levels' weights. Levels are indexed as ``Comparison/level(_:_:)`` gives
/// them: `-1` null (weight 0), `0..<levels.count`, then `else`. Comparisons are indexed in the
/// order of the level vectors the model scores.
///
/// The model is a value saved as JSON beside the registry; the log weights are derived once,
/// when it is made or decoded, so scoring a pair is a sum of table lookups.
struct MatchModel: Sendable, Equatable {
    /// One comparison's parameters, one entry per level including `else` (not null).
    struct Parameters: Sendable, Equatable, Codable {
        /// The comparison's id (`name`, `nik`).
        let id: String
        /// Each level's name (`exact`, …, `else`), for reports.
        let labels: [String]
        /// P(level | match).
        let m: [Double]
        /// P(level | non-match).
        let u: [Double]
    }

    let comparisons: [Parameters]
    /// λ: the prior probability that a pair matches.
    let prior: Double
    /// The prior's log-odds, in bits: `log2(λ/(1−λ))`.
    let priorWeight: Double

    /// `log2(m/u)` per comparison and level, with m and u clamped to ``epsilon``.
    private let weights: [[Double]]

    /// The smallest probability a weight is computed from: a level never seen in training
    /// (m or u of 0) weighs at most `log2(1/epsilon)` ≈ 20 bits instead of ±∞.
    static let epsilon = 1e-6

    init(comparisons: [Parameters], prior: Double) {
        precondition(comparisons.allSatisfy { $0.m.count == $0.labels.count && $0.u.count == $0.labels.count })
        self.comparisons = comparisons
        self.prior = prior
        priorWeight = Self.priorLogOdds(prior)
        weights = comparisons.map { parameters in
            zip(parameters.m, parameters.u).map { log2(Self.clamped($0) / Self.clamped($1)) }
        }
    }

    /// A model for these comparisons, labelled with their levels (and `else`).
    init(comparisons: [Comparison], m: [[Double]], u: [[Double]], prior: Double) {
        precondition(comparisons.count == u.count && comparisons.count == m.count, "one m and one u per comparison")
        let parameters = zip(comparisons, zip(m, u)).map { comparison, mu in
            Parameters(id: comparison.id, labels: (0...comparison.levels.count).map(comparison.label), m: mu.0, u: mu.1)
        }
        self.init(comparisons: parameters, prior: prior)
    }

    /// The number of levels (including `else`) of each comparison.
    var levelCounts: [Int] { comparisons.map(\.labels.count) }

    /// Why a saved model cannot score these comparisons (other ids, order or levels), or nil
    /// when it fits: a model trained for another configuration must be retrained, never
    /// read at the wrong level.
    func mismatch(with comparisons: [Comparison]) -> String? {
        guard self.comparisons.map(\.id) == comparisons.map(\.id) else {
            return "the model compares \(self.comparisons.map(\.id)), the pipeline \(comparisons.map(\.id))"
        }
        for (saved, comparison) in zip(self.comparisons, comparisons) where saved.labels.count != comparison.levels.count + 1 {
            return "\(comparison.id): the model has \(saved.labels.count) levels, the pipeline \(comparison.levels.count + 1) (with else)"
        }
        return nil
    }

    /// The evidence of one comparison's level, in bits: `log2(m/u)`, 0 for null.
    func weight(comparison: Int, level: Int) -> Double {
        level == Comparison.null ? 0 : weights[comparison][level]
    }

    /// The evidence of a level when the compared value's frequency is known: the share of
    /// records holding it replaces the level's u, so agreeing on a common name (Siti,
    /// Muhammad) counts for less than agreeing on a rare one. Meant for an exact level, where
    /// both records hold the same value; `nil` gives the plain weight.
    func weight(comparison: Int, level: Int, termFrequency: Double?) -> Double {
        guard let termFrequency, level != Comparison.null else { return weight(comparison: comparison, level: level) }
        return log2(Self.clamped(comparisons[comparison].m[level]) / Self.clamped(termFrequency))
    }

    /// A probability's log-odds in bits, `log2(p/(1−p))`, with p clamped: the weight a match
    /// probability stands for (a prior, a threshold).
    static func logOdds(_ probability: Double) -> Double {
        let p = clamped(probability)
        return log2(p / (1 - p))
    }

    /// The smallest prior: a share of matches among all pairs is about 2 in a million at a
    /// million records and falls as records grow, far below ``epsilon``, which bounds the m
    /// and u of a level.
    static let leastPrior = 1e-15

    /// The prior's log-odds in bits, the prior kept within `[leastPrior, 1 − leastPrior]`.
    static func priorLogOdds(_ prior: Double) -> Double {
        let p = min(max(prior, leastPrior), 1 - leastPrior)
        return log2(p / (1 - p))
    }

    /// The match probability of a match weight: `2^w / (1 + 2^w)`, written so that large
    /// weights of either sign give 1 or 0 instead of ∞/∞.
    static func probability(_ weight: Double) -> Double {
        1 / (1 + exp2(-weight))
    }

    /// A probability kept within `[epsilon, 1 − epsilon]`.
    static func clamped(_ probability: Double) -> Double {
        min(max(probability, epsilon), 1 - epsilon)
    }
}

extension MatchModel: Codable {
    private enum CodingKeys: String, CodingKey { case comparisons, prior }

    /// Decodes a saved model, checking that every level has an m and a u in 0...1.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let comparisons = try container.decode([Parameters].self, forKey: .comparisons)
        let prior = try container.decode(Double.self, forKey: .prior)
        for (index, parameters) in comparisons.enumerated() {
            let path = container.codingPath + [CodingKeys.comparisons]
            guard parameters.m.count == parameters.labels.count, parameters.u.count == parameters.labels.count else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: path,
                        debugDescription:
                            "comparisons[\(index)] (\(parameters.id)): expected one m and one u per level (\(parameters.labels.count)), found \(parameters.m.count) and \(parameters.u.count)"
                    ))
            }
            guard (parameters.m + parameters.u).allSatisfy({ (0...1).contains($0) }) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: path,
                        debugDescription: "comparisons[\(index)] (\(parameters.id)): expected probabilities between 0 and 1"))
            }
        }
        guard (0...1).contains(prior) else {
            throw DecodingError.dataCorruptedError(
                forKey: .prior, in: container, debugDescription: "expected a probability between 0 and 1, found \(prior)")
        }
        self.init(comparisons: comparisons, prior: prior)
    }
}

extension MatchModel {
    /// The same model with another prior.
    func withPrior(_ prior: Double) -> MatchModel {
        MatchModel(comparisons: comparisons, prior: prior)
    }

    /// Per comparison, the largest change of a level's weight from `previous`, in bits: what
    /// a night's training moved.
    func weightChange(from previous: MatchModel) -> [(id: String, bits: Double)] {
        comparisons.indices.map { c in
            let change = comparisons[c].labels.indices.map { abs(weight(comparison: c, level: $0) - previous.weight(comparison: c, level: $0)) }.max() ?? 0
            return (comparisons[c].id, change)
        }
    }
}
