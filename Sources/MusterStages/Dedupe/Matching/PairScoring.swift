internal import Foundation
internal import MusterCore

/// A pair's match weight under a model: the prior's log-odds plus each comparison's level
/// weight, where an exact agreement on a term-frequency comparison (a name) weighs by how
/// common the agreed value is among this run's records.
struct PairScoring {
    let model: MatchModel
    let comparisons: [Comparison]
    /// Per comparison, per level: the weight in bits.
    private let table: [[Double]]
    /// Per comparison, for a term-frequency one: each record's exact-agreement weight.
    private let exactWeights: [[Float]?]
    private let nameIndex: Int?
    private let identifierIndex: Int?
    private let agreeingNameLevels: Int
    private let contextIndex: Int?
    private let contextNameLevels: Int
    /// The comparisons a context-only record must agree on outside its batch: the first (the
    /// name) exactly, the others exactly where both records hold them (``agreesOutsideBatch``).
    private let outsideBatch: [Int]
    /// Per record: it holds none of the context guard's identifiers.
    private let contextOnly: [Bool]

    init(model: MatchModel, comparisons: [Comparison], records: [FieldValues], guards: MatchGuards) {
        self.model = model
        self.comparisons = comparisons
        table = comparisons.indices.map { c in (0...comparisons[c].levels.count).map { model.weight(comparison: c, level: $0) } }
        var exactWeights = [[Float]?](repeating: nil, count: comparisons.count)
        for (c, comparison) in comparisons.enumerated() where comparison.termFrequency {
            var counts: [String: Int] = [:]
            for values in records { if let value = values[comparison.field], !value.isEmpty { counts[value, default: 0] += 1 } }
            let total = Double(records.count)
            exactWeights[c] = records.map { values in
                guard let value = values[comparison.field], let count = counts[value] else { return 0 }
                return Float(model.weight(comparison: c, level: 0, termFrequency: Double(count) / total))
            }
        }
        self.exactWeights = exactWeights
        nameIndex = guards.names.flatMap { id in comparisons.firstIndex { $0.id == id } }
        identifierIndex = guards.identifier.flatMap { id in comparisons.firstIndex { $0.id == id } }
        agreeingNameLevels = guards.agreeingNameLevels
        if let context = guards.context, let index = comparisons.firstIndex(where: { $0.id == context.comparison }) {
            contextIndex = index
            contextOnly = records.map { values in context.identifiers.allSatisfy { values[$0] == nil } }
            contextNameLevels = context.nameLevels
            outsideBatch = context.outsideBatch.compactMap { id in comparisons.firstIndex { $0.id == id } }
        } else {
            contextIndex = nil
            contextOnly = []
            contextNameLevels = 0
            outsideBatch = []
        }
    }

    /// The weight of comparison `c` at `level` for a pair whose first record is `first`.
    @inline(__always) func weight(_ c: Int, level: Int, first: Int) -> Double {
        if level < 0 { return 0 }
        if level == 0, let exact = exactWeights[c] { return Double(exact[first]) }
        return table[c][level]
    }

    /// Pair `k`'s match weight.
    func weight(pair k: Int, levels: PairLevels, first: Int) -> Double {
        var total = model.priorWeight
        for c in 0..<comparisons.count { total += weight(c, level: levels.level(k, c), first: first) }
        return total
    }

    /// The pair with the facts the clustering guards read.
    func scoredPair(_ k: Int, first: Int, second: Int, weight: Double, levels: PairLevels) -> ScoredPair {
        var pair = ScoredPair(a: Int32(first), b: Int32(second), weight: weight, candidate: Int32(k))
        if let nameIndex {
            let level = levels.level(k, nameIndex)
            pair.namesDisagree = level == comparisons[nameIndex].levels.count
            pair.namesAgree = level >= 0 && level < agreeingNameLevels
        }
        if let identifierIndex { pair.nikAgrees = levels.level(k, identifierIndex) == 0 }
        if let contextIndex, contextOnly[first] || contextOnly[second] {
            let sameBatch = levels.level(k, contextIndex) == 0
            let nameLevel = nameIndex.map { levels.level(k, $0) } ?? 0
            pair.outsideContext =
                sameBatch ? !(nameLevel >= 0 && nameLevel < contextNameLevels) : !agreesOutsideBatch(k, levels: levels)
        }
        return pair
    }

    /// Whether pair `k` agrees as a context-only record must outside its batch: exactly on the
    /// first of the guard's `outsideBatch` comparisons (the name), and exactly on each of the
    /// others where both records hold it (an announcement that names no sector does not
    /// disagree on it).
    private func agreesOutsideBatch(_ k: Int, levels: PairLevels) -> Bool {
        guard let first = outsideBatch.first, levels.level(k, first) == 0 else { return false }
        return outsideBatch.dropFirst().allSatisfy { levels.level(k, $0) <= 0 }
    }

    /// Pair `k`'s evidence line: `total +31.20; prior -12.40; name exact +9.21; nik null; …`.
    func evidence(pair k: Int, first: Int, weight: Double, levels: PairLevels) -> String {
        var text = "total " + Self.bits(weight) + "; prior " + Self.bits(model.priorWeight)
        for c in 0..<comparisons.count {
            let level = levels.level(k, c)
            text += "; " + comparisons[c].id + " " + comparisons[c].label(level)
            if level >= 0 { text += " " + Self.bits(self.weight(c, level: level, first: first)) }
        }
        return text
    }

    /// A weight with its sign and two decimals (`+9.21`, `-0.50`).
    static func bits(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let magnitude = abs(hundredths)
        let cents = magnitude % 100
        return (hundredths < 0 ? "-" : "+") + String(magnitude / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }
}
