import MusterCore
import Testing

@testable import MusterStages

/// The byte-level fast paths against the plain rules they stand in for, on generated text
/// where the interesting byte falls at every offset of an eight-byte word.
@Suite struct ByteLevelRulesTests {
    private struct Generator {
        var random: SplitMix64
        init(seed: UInt64) { random = SplitMix64(seed: seed) }
        mutating func text(from alphabet: [String], length: Int) -> String {
            (0..<length).map { _ in random.pick(alphabet) }.joined()
        }
    }

    @Test func cleaningTrimsAndCollapsesWhitespaceWhereverItFalls() {
        var generator = Generator(seed: 0xC1EA)
        let alphabet = ["a", "b", "Z", "7", " ", " ", "\t", "\n", "\u{7F}", "\u{01}", "-"]
        for length in 0..<40 {
            for _ in 0..<60 {
                let raw = generator.text(from: alphabet, length: length)
                let words = raw.utf8.split(whereSeparator: { $0 <= 0x20 || $0 == 0x7F }).map { String(decoding: $0, as: UTF8.self) }
                #expect(TextNormalizer.clean(raw) == words.joined(separator: " "), "\(Array(raw.utf8))")
            }
        }
    }

    @Test func emailRuleAgreesWithItsCharacterForm() {
        // The rule as first written, over characters.
        func reference(_ value: String) -> Bool {
            let parts = value.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !value.contains(" ") else { return false }
            let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
            return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty } && (labels.last?.count ?? 0) >= 2
        }
        var generator = Generator(seed: 0xE4A1)
        let alphabet = ["a", "b", "@", ".", ".", " ", "x", "\r\n", "é", "-"]
        for length in 0..<14 {
            for _ in 0..<200 {
                let value = generator.text(from: alphabet, length: length)
                #expect(IdentifierRules.isWellFormedEmail(value) == reference(value), "\(value.debugDescription)")
            }
        }
        #expect(IdentifierRules.isWellFormedEmail("siti.aminah@example.co.id"))
        #expect(!IdentifierRules.isWellFormedEmail("siti@example"))
    }

    @Test func phoneAndNIKRulesAreExact() {
        #expect(IdentifierRules.isWellFormedPhone("+6281234567890"))
        #expect(!IdentifierRules.isWellFormedPhone("+62812+4567890"))
        #expect(!IdentifierRules.isWellFormedPhone("6281234567890"))
        #expect(!IdentifierRules.isWellFormedPhone("+628123"))
        #expect(IdentifierRules.isWellFormedNIK("3174014505880001"))
        #expect(!IdentifierRules.isWellFormedNIK("317401450588000"))
        #expect(!IdentifierRules.isWellFormedNIK("31740145058800a1"))
    }
}
