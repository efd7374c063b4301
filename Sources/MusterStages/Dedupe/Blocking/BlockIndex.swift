internal import MusterCore

/// One rule's blocks: the records of each distinct key, all in one flat array, so a million
/// records make three arrays rather than a million small ones.
///
/// Keys are numbered by their 64-bit hash (``BlockingRule/hashedKey(_:)``), so a million
/// records build no key strings. Blocks are numbered in the order their first record comes,
/// and members are in record order, so the index is the same on every run.
struct BlockIndex {
    /// Record numbers, block after block, ascending within a block.
    let members: [Int32]
    /// Block `b` is `members[starts[b]..<starts[b + 1]]`.
    let starts: [Int32]
    /// Each record's block, -1 for a record without a key: two records share the rule's key
    /// exactly when they have the same block.
    let blockOf: [Int32]
    /// Records that have a key for the rule.
    var keyed: Int { members.count }
    var blockCount: Int { starts.count - 1 }

    init(rule: BlockingRule, records: [FieldValues]) {
        precondition(records.count <= Int(Int32.max), "record numbers are 32-bit")
        // Sized for a key per record up front: growing rehashes every key, several times.
        var numbers: [UInt64: Int32] = Dictionary(minimumCapacity: records.count)
        var blockOf = [Int32](repeating: -1, count: records.count)
        var sizes: [Int32] = []
        for (record, values) in records.enumerated() {
            guard let key = rule.hashedKey(values) else { continue }
            let block: Int32
            if let known = numbers[key] {
                block = known
            } else {
                block = Int32(sizes.count)
                numbers[key] = block
                sizes.append(0)
            }
            blockOf[record] = block
            sizes[Int(block)] += 1
        }
        var starts = [Int32](repeating: 0, count: sizes.count + 1)
        for (block, size) in sizes.enumerated() { starts[block + 1] = starts[block] + size }
        var next = Array(starts.dropLast())
        var members = [Int32](repeating: 0, count: Int(starts.last ?? 0))
        for (record, block) in blockOf.enumerated() where block >= 0 {
            members[Int(next[Int(block)])] = Int32(record)
            next[Int(block)] += 1
        }
        self.members = members
        self.starts = starts
        self.blockOf = blockOf
    }

    /// The record numbers of block `b`, ascending.
    func block(_ b: Int) -> ArraySlice<Int32> { members[Int(starts[b])..<Int(starts[b + 1])] }
}
