/// Jaro–Winkler similarity over bytes: 1 for equal strings, 0 for nothing in common, with a
/// bonus for a shared beginning (up to four bytes), as names typed twice tend to agree at
/// the start. Name keys are folded to ASCII by normalize, so bytes are characters here.
enum JaroWinkler {
    /// The similarity of `a` and `b`, in 0…1.
    static func similarity(_ a: String, _ b: String) -> Double {
        ByteText.withBytes(a, b, similarity)
    }

    static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        if a.isEmpty || b.isEmpty { return a.count == b.count ? 1 : 0 }
        let jaro = jaro(a, b)
        var prefix = 0
        while prefix < min(4, a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// Jaro similarity: matching bytes within half the longer length of each other, and the
    /// transpositions among them.
    private static func jaro(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: a.count + b.count) { flags in
            flags.initialize(repeating: false)
            return jaro(
                a, b, matchedA: UnsafeMutableBufferPointer(rebasing: flags[..<a.count]), matchedB: UnsafeMutableBufferPointer(rebasing: flags[a.count...]))
        }
    }

    /// Jaro with the match flags in caller-provided, zeroed buffers (on the stack: no heap
    /// allocation per pair).
    private static func jaro(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, matchedA: UnsafeMutableBufferPointer<Bool>,
        matchedB: UnsafeMutableBufferPointer<Bool>
    ) -> Double {
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var matches = 0
        for i in 0..<a.count {
            let start = max(0, i - window)
            let end = min(b.count - 1, i + window)
            guard start <= end else { continue }
            for j in start...end where !matchedB[j] && a[i] == b[j] {
                matchedA[i] = true
                matchedB[j] = true
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var j = 0
        for i in 0..<a.count where matchedA[i] {
            while !matchedB[j] { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        return (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions) / 2) / m) / 3
    }
}
