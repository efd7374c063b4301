internal import Foundation

/// Candidate pairs' level vectors grouped by value: each distinct vector once, with how many
/// pairs had it.
///
/// Millions of blocked pairs fall into a few thousand patterns (a handful of comparisons with a
/// handful of levels each), so EM iterates over patterns with counts instead of over pairs. A
/// vector is keyed by one integer, its levels read as digits in mixed radix (null as 0).
struct LevelPatterns: Sendable {
    /// Levels per comparison, including `else` (a vector's level is -1 or below this).
    let levelCounts: [Int]
    /// Comparisons whose levels are read as null: those a blocking rule used, which every
    /// candidate pair agrees on and which therefore tell nothing about a match.
    let ignored: Set<Int>
    /// The distinct vectors, flat: pattern `p`'s level for comparison `c` is
    /// `levels[p * levelCounts.count + c]`.
    private(set) var levels: [Int] = []
    /// How many pairs had each pattern.
    private(set) var counts: [Double] = []
    /// Each pattern's key (its levels as one integer).
    private var keys: [Int] = []
    /// The number of pairs added.
    private(set) var pairs = 0
    private var index: [Int: Int] = [:]
    private let radix: [Int]
    private let isIgnored: [Bool]

    init(levelCounts: [Int], ignoring ignored: Set<Int> = []) {
        self.levelCounts = levelCounts
        self.ignored = ignored
        var radix: [Int] = []
        var place = 1
        for count in levelCounts {
            radix.append(place)
            let (next, overflow) = place.multipliedReportingOverflow(by: count + 1)
            precondition(!overflow, "too many comparison levels to key a level vector by one integer")
            place = next
        }
        self.radix = radix
        isIgnored = levelCounts.indices.map(ignored.contains)
    }

    /// The number of distinct patterns.
    var count: Int { counts.count }

    /// Counts one pair's level vector.
    mutating func add(_ vector: [Int]) {
        precondition(vector.count == levelCounts.count, "one level per comparison")
        var key = 0
        for (comparison, level) in vector.enumerated() where !isIgnored[comparison] {
            precondition(level >= -1 && level < levelCounts[comparison], "level \(level) out of range")
            key += (level + 1) * radix[comparison]
        }
        pairs += 1
        if let pattern = index[key] {
            counts[pattern] += 1
            return
        }
        index[key] = counts.count
        keys.append(key)
        counts.append(1)
        for (comparison, level) in vector.enumerated() { levels.append(isIgnored[comparison] ? -1 : level) }
    }

    /// Adds another tally's patterns after this one's: patterns first seen there come after
    /// these, in their order, so tallies of consecutive runs of pairs merged in order equal
    /// one tally of all the pairs.
    mutating func merge(_ other: LevelPatterns) {
        precondition(other.levelCounts == levelCounts && other.ignored == ignored, "patterns of one shape")
        let width = levelCounts.count
        for pattern in 0..<other.count {
            let key = other.keys[pattern]
            if let known = index[key] {
                counts[known] += other.counts[pattern]
            } else {
                index[key] = counts.count
                keys.append(key)
                counts.append(other.counts[pattern])
                levels += other.levels[(pattern * width)..<((pattern + 1) * width)]
            }
        }
        pairs += other.pairs
    }

    /// The patterns of `count` pairs, tallied in runs on every core and merged in order (the
    /// same patterns, in the same order, as one tally): `vector(k, &levels)` writes pair `k`'s
    /// levels and returns false to leave the pair out.
    static func tally(
        count: Int, levelCounts: [Int], ignoring ignored: Set<Int> = [], workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        vector: @Sendable (Int, inout [Int]) -> Bool
    ) -> LevelPatterns {
        let runs = ParallelRuns.map(count: count, workers: workers) { run in
            var patterns = LevelPatterns(levelCounts: levelCounts, ignoring: ignored)
            var buffer = [Int](repeating: 0, count: levelCounts.count)
            for k in run where vector(k, &buffer) { patterns.add(buffer) }
            return patterns
        }
        var patterns = LevelPatterns(levelCounts: levelCounts, ignoring: ignored)
        for run in runs { patterns.merge(run) }
        return patterns
    }

    /// Where each comparison's levels start when all comparisons' levels lie in one flat
    /// array (m, u or tallies), and the array's length.
    static func flatOffsets(_ levelCounts: [Int]) -> (offsets: [Int], total: Int) {
        var offsets: [Int] = []
        var total = 0
        for count in levelCounts {
            offsets.append(total)
            total += count
        }
        return (offsets, total)
    }
}
