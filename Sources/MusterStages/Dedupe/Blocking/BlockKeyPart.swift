package import MusterCore

/// One part of a blocking key: a canonical field as it is, or a value derived from one.
///
/// Decoded from pipeline.json as a field name or a one-key object: `"nik"`,
/// `{"birthYear": "birthDate"}`, `{"firstWord": "nameKey"}`, `{"lastWord": "nameKey"}`,
/// `{"phonetic": "nameKey"}`, `{"prefix": ["nik", 6]}`.
package enum BlockKeyPart: Sendable, Equatable {
    /// The field's value.
    case field(String)
    /// The first four characters of an ISO date, when they are digits (`1987`).
    case birthYear(String)
    /// The first space-separated word (a given name in a name key).
    case firstWord(String)
    /// The last space-separated word (often the family name in a name key).
    case lastWord(String)
    /// The ``PhoneticCode`` of the last word.
    case phonetic(String)
    /// The first N characters, when the value has at least N (a NIK's region: `["nik", 6]`).
    case prefix(String, Int)

    /// The field the part reads.
    package var field: String {
        switch self {
        case .field(let field), .birthYear(let field), .firstWord(let field), .lastWord(let field), .phonetic(let field), .prefix(let field, _): field
        }
    }

    /// The part's value for one record, or nil when the record lacks it (the field is missing
    /// or empty, or too short, or has no word to take).
    package func value(in values: FieldValues) -> String? {
        guard let value = values[field], !value.isEmpty else { return nil }
        switch self {
        case .field: return value
        case .birthYear:
            let year = value.utf8.prefix(4)
            guard year.count == 4, year.allSatisfy(ByteText.isDigit) else { return nil }
            return String(value.prefix(4))
        case .firstWord: return value.split(separator: " ").first.map(String.init)
        case .lastWord: return value.split(separator: " ").last.map(String.init)
        case .phonetic: return value.split(separator: " ").last.flatMap { PhoneticCode.of($0) }
        case .prefix(_, let length):
            guard value.count >= length else { return nil }
            return String(value.prefix(length))
        }
    }

    /// The part's name in reports (`nik`, `birthYear(birthDate)`, `prefix(nik, 6)`).
    package var label: String {
        switch self {
        case .field(let field): field
        case .birthYear(let field): "birthYear(\(field))"
        case .firstWord(let field): "firstWord(\(field))"
        case .lastWord(let field): "lastWord(\(field))"
        case .phonetic(let field): "phonetic(\(field))"
        case .prefix(let field, let length): "prefix(\(field), \(length))"
        }
    }
}

extension BlockKeyPart: Decodable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static let derived = ["birthYear", "firstWord", "lastWord", "phonetic", "prefix"]
    static let expectation = "a field name or an object with one key: " + derived.joined(separator: ", ")
    static let prefixExpectation = #"[field, length] with a length of 1 to 64, such as ["nik", 6]"#

    package init(from decoder: any Decoder) throws {
        if let field = try? decoder.singleValueContainer().decode(String.self) {
            guard !field.isEmpty else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Self.expectation)) }
            self = .field(field)
            return
        }
        guard let container = try? decoder.container(keyedBy: Key.self), container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Self.expectation))
        }
        if key.stringValue == "prefix" {
            guard var pair = try? container.nestedUnkeyedContainer(forKey: key), pair.count == 2,
                let field = try? pair.decode(String.self), !field.isEmpty,
                let length = try? pair.decode(Int.self), (1...64).contains(length)
            else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: Self.prefixExpectation)
            }
            self = .prefix(field, length)
            return
        }
        guard Self.derived.contains(key.stringValue) else {
            let suggestion = EditDistance.suggestion(for: key.stringValue, among: Self.derived).map { " (did you mean '\($0)'?)" } ?? ""
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Self.expectation + suggestion))
        }
        guard let field = try? container.decode(String.self, forKey: key), !field.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "the name of a field")
        }
        switch key.stringValue {
        case "birthYear": self = .birthYear(field)
        case "firstWord": self = .firstWord(field)
        case "lastWord": self = .lastWord(field)
        default: self = .phonetic(field)
        }
    }
}
