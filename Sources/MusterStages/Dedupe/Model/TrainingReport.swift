internal import Foundation

/// What one EM training learned, for the run report: each comparison's m and u per level,
/// the match share among the pairs, how training ended, and warnings when the result should
/// not be trusted.
struct TrainingReport: Sendable, Equatable, CustomStringConvertible {
    /// One comparison's learned parameters.
    struct Entry: Sendable, Equatable {
        let id: String
        let labels: [String]
        let m: [Double]
        let u: [Double]
        /// Whether these pairs trained its m (false: left out, or no pair had its value).
        let trained: Bool
    }

    let comparisons: [Entry]
    /// The expected share of matches among the pairs (the learned λ).
    let matchShare: Double
    let pairs: Int
    /// The distinct level vectors EM ran over.
    let patterns: Int
    let iterations: Int
    let converged: Bool
    /// Why the result may be wrong, one sentence each.
    let warnings: [String]

    /// The share of matches outside which a rule's pairs hold too few matches (or too few
    /// non-matches) for EM to tell them apart.
    static let plausibleMatchShare = 0.01...0.99

    init(
        model: MatchModel, trained: Set<Int>, pairs: Int, patterns: Int, iterations: Int, converged: Bool,
        maxIterations: Int, unseen: [Int]
    ) {
        comparisons = model.comparisons.enumerated().map { index, parameters in
            Entry(id: parameters.id, labels: parameters.labels, m: parameters.m, u: parameters.u, trained: trained.contains(index))
        }
        matchShare = model.prior
        self.pairs = pairs
        self.patterns = patterns
        self.iterations = iterations
        self.converged = converged
        var warnings: [String] = []
        if pairs == 0 {
            warnings.append("no pairs to train on: the model is unchanged")
        } else {
            if !converged {
                warnings.append("did not converge in \(maxIterations) iterations: the m-probabilities may still be moving")
            }
            if !Self.plausibleMatchShare.contains(matchShare) {
                warnings.append(
                    "match share \(Self.percent(matchShare)) is outside 1–99%: "
                        + (matchShare < 0.5
                            ? "these pairs are almost all non-matches, so the m-probabilities they teach are unreliable"
                            : "these pairs are almost all matches, so they teach m only if the rule never pairs two people"))
            }
        }
        for index in unseen {
            warnings.append("no pair has a value for \(model.comparisons[index].id): its m-probabilities are unchanged")
        }
        self.warnings = warnings
    }

    /// A table of the learned parameters and the warnings, one line each.
    var description: String {
        var lines = [
            "EM over \(pairs) pairs (\(patterns) patterns): \(iterations) iterations, "
                + (converged ? "converged" : "not converged") + ", match share \(Self.percent(matchShare))"
        ]
        for entry in comparisons {
            let note = entry.trained ? "" : " (not trained here)"
            for (level, label) in entry.labels.enumerated() {
                let m = entry.m[level]
                let u = entry.u[level]
                let weight = log2(MatchModel.clamped(m) / MatchModel.clamped(u))
                lines.append(
                    "  \(entry.id) \(label): m \(String(format: "%.4g", m)) u \(String(format: "%.4g", u)) "
                        + "weight \(String(format: "%+.2f", weight))\(note)")
            }
        }
        lines += warnings.map { "warning: \($0)" }
        return lines.joined(separator: "\n")
    }

    private static func percent(_ share: Double) -> String {
        String(format: "%.1f%%", share * 100)
    }
}
