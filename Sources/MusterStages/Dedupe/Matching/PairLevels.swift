internal import Foundation
internal import MusterCore

/// Every candidate pair's level vector, one byte per comparison, in one flat array: a million
/// records give several million pairs, and their levels are read again by training, scoring
/// and the evidence.
///
/// A comparison implied by another (``Comparison/impliedBy``) is read as null in scoring
/// where the implying comparison is at one of the named levels, so one fact is never counted
/// twice (``level(_:_:)``). Training reads the levels as compared (``vector(of:into:)``):
/// pairs with one NIK are nearly all one person, so their birth dates show the birth date's
/// m better than any other pairs do.
struct PairLevels: Sendable {
    let comparisons: [Comparison]
    /// Pair `k`'s level for comparison `c` is `levels[k * width + c]` (-1 null).
    private(set) var levels: [Int8] = []
    var width: Int { comparisons.count }
    /// Per comparison: the comparison that implies it and the levels at which it does, if any.
    private let impliedBy: [(comparison: Int, levels: Set<Int>)?]

    init(comparisons: [Comparison]) {
        precondition(comparisons.allSatisfy { $0.levels.count < Int(Int8.max) }, "levels are kept in a byte")
        self.comparisons = comparisons
        impliedBy = comparisons.map { comparison in
            guard let implication = comparison.impliedBy,
                let source = comparisons.firstIndex(where: { $0.id == implication.comparison })
            else { return nil }
            let labels = Set(implication.levels)
            return (source, Set((0...comparisons[source].levels.count).filter { labels.contains(comparisons[source].label($0)) }))
        }
    }

    /// A vector with implications applied: implied comparisons read as null.
    func applyImplications(_ vector: inout [Int]) {
        for (comparison, implication) in impliedBy.enumerated() {
            if let implication, implication.levels.contains(vector[implication.comparison]) { vector[comparison] = Comparison.null }
        }
    }

    /// Computes the levels of every pair, the pairs split in equal runs over `workers`
    /// threads (each writes its own run of the array, so the result is the same however many).
    mutating func compute(_ pairs: CandidatePairs, columns: ComparisonColumns, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let width = self.width
        let count = pairs.count
        var levels = [Int8](repeating: 0, count: count * width)
        levels.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            _ = ParallelRuns.map(count: count, workers: workers) { run in
                for k in run {
                    let pair = pairs[k]
                    for c in 0..<width { out[k * width + c] = Int8(columns.level(c, pair.first, pair.second)) }
                }
            }
        }
        self.levels = levels
    }

    /// Pair `k`'s level for comparison `c` as scoring reads it: null where implied.
    @inline(__always) func level(_ pair: Int, _ comparison: Int) -> Int {
        let base = pair * width
        if let implication = impliedBy[comparison], implication.levels.contains(Int(levels[base + implication.comparison])) {
            return Comparison.null
        }
        return Int(levels[base + comparison])
    }

    /// Pair `k`'s vector as compared, into a reused buffer.
    func vector(of pair: Int, into vector: inout [Int]) {
        let base = pair * width
        for comparison in 0..<width { vector[comparison] = Int(levels[base + comparison]) }
    }
}
