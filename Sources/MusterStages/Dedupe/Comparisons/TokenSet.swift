/// Whether two names share their words in any order, or one's words are all in the other
/// (`Siti Nurhaliza` / `Nurhaliza Siti`, `Siti Nur Haliza` / `Siti Haliza`): names lose and
/// swap words between a form, a KTP and an announcement.
///
/// Words are byte ranges of the names' UTF-8, kept on the stack: these run on millions of
/// candidate pairs, and splitting each name into an array of words per pair cost more than
/// the comparing.
enum TokenSet {
    /// Every word of the shorter name is in the longer one, and the shorter has at least two
    /// words (one shared word, `Siti`, is no evidence).
    static func contained(_ a: String, _ b: String, minimumWords: Int = 2) -> Bool {
        ByteText.withBytes(a, b) { left, right in
            words(of: left, distinct: true) { leftWords in
                words(of: right, distinct: true) { rightWords in
                    let leftIsSmaller = leftWords.count <= rightWords.count
                    let (small, smallText) = leftIsSmaller ? (leftWords, left) : (rightWords, right)
                    let (large, largeText) = leftIsSmaller ? (rightWords, right) : (leftWords, left)
                    guard small.count >= minimumWords else { return false }
                    return small.allSatisfy { word in
                        large.contains { equal(smallText, word, largeText, $0) }
                    }
                }
            }
        }
    }

    /// The same number of words, and each word at least `threshold` Jaro–Winkler similar to
    /// the word in the same place.
    static func wordsSimilar(_ a: String, _ b: String, threshold: Double) -> Bool {
        ByteText.withBytes(a, b) { left, right in
            words(of: left, distinct: false) { leftWords in
                words(of: right, distinct: false) { rightWords in
                    guard leftWords.count == rightWords.count else { return false }
                    for (x, y) in zip(leftWords, rightWords) where !equal(left, x, right, y) {
                        let similarity = JaroWinkler.similarity(
                            UnsafeBufferPointer(rebasing: left[x]), UnsafeBufferPointer(rebasing: right[y]))
                        if similarity < threshold { return false }
                    }
                    return true
                }
            }
        }
    }

    /// Calls `body` with the byte ranges of `text`'s words (split at spaces, empty ones
    /// dropped), each once when `distinct`.
    private static func words<R>(of text: UnsafeBufferPointer<UInt8>, distinct: Bool, _ body: (UnsafeBufferPointer<Range<Int>>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: text.count / 2 + 1) { buffer in
            var count = 0
            var start = 0
            func add(_ end: Int) {
                guard end > start else { return }
                let word = start..<end
                if distinct, buffer[..<count].contains(where: { equal(text, $0, text, word) }) { return }
                buffer.initializeElement(at: count, to: word)
                count += 1
            }
            for (index, byte) in text.enumerated() where byte == 0x20 {
                add(index)
                start = index + 1
            }
            add(text.count)
            defer { buffer.baseAddress?.deinitialize(count: count) }
            return body(UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    @inline(__always)
    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ x: Range<Int>, _ b: UnsafeBufferPointer<UInt8>, _ y: Range<Int>) -> Bool {
        guard x.count == y.count else { return false }
        for offset in 0..<x.count where a[x.lowerBound + offset] != b[y.lowerBound + offset] { return false }
        return true
    }
}
