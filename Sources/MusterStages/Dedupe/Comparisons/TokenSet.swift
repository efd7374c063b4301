/// Whether two names share their words in any order, or one's words are all in the other
/// (`Siti Nurhaliza` / `Nurhaliza Siti`, `Siti Nur Haliza` / `Siti Haliza`): names lose and
/// swap words between a form, a KTP and an announcement.
enum TokenSet {
    /// Every word of the shorter name is in the longer one, and the shorter has at least two
    /// words (one shared word, `Siti`, is no evidence).
    static func contained(_ a: String, _ b: String) -> Bool {
        let (left, right) = (Set(a.split(separator: " ")), Set(b.split(separator: " ")))
        let (small, large) = left.count <= right.count ? (left, right) : (right, left)
        return small.count >= 2 && small.isSubset(of: large)
    }
}
