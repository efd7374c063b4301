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

    @Test(arguments: [
        ("siti.aminah@example.co.id", true), ("Siti.Aminah@Example.COM", true), ("siti@example", false), ("siti@@example.com", false),
        ("siti@example..com", false), (".siti@example.com", false), ("siti.@example.com", false), ("siti@example.c0m", false),
        ("siti aminah@example.com", false), ("siti(at)example.com", false), ("siti@-example.com", true), ("o'neil+kursus@example.com", true),
    ])
    func oneEmailSyntaxForNormalizeValidateAndDedupe(address: String, wellFormed: Bool) throws {
        #expect(EmailNormalizer.isWellFormed(address) == wellFormed)
        // Normalize raises its issue exactly when validate's email-format rule fails and dedupe
        // refuses the address as evidence.
        let flagged = Normalizing.values([Field.email: address]).issues.contains { $0.code == "email.syntax" }
        #expect(flagged == !wellFormed)
        let canonical = EmailNormalizer.canonical(address)
        #expect(IdentifierRules.isUsable(canonical, field: Field.email) == wellFormed)
        let rule = FormatRule(
            header: RuleHeader(id: "email-format", type: FormatRule.type, severity: .error, message: nil, scope: .record, kind: .participant),
            field: Field.email, format: .email)
        let subject = RuleSubject(
            values: FieldValues([Field.email: canonical]), issues: [], enrollments: [], members: [], isParticipant: false, runDay: Day.today())
        #expect(rule.check(subject).isEmpty == wellFormed)
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
