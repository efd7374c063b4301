internal import Foundation
internal import MusterCore

/// Learns u-probabilities — each level's chance between two records that are not the same
/// person — from random pairs of records: at any realistic size almost every random pair is a
/// non-match, so the levels' shares among them estimate u.
///
/// Sampling is seeded, so the same records give the same u on every run. When the sample
/// would be at least as large as the number of possible pairs, every pair is taken once
/// instead (small datasets get their exact shares).
struct UTrainer: Sendable {
    /// The number of pairs to sample.
    var pairs = 1_000_000
    var seed: UInt64 = 0x6D75_7374_6572_7500

    /// What sampling found.
    struct Result: Sendable, Equatable {
        /// Per comparison, per level including `else`: the level's share of the pairs where
        /// both records hold the value. A level seen in no pair gets half a pair's share, so
        /// that its weight reflects the sample's size rather than being infinite. A comparison
        /// no pair held gets equal shares.
        let u: [[Double]]
        /// The pairs compared.
        let pairs: Int
        /// Per comparison, the pairs where both records held the value.
        let compared: [Int]
    }

    /// Samples pairs of distinct records among `records` and tallies their levels, which
    /// `levels(i, j, &vector)` writes for records `i` and `j` (one per comparison, each -1 or
    /// below that comparison's entry in `levelCounts`), on `workers` threads. The pairs are
    /// drawn before the threads start and the tallies are sums, so the result is the same
    /// however many there are.
    func train(
        records: Int, levelCounts: [Int], workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        levels: @Sendable (Int, Int, inout [Int]) -> Void
    ) -> Result {
        let pairs = pairs(among: records)
        let tallies = ParallelRuns.map(count: pairs.count, workers: workers) { run in
            var tally = Tally(levelCounts: levelCounts)
            var vector = [Int](repeating: 0, count: levelCounts.count)
            for k in run {
                levels(pairs[k].0, pairs[k].1, &vector)
                tally.add(vector)
            }
            return tally
        }
        var total = Tally(levelCounts: levelCounts)
        for tally in tallies { total.merge(tally) }
        return total.result
    }

    /// Every pair once when the sample would be at least as large as the number of possible
    /// pairs, else `self.pairs` random pairs of distinct records (seeded).
    private func pairs(among records: Int) -> [(Int, Int)] {
        let (product, overflow) = records < 2 ? (0, false) : records.multipliedReportingOverflow(by: records - 1)
        let possible = overflow ? Int.max : product / 2
        var pairs: [(Int, Int)] = []
        if possible <= self.pairs {
            pairs.reserveCapacity(possible)
            for i in 0..<records {
                for j in (i + 1)..<records { pairs.append((i, j)) }
            }
            return pairs
        }
        pairs.reserveCapacity(self.pairs)
        var random = SplitMix64(seed: seed)
        while pairs.count < self.pairs {
            let i = random.below(records)
            let j = random.below(records)
            if i != j { pairs.append((i, j)) }
        }
        return pairs
    }

    /// Level counts over pairs.
    private struct Tally: Sendable {
        let levelCounts: [Int]
        let offsets: [Int]
        var tallies: [Int]
        var compared: [Int]
        var taken = 0

        init(levelCounts: [Int]) {
            self.levelCounts = levelCounts
            let (offsets, total) = LevelPatterns.flatOffsets(levelCounts)
            self.offsets = offsets
            tallies = [Int](repeating: 0, count: total)
            compared = [Int](repeating: 0, count: levelCounts.count)
        }

        mutating func add(_ vector: [Int]) {
            precondition(vector.count == levelCounts.count, "one level per comparison")
            for (comparison, level) in vector.enumerated() where level != Comparison.null {
                tallies[offsets[comparison] + level] += 1
                compared[comparison] += 1
            }
            taken += 1
        }

        mutating func merge(_ other: Tally) {
            for index in tallies.indices { tallies[index] += other.tallies[index] }
            for index in compared.indices { compared[index] += other.compared[index] }
            taken += other.taken
        }

        var result: Result {
            let u = levelCounts.indices.map { comparison in
                (0..<levelCounts[comparison]).map { level in
                    let pairs = Double(compared[comparison])
                    guard pairs > 0 else { return 1 / Double(levelCounts[comparison]) }
                    let count = tallies[offsets[comparison] + level]
                    return (count == 0 ? 0.5 : Double(count)) / pairs
                }
            }
            return Result(u: u, pairs: taken, compared: compared)
        }
    }
}
