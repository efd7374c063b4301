import Testing

@testable import MusterStages

/// Level vectors grouped into distinct patterns with counts, as EM reads them.
@Suite struct LevelPatternsTests {
    @Test func identicalVectorsAreCountedOnce() {
        let vectors = [[0, 1], [0, 1], [-1, 2], [0, 1], [2, -1], [-1, 2]]
        let patterns = LevelPatterns(vectors, levelCounts: [3, 3])
        #expect(patterns.count == 3)
        #expect(patterns.pairs == 6)
        #expect(patterns.levels == [0, 1, -1, 2, 2, -1])
        #expect(patterns.counts == [3, 2, 1])
    }

    @Test func ignoredComparisonsReadAsNull() {
        let patterns = LevelPatterns([[0, 1], [1, 1], [2, 0]], levelCounts: [3, 2], ignoring: [0])
        #expect(patterns.count == 2)
        #expect(patterns.levels == [-1, 1, -1, 0])
        #expect(patterns.counts == [2, 1])
    }

    /// Null and level 0 are different digits: a vector with a null is not one with an exact level.
    @Test func nullIsItsOwnLevel() {
        let patterns = LevelPatterns([[-1, 0], [0, -1], [0, 0], [-1, -1]], levelCounts: [1, 1])
        #expect(patterns.count == 4)
    }

    /// 30,000 vectors tallied in runs on one, two or three threads and merged in order: the
    /// same patterns, in the same order, with the same counts, as adding them one by one.
    @Test func runsMergedInOrderEqualOneTally() {
        let vector: @Sendable (Int) -> [Int] = { k in [k % 3 - 1, (k / 7) % 4 - 1, (k * 31 / 11) % 2] }
        var one = LevelPatterns(levelCounts: [2, 3, 2], ignoring: [2])
        for k in 0..<30_000 where k % 5 != 0 { one.add(vector(k)) }
        for workers in [1, 2, 3] {
            let tallied = LevelPatterns.tally(count: 30_000, levelCounts: [2, 3, 2], ignoring: [2], workers: workers) { k, levels in
                levels = vector(k)
                return k % 5 != 0
            }
            #expect(tallied.levels == one.levels)
            #expect(tallied.counts == one.counts)
            #expect(tallied.pairs == one.pairs && tallied.pairs == 24_000)
        }
    }
}
