/// A candidate pair after scoring: the two records, the match weight, and the facts the
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
    /// The names agree closely (exactly or nearly): two NIKs one slip apart may then be one
    /// person's NIK mistyped, where without it they are twins or neighbours.
    var namesAgree = false
    /// One record carries no identifier, and the pair does not share its training batch and a
    /// close name: a news row's name and kelurahan alone cannot tell namesakes apart.
    var outsideContext = false
    /// The index of the candidate pair this is, for its evidence.
    var candidate: Int32 = -1
}
