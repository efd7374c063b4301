internal import Foundation

/// Seeded random numbers (SplitMix64) for the synthetic data generator, the benchmarks'
/// inputs and the property tests: fast, tiny, and the same on every platform and Swift
/// version, so one seed always gives the same values. Foundation's and the standard
/// library's generators make no such promise, nor do the standard library's
/// `random(in:using:)` draws, so the draws below are spelled out.
package struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (the modulo bias is below 2⁻⁴⁰ for the bounds used here).
    package mutating func below(_ bound: Int) -> Int {
        bound <= 1 ? 0 : Int(next() % UInt64(bound))
    }

    /// A number in `range`.
    package mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with probability `probability`.
    package mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) * 0x1p-53 < probability
    }

    /// One element of a non-empty array.
    package mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// An index drawn with the given relative weights.
    package mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var point = Double(next() >> 11) * 0x1p-53 * total
        for (index, weight) in weights.enumerated() {
            if point < weight { return index }
            point -= weight
        }
        return weights.count - 1
    }

    /// A Poisson-distributed count (Knuth's method; fine for the small means used here).
    package mutating func poisson(_ mean: Double) -> Int {
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

    /// `count` random decimal digits.
    package mutating func digits(_ count: Int) -> String {
        String(decoding: (0..<count).map { _ in UInt8(0x30 + next() % 10) }, as: UTF8.self)
    }

    /// An independent generator for one part of the output, so adding a file type later does
    /// not shift the numbers every other part draws.
    package mutating func split() -> SplitMix64 {
        SplitMix64(seed: next())
    }
}
