package import MusterCore

/// The pairs of records worth comparing: the union of every blocking rule's pairs, each pair
/// once, with the first rule that produced it, sorted by record numbers.
///
/// A block of `n` records gives `n(n-1)/2` pairs, so one common key (an office phone on 3,000
/// sheets) would swamp everything else. A block over `maxBlockSize` is therefore sorted by
/// its rule's ``BlockingRule/sortBy`` field (then record number) and each record is paired
/// only with the `window` records after it in that order — at most `n × window` pairs — and
/// the report warns about it.
///
/// Pairs are kept as two flat arrays (8 bytes per pair plus 2 for its rule). Each rule's
/// pairs are found and sorted on a thread of their own, then merged into the union in the
/// rules' order, which tells new pairs from ones an earlier rule found.
package struct CandidatePairs: Sendable, RandomAccessCollection {
    /// `first << 32 | second`, ascending.
    private let packed: [UInt64]
    /// The rule index of each pair.
    private let ruleOf: [UInt16]
    package let report: BlockingReport
    /// Each record's block (-1 for none) under the rules named in `keepingBlocksOf`: training
    /// reads which pairs a rule's blocks hold, and keying a million records again costs seconds.
    package let blockOf: [String: [Int32]]

    package init(
        records: [FieldValues], rules: [BlockingRule], maxBlockSize: Int = 500, window: Int = 20, keepingBlocksOf kept: Set<String> = []
    ) {
        precondition(maxBlockSize >= 2 && window >= 1, "a block of two is always paired; a window holds one record or more")
        precondition(rules.count <= Int(UInt16.max), "rule indices are 16-bit")
        // Each rule's blocks and pairs on a thread of their own; merged in the rules' order,
        // so the union and the rule credited with each pair are the same however many threads.
        var built = ParallelRuns.map(count: rules.count, minimumPerRun: 1, workers: rules.count) { run in
            run.map { number in
                let rule = rules[number]
                var count = BlockingReport.Rule(id: rule.id)
                let index = BlockIndex(rule: rule, records: records)
                let pairs = Self.pairs(of: rule, index: index, in: records, maxBlockSize: maxBlockSize, window: window, counting: &count)
                count.pairs = pairs.count
                return (pairs: pairs, count: count, blockOf: kept.contains(rule.id) ? index.blockOf : nil)
            }
        }.flatMap { $0 }
        var packed: [UInt64] = []
        var ruleOf: [UInt16] = []
        var counts: [BlockingReport.Rule] = []
        var blockOf: [String: [Int32]] = [:]
        for number in built.indices {
            var count = built[number].count
            if let blocks = built[number].blockOf { blockOf[count.id] = blocks }
            (packed, ruleOf, count.newPairs) = Self.merge(built[number].pairs, rule: UInt16(number), into: packed, ruleOf)
            built[number].pairs = []  // the rule's pairs are in the union now
            counts.append(count)
        }
        self.packed = packed
        self.ruleOf = ruleOf
        self.blockOf = blockOf
        report = BlockingReport(rules: counts, pairs: packed.count, maxBlockSize: maxBlockSize, window: window)
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { packed.count }

    package subscript(position: Int) -> CandidatePair {
        let pair = packed[position]
        return CandidatePair(first: Int(pair >> 32), second: Int(pair & 0xFFFF_FFFF), rule: Int(ruleOf[position]))
    }

    /// One rule's pairs, sorted; fills in the rule's block figures.
    private static func pairs(
        of rule: BlockingRule, index: BlockIndex, in records: [FieldValues], maxBlockSize: Int, window: Int,
        counting count: inout BlockingReport.Rule
    ) -> [UInt64] {
        count.keyedRecords = index.keyed
        var capacity = 0
        for b in 0..<index.blockCount {
            let size = index.block(b).count
            guard size > 1 else { continue }
            count.blocks += 1
            count.largestBlock = Swift.max(count.largestBlock, size)
            capacity += size > maxBlockSize ? size * window : size * (size - 1) / 2
        }
        var pairs: [UInt64] = []
        pairs.reserveCapacity(capacity)
        for b in 0..<index.blockCount {
            let block = index.block(b)
            guard block.count > 1 else { continue }
            if block.count <= maxBlockSize {
                for i in block.indices {
                    let high = UInt64(UInt32(block[i])) << 32
                    for j in (i + 1)..<block.endIndex { pairs.append(high | UInt64(UInt32(block[j]))) }
                }
            } else {
                count.cappedBlocks += 1
                appendWindowPairs(of: block, sortedBy: rule.sortBy, in: records, window: window, to: &pairs)
            }
        }
        pairs.sort()
        return pairs
    }

    /// Sorted-neighbourhood pairs of an oversized block: each record with the next `window`
    /// records in `sortBy` order (a record without the field sorts first), ties by number.
    private static func appendWindowPairs(
        of block: ArraySlice<Int32>, sortedBy field: String, in records: [FieldValues], window: Int, to pairs: inout [UInt64]
    ) {
        var keyed: [(key: String, record: Int32)] = block.map { record in (records[Int(record)][field] ?? "", record) }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.record < $1.record }
        let ordered = keyed.map(\.record)
        for i in ordered.indices {
            for j in (i + 1)..<Swift.min(i + 1 + window, ordered.count) {
                let (low, high) = ordered[i] < ordered[j] ? (ordered[i], ordered[j]) : (ordered[j], ordered[i])
                pairs.append(UInt64(UInt32(low)) << 32 | UInt64(UInt32(high)))
            }
        }
    }

    /// The union of `union` and one rule's sorted `pairs`, sorted; a pair already in the union
    /// keeps its earlier rule. Returns the union and the number of new pairs.
    private static func merge(
        _ pairs: [UInt64], rule: UInt16, into union: [UInt64], _ rules: [UInt16]
    ) -> (packed: [UInt64], rules: [UInt16], new: Int) {
        if union.isEmpty { return (pairs, [UInt16](repeating: rule, count: pairs.count), pairs.count) }
        var packed: [UInt64] = []
        var ruleOf: [UInt16] = []
        packed.reserveCapacity(union.count + pairs.count)
        ruleOf.reserveCapacity(union.count + pairs.count)
        var (u, p, new) = (0, 0, 0)
        while u < union.count || p < pairs.count {
            if p == pairs.count || (u < union.count && union[u] <= pairs[p]) {
                if p < pairs.count && union[u] == pairs[p] { p += 1 }
                packed.append(union[u])
                ruleOf.append(rules[u])
                u += 1
            } else {
                packed.append(pairs[p])
                ruleOf.append(rule)
                new += 1
                p += 1
            }
        }
        return (packed, ruleOf, new)
    }
}
