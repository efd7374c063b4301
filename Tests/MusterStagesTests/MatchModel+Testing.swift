import MusterCore

@testable import MusterStages

// Conveniences the tests state their cases with; the stage itself works on candidate pairs'
// flat levels (PairLevels, PairScoring) and grouped patterns.

extension Comparison {
    /// Two records' level read straight from their values, as the tests state pairs:
    /// `null` when either lacks the field.
    func level(_ a: FieldValues, _ b: FieldValues) -> Int {
        guard let left = a[field], let right = b[field], !left.isEmpty, !right.isEmpty else { return Self.null }
        return level(of: left, right) { (a[$0], b[$0]) }
    }
}

extension MatchModel {
    /// A pair's match weight: the prior's log-odds plus each comparison's level weight.
    func matchWeight(levels: [Int]) -> Double {
        precondition(levels.count == comparisons.count, "one level per comparison")
        var total = priorWeight
        for (comparison, level) in levels.enumerated() { total += weight(comparison: comparison, level: level) }
        return total
    }

    /// The index of the comparison with this id.
    func index(of id: String) -> Int? { comparisons.firstIndex { $0.id == id } }
}

extension EMTrainer {
    /// Trains `start`'s m and λ on these pairs' level vectors, leaving out the comparisons in
    /// `fixed` (indices into the vectors).
    func train(_ start: MatchModel, pairs: [[Int]], fixed: Set<Int> = []) -> (model: MatchModel, report: TrainingReport) {
        train(start, patterns: LevelPatterns(pairs, levelCounts: start.levelCounts, ignoring: fixed))
    }
}

extension LevelPatterns {
    /// The patterns of these level vectors.
    init(_ vectors: [[Int]], levelCounts: [Int], ignoring ignored: Set<Int> = []) {
        self.init(levelCounts: levelCounts, ignoring: ignored)
        for vector in vectors { add(vector) }
    }
}
