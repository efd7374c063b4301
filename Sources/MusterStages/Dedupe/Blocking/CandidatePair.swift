/// Two records worth comparing, and the first blocking rule that brought them together.
package struct CandidatePair: Sendable, Hashable {
    /// The lower record number.
    package let first: Int
    /// The higher record number.
    package let second: Int
    /// The index, in the rules given, of the first rule whose key the two records share.
    package let rule: Int

    package init(first: Int, second: Int, rule: Int) {
        self.first = first
        self.second = second
        self.rule = rule
    }
}
