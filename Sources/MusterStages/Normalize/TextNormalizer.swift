internal import Foundation

/// Whitespace, Unicode and casing rules shared by every text field.
enum TextNormalizer {
    /// Values that mean "nothing here" in Indonesian sheets and forms.
    static let defaultPlaceholders: Set<String> = ["", "-", "--", ".", "0", "n/a", "na", "nil", "null", "none", "tidak ada", "belum ada", "tdk ada", "kosong"]

    /// NFKC, then trimmed with inner runs of whitespace collapsed to one space.
    static func clean(_ raw: String) -> String {
        raw.precomposedStringWithCompatibilityMapping
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }

    /// Display casing for names and places: each word capitalised, the rest lower case;
    /// letters after an apostrophe or hyphen start a new word part ("Ma'ruf", "Abdul-Aziz").
    static func titleCased(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        var startOfPart = true
        for character in text {
            if character.isLetter {
                result += startOfPart ? character.uppercased() : character.lowercased()
                startOfPart = false
            } else {
                result.append(character)
                startOfPart = character == " " || character == "-" || character == "(" || character == "/"
            }
        }
        return result
    }

    /// Digits only.
    static func digits(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.properties.numericType == .decimal && $0.isASCII }.map(Character.init))
    }
}
