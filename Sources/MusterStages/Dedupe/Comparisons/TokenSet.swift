/// Whether two names share their words in any order, or one's words are all in the other
/// (`Siti Nurhaliza` / `Nurhaliza Siti`, `Siti Nur Haliza` / `Siti Haliza`): names lose and
/// swap words between a form, a KTP and an announcement.
enum TokenSet {
    /// Every word of the shorter name is in the longer one, and the shorter has at least two
    /// words (one shared word, `Siti`, is no evidence).
    static func contained(_ a: String, _ b: String, minimumWords: Int = 2) -> Bool {
        let (left, right) = (Set(a.split(separator: " ")), Set(b.split(separator: " ")))
        let (small, large) = left.count <= right.count ? (left, right) : (right, left)
        return small.count >= minimumWords && small.isSubset(of: large)
    }

    /// The same number of words, and each word at least `threshold` Jaro–Winkler similar to
    /// the word in the same place.
    static func wordsSimilar(_ a: String, _ b: String, threshold: Double) -> Bool {
        let left = a.split(separator: " ")
        let right = b.split(separator: " ")
        guard left.count == right.count else { return false }
        for (x, y) in zip(left, right) where x != y {
            var x = String(x)
            var y = String(y)
            let similar = x.withUTF8 { l in y.withUTF8 { r in JaroWinkler.similarity(l, r) } }
            if similar < threshold { return false }
        }
        return true
    }
}
