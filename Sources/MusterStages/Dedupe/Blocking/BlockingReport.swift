/// What blocking produced, per rule and in all: the figures the run report prints, and a
/// warning for every rule that had to cap a block.
package struct BlockingReport: Sendable, Equatable {
    /// One rule's figures.
    package struct Rule: Sendable, Equatable {
        package let id: String
        /// Records with a key for the rule.
        package var keyedRecords = 0
        /// Distinct keys shared by two records or more.
        package var blocks = 0
        /// Pairs the rule produced, whether or not an earlier rule produced them too.
        package var pairs = 0
        /// Pairs no earlier rule produced.
        package var newPairs = 0
        /// Blocks over the size limit, paired within a window only.
        package var cappedBlocks = 0
        /// The records in the rule's largest block.
        package var largestBlock = 0

        package init(id: String) { self.id = id }
    }

    package var rules: [Rule]
    /// Distinct candidate pairs over all rules.
    package var pairs: Int
    package let maxBlockSize: Int
    package let window: Int

    /// Pairs per keyed record above which a rule's blocks grow with the data: each new
    /// record meets every record of its block, so the pairs grow as the square.
    package static let pairsPerRecordWarning = 25

    /// One line per rule that capped blocks — the operator learns that a key is too common to
    /// block on in full (a shared office phone, a placeholder e-mail) — and per rule whose
    /// blocks, under the cap, still give more pairs per record than a key should.
    package var warnings: [String] {
        let capped = rules.filter { $0.cappedBlocks > 0 }.map { rule in
            let blocks = rule.cappedBlocks == 1 ? "1 block" : "\(rule.cappedBlocks) blocks"
            return "rule \(rule.id): \(blocks) over \(maxBlockSize) records, largest \(rule.largestBlock), paired within a window of \(window)"
        }
        let growing = rules.filter { $0.keyedRecords > 0 && $0.pairs > Self.pairsPerRecordWarning * $0.keyedRecords }.map { rule in
            "rule \(rule.id): \(rule.pairs) pairs for \(rule.keyedRecords) records (\(rule.pairs / rule.keyedRecords) per record): "
                + "its blocks grow with the data; add a key part"
        }
        return capped + growing
    }
}
