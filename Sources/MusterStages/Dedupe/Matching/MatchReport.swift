internal import Foundation

/// What one run's matching did, for the run report: the blocking figures per rule, where the
/// model came from and what it learned, the match share among all pairs, and what the
/// threshold let through — with the precision and recall the model expects of it, since a
/// nightly run has no truth to measure against.
struct MatchReport {
    /// Where the model came from.
    enum ModelSource: String { case trained, saved, fixed, shipped }

    var records = 0
    var blocking: BlockingReport
    var modelSource: ModelSource
    var training: ModelTraining.Outcome?
    /// The largest change of a level's weight from the model saved before this training, in bits.
    var changeFromPrevious: [(id: String, bits: Double)]?
    var model: MatchModel
    var threshold: Double
    /// Pairs at or above the threshold.
    var accepted = 0
    /// Accepted pairs that joined two clusters (the others were already joined).
    var merged = 0
    var refused: [GuardedClustering.Refusal: Int] = [:]
    var clusters = 0
    /// The sum of match probabilities of all candidate pairs, and of the accepted ones.
    var expectedMatches = 0.0
    var expectedAccepted = 0.0
    var seconds: [(step: String, seconds: Double)] = []

    /// The expected share of accepted pairs that are true matches.
    var expectedPrecision: Double { accepted == 0 ? 1 : expectedAccepted / Double(accepted) }
    /// The expected share of matching candidate pairs that were accepted.
    var expectedRecall: Double { expectedMatches == 0 ? 1 : expectedAccepted / expectedMatches }

    /// The report, one line each.
    var lines: [String] {
        var lines = [
            "\(records) records, \(blocking.pairs) candidate pairs: "
                + blocking.rules.map { "\($0.id) \($0.pairs) (\($0.newPairs) new)" }.joined(separator: ", ")
        ]
        lines.append(
            "model \(modelSource.rawValue); match share 1 in \(Self.oneIn(model.prior)) pairs of records "
                + "(prior \(PairScoring.bits(model.priorWeight)) bits); "
                + "threshold p ≥ \(threshold) (\(PairScoring.bits(MatchModel.logOdds(threshold))) bits)")
        let refusals = GuardedClustering.Refusal.allCases.map { "\(refused[$0] ?? 0) for \($0.rawValue)" }.joined(separator: ", ")
        lines.append(
            "\(accepted) pairs accepted, \(merged) merges, \(clusters) clusters; refused \(refusals); "
                + "expected precision \(Self.format(expectedPrecision, 4)), expected recall \(Self.format(expectedRecall, 4))")
        if let training {
            lines.append(
                "u from \(training.uPairs) random pairs; m by EM on "
                    + training.rules.map { rule in
                        "\(rule.id) (\(rule.report.pairs) pairs, match share \(Self.format(rule.report.matchShare * 100, 1))%, "
                            + "\(rule.report.iterations) iterations\(rule.report.converged ? "" : ", not converged"))"
                    }.joined(separator: ", "))
        }
        for (index, parameters) in model.comparisons.enumerated() {
            let levels = parameters.labels.indices.map { level in
                "\(parameters.labels[level]) m \(Self.format(parameters.m[level], 4)) u \(Self.format(parameters.u[level], 6)) "
                    + PairScoring.bits(model.weight(comparison: index, level: level))
            }
            lines.append("  \(parameters.id): " + levels.joined(separator: " | "))
        }
        if let changeFromPrevious {
            lines.append(
                "change from the previous model (largest weight change): "
                    + changeFromPrevious.map { "\($0.id) \(Self.format($0.bits, 2)) bits" }.joined(separator: ", "))
        }
        lines.append("times: " + seconds.map { "\($0.step) \(Self.format($0.seconds, 2)) s" }.joined(separator: ", "))
        return lines
    }

    /// Warnings the operator should act on: capped blocks and untrustworthy training.
    var warnings: [String] {
        var warnings = blocking.warnings
        if let training {
            warnings += training.warnings
            for rule in training.rules { warnings += rule.report.warnings.map { "training on \(rule.id): \($0)" } }
        }
        return warnings
    }

    /// `1 / share`, rounded to three significant digits: `412,000`.
    static func oneIn(_ share: Double) -> String {
        guard share > 0 else { return "∞" }
        let inverse = 1 / share
        guard inverse < 1e15 else { return String(format: "%.2g", inverse) }
        let scale = pow(10, max(0, floor(log10(inverse)) - 2))
        var digits = String(Int((inverse / scale).rounded() * scale))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped
    }

    private static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
