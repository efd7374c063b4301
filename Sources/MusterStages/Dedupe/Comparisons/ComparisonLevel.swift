/// One level of a comparison: a test two values pass or fail. A comparison's levels are tried
/// most specific first; the first that holds is the pair's level for that comparison.
///
/// Levels are values, decoded from pipeline.json as a name or a one-key object
/// (`"exact"`, `{"jaroWinkler": 0.92}`, `{"sameSuffix": 9}`, `{"sameField": "kecamatanCode"}`),
/// so an office links another person dataset by configuration alone.
enum ComparisonLevel: Sendable, Equatable {
    /// The two values are equal.
    case exact
    /// Jaro–Winkler similarity at least this (names).
    case jaroWinkler(Double)
    /// The same number of words, each Jaro–Winkler similar to the word in its place at least
    /// this much: a typo or an old spelling in one word (`hidajat`/`hidayat`), where a whole-name
    /// similarity would also pass two people who share only a family name
    /// (`sri gunawan`/`masih gunawan` is 0.89 as whole names).
    case allWords(Double)
    /// The shorter name's words (two or more) are all in the longer one.
    case tokenSet
    /// The shorter name's words, even one alone, are all in the longer one (`novi` /
    /// `novi ramadan`): weak alone, telling within one training batch.
    case wordSubset
    /// Equal length, one character different (a mistyped NIK digit).
    case oneDigitOff
    /// Two neighbouring characters swapped.
    case transposition
    /// The last N characters equal (a phone with and without its code).
    case sameSuffix(Int)
    /// ISO dates with day and month swapped.
    case dayMonthSwapped
    /// ISO dates with exactly one of year, month, day different.
    case onePartOff
    /// Another field is equal on both records (kelurahan codes differ, kecamatan codes agree).
    case sameField(String)

    /// Whether the pair passes: `a` and `b` are the compared field's values, present on both;
    /// `other` reads another field of each record.
    func holds(_ a: String, _ b: String, other: (String) -> (String?, String?)) -> Bool {
        switch self {
        case .exact: return a == b
        case .jaroWinkler(let threshold): return JaroWinkler.similarity(a, b) >= threshold
        case .allWords(let threshold): return TokenSet.wordsSimilar(a, b, threshold: threshold)
        case .tokenSet: return TokenSet.contained(a, b)
        case .wordSubset: return TokenSet.contained(a, b, minimumWords: 1)
        case .oneDigitOff: return DigitStrings.differByOneDigit(a, b)
        case .transposition: return DigitStrings.differByTransposition(a, b)
        case .sameSuffix(let count): return DigitStrings.sameSuffix(a, b, count: count)
        case .dayMonthSwapped: return DateParts.dayAndMonthSwapped(a, b)
        case .onePartOff: return DateParts.onePartDifferent(a, b)
        case .sameField(let field):
            let (left, right) = other(field)
            guard let left, let right else { return false }
            return left == right
        }
    }

    /// The level's name in reports and evidence (`jaroWinkler≥0.92`).
    var label: String {
        switch self {
        case .exact: "exact"
        case .jaroWinkler(let threshold): "jaroWinkler≥\(threshold)"
        case .allWords(let threshold): "allWords≥\(threshold)"
        case .tokenSet: "tokenSet"
        case .wordSubset: "wordSubset"
        case .oneDigitOff: "oneDigitOff"
        case .transposition: "transposition"
        case .sameSuffix(let count): "sameSuffix\(count)"
        case .dayMonthSwapped: "dayMonthSwapped"
        case .onePartOff: "onePartOff"
        case .sameField(let field): "same \(field)"
        }
    }
}

extension ComparisonLevel: Decodable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The levels without a parameter, decoded by their ``label``.
    static let plain: [ComparisonLevel] = [.exact, .tokenSet, .wordSubset, .oneDigitOff, .transposition, .dayMonthSwapped, .onePartOff]
    static let names = plain.map(\.label)
    static let parameterised = ["jaroWinkler", "allWords", "sameSuffix", "sameField"]

    init(from decoder: any Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            guard let level = Self.plain.first(where: { $0.label == name }) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "a level: one of " + Self.names.joined(separator: ", ") + ", or an object"))
            }
            self = level
            return
        }
        let container = try decoder.container(keyedBy: Key.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "one key: " + Self.parameterised.joined(separator: ", ")))
        }
        func similarity() throws -> Double {
            let threshold = try container.decode(Double.self, forKey: key)
            guard (0...1).contains(threshold) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "a similarity between 0 and 1")
            }
            return threshold
        }
        switch key.stringValue {
        case "jaroWinkler": self = .jaroWinkler(try similarity())
        case "allWords": self = .allWords(try similarity())
        case "sameSuffix":
            let count = try container.decode(Int.self, forKey: key)
            guard (1...32).contains(count) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "a number of characters, 1–32")
            }
            self = .sameSuffix(count)
        case "sameField": self = .sameField(try container.decode(String.self, forKey: key))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "one of " + Self.parameterised.joined(separator: ", "))
        }
    }
}
