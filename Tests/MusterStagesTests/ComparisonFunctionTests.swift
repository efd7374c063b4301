import Testing

@testable import MusterStages

/// The similarity functions the matcher's comparison levels are made of, on names, NIKs,
/// phones and dates as they differ between two records of one person.
@Suite struct ComparisonFunctionTests {
    @Test(arguments: [
        ("martha", "marhta", 0.9611), ("dwayne", "duane", 0.84), ("dixon", "dicksonx", 0.8133), ("siti nurhaliza", "siti nurhalizah", 0.9867),
        ("budi", "budi", 1.0), ("abc", "xyz", 0.0), ("", "", 1.0), ("a", "", 0.0),
    ])
    func jaroWinklerKnownValues(a: String, b: String, expected: Double) {
        #expect(abs(JaroWinkler.similarity(a, b) - expected) < 0.0001, "\(a) / \(b): \(JaroWinkler.similarity(a, b))")
        #expect(JaroWinkler.similarity(a, b) == JaroWinkler.similarity(b, a))
    }

    @Test(arguments: [
        ("3174015203870001", "3174015203870002", true, false), ("3174015203870001", "3174015203870001", false, false),
        ("3174015203870012", "3174015203870021", false, true), ("3174015230870001", "3174015203870001", false, true),
        ("3174015203870001", "317401520387001", false, false), ("3174015203870011", "3174015203870022", false, false),
    ])
    func nikLevels(a: String, b: String, oneDigit: Bool, transposed: Bool) {
        #expect(DigitStrings.differByOneDigit(a, b) == oneDigit)
        #expect(DigitStrings.differByTransposition(a, b) == transposed)
    }

    @Test func phonesWithTheSameTail() {
        #expect(DigitStrings.sameSuffix("+6281234567890", "+62881234567890", count: 9))
        #expect(!DigitStrings.sameSuffix("+6281234567890", "+6281234567891", count: 9))
        #expect(!DigitStrings.sameSuffix("+62812", "+62812", count: 9))
    }

    @Test(arguments: [
        ("1988-05-04", "1988-04-05", true, false), ("1988-05-05", "1988-05-05", false, false), ("1988-05-04", "1989-05-04", false, true),
        ("1988-05-04", "1988-05-14", false, true), ("1988-05-04", "1987-04-05", false, false), ("1988-05-04", "", false, false),
    ])
    func dateLevels(a: String, b: String, swapped: Bool, onePart: Bool) {
        #expect(DateParts.dayAndMonthSwapped(a, b) == swapped)
        #expect(DateParts.onePartDifferent(a, b) == onePart)
    }

    @Test(arguments: [
        ("siti nurhaliza", "nurhaliza siti", true), ("siti nur haliza", "siti haliza", true), ("siti aminah", "siti rahayu", false),
        ("siti", "siti aminah", false), ("muhamad rizki", "muhamad rizki pratama", true),
        // A repeated word counts once; doubled and outer spaces make no word.
        ("siti siti aminah", "aminah siti", true), (" siti  aminah ", "aminah siti", true), ("siti siti", "siti aminah", false),
        ("rené lestari", "lestari rené", true), ("", "siti aminah", false),
    ])
    func namesSharingTheirWords(a: String, b: String, contained: Bool) {
        #expect(TokenSet.contained(a, b) == contained)
    }

    @Test(arguments: [
        ("ahmad hidajat", "ahmad hidayat", true), ("siti nurhaliza", "siti nurhalizah", true), ("sri gunawan", "masih gunawan", false),
        ("siti aminah", "siti aminah rahayu", false), ("siti  aminah", "siti aminah", true), ("aminah siti", "siti aminah", false),
    ])
    func namesAlikeWordByWord(a: String, b: String, alike: Bool) {
        #expect(TokenSet.wordsSimilar(a, b, threshold: 0.9) == alike)
    }
}
