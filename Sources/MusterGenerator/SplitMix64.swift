internal import Foundation

/// The generator's own seeded random numbers (SplitMix64): fast, tiny, and the same on every
/// platform and Swift version, so one seed always gives the same bytes. Foundation's and the
/// standard library's generators make no such promise.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (the modulo bias is below 2⁻⁴⁰ for the bounds used here).
    mutating func below(_ bound: Int) -> Int {
        bound <= 1 ? 0 : Int(next() % UInt64(bound))
    }

    /// A number in `range`.
    mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) * 0x1p-53 < probability
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// An index drawn with the given relative weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var point = Double(next() >> 11) * 0x1p-53 * total
        for (index, weight) in weights.enumerated() {
            if point < weight { return index }
            point -= weight
        }
        return weights.count - 1
    }

    /// A Poisson-distributed count (Knuth's method; fine for the small means used here).
    mutating func poisson(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        let limit = exp(-mean)
        var product = 1.0
        var count = -1
        repeat {
            count += 1
            product *= Double(next() >> 11) * 0x1p-53
        } while product > limit && count < 64
        return count
    }

    /// An independent generator for one part of the output, so adding a file type later does
    /// not shift the numbers every other part draws.
    mutating func split() -> SplitMix64 {
        SplitMix64(seed: next())
    }
}
