/// A candidate pair after scoring: the two records, the match weight, and the two facts the
/// clustering guards need.
struct ScoredPair: Sendable, Equatable {
    var a: Int32
    var b: Int32
    /// The Fellegi–Sunter match weight (log2 of the odds).
    var weight: Double
    /// The names fell to the `else` level: a shared phone or e-mail alone then proves nothing
    /// (a family writes one WhatsApp number).
    var namesDisagree = false
    /// The NIKs agree exactly.
    var nikAgrees = false
}
