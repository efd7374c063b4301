/// Whether two names share their words in any order, or one's words are all in the other
/// (`Siti Nurhaliza` / `Nurhaliza Siti`, `Siti Nur Haliza` / `Siti Haliza`): names lose and
/// swap words between a form, a KTP and an announcement.
enum TokenSet {
    /// Every word of the shorter name is in the longer one, and the shorter has at least two
    /// words (one shared word, `Siti`, is no evidence).
    static func contained(_ a: String, _ b: String, minimumWords: Int = 2) -> Bool {
        let (left, right) = (distinctWords(a), distinctWords(b))
        let (small, large) = left.count <= right.count ? (left, right) : (right, left)
        return small.count >= minimumWords && small.allSatisfy(large.contains)
    }

    /// A name's words, each once: a name has a handful, so an array beats building a set.
    private static func distinctWords(_ name: String) -> [Substring] {
        var words: [Substring] = []
        for word in name.split(separator: " ") where !words.contains(word) { words.append(word) }
        return words
    }

    /// The same number of words, and each word at least `threshold` Jaro–Winkler similar to
    /// the word in the same place.
    static func wordsSimilar(_ a: String, _ b: String, threshold: Double) -> Bool {
        let left = a.split(separator: " ")
        let right = b.split(separator: " ")
        guard left.count == right.count else { return false }
        for (x, y) in zip(left, right) where x != y {
            let inPlace = x.utf8.withContiguousStorageIfAvailable { l in y.utf8.withContiguousStorageIfAvailable { r in JaroWinkler.similarity(l, r) } }
            let similar = inPlace.flatMap { $0 } ?? JaroWinkler.similarity(String(x), String(y))
            if similar < threshold { return false }
        }
        return true
    }
}
