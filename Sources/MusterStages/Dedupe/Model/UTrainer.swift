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
    /// `levels(i, j)` gives for records `i` and `j` (one per comparison, each -1 or below that
    /// comparison's entry in `levelCounts`).
    func train(records: Int, levelCounts: [Int], levels: (Int, Int) -> [Int]) -> Result {
        let (offsets, total) = LevelPatterns.flatOffsets(levelCounts)
        var tallies = [Int](repeating: 0, count: total)
        var compared = [Int](repeating: 0, count: levelCounts.count)
        var taken = 0
        func tally(_ i: Int, _ j: Int) {
            let vector = levels(i, j)
            precondition(vector.count == levelCounts.count, "one level per comparison")
            for (comparison, level) in vector.enumerated() where level != Comparison.null {
                tallies[offsets[comparison] + level] += 1
                compared[comparison] += 1
            }
            taken += 1
        }

        let (product, overflow) = records < 2 ? (0, false) : records.multipliedReportingOverflow(by: records - 1)
        let possible = overflow ? Int.max : product / 2
        if possible <= pairs {
            for i in 0..<records {
                for j in (i + 1)..<records { tally(i, j) }
            }
        } else {
            var random = SplitMix64(seed: seed)
            while taken < pairs {
                let i = random.below(records)
                let j = random.below(records)
                if i != j { tally(i, j) }
            }
        }

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
