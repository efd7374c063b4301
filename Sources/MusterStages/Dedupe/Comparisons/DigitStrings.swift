/// How two identifier strings of digits differ, for the levels of NIK and phone comparisons:
/// one digit mistyped, two neighbours swapped, or the same tail. Bytes are compared in
/// place: these run on millions of candidate pairs.
enum DigitStrings {
    /// Same length, exactly one position different.
    static func differByOneDigit(_ a: String, _ b: String) -> Bool {
        ByteText.withBytes(a, b) { a, b in
            guard a.count == b.count else { return false }
            var differences = 0
            for index in a.indices where a[index] != b[index] {
                differences += 1
                if differences > 1 { return false }
            }
            return differences == 1
        }
    }

    /// Same length, equal but for two neighbouring digits swapped (`…0172…` / `…0712…`).
    static func differByTransposition(_ a: String, _ b: String) -> Bool {
        ByteText.withBytes(a, b) { a, b in
            guard a.count == b.count, let first = a.indices.first(where: { a[$0] != b[$0] }) else { return false }
            let second = first + 1
            guard second < a.count, a[first] == b[second], a[second] == b[first] else { return false }
            return a[(second + 1)...].elementsEqual(b[(second + 1)...])
        }
    }

    /// The last `count` characters are equal (a phone written with and without its code).
    static func sameSuffix(_ a: String, _ b: String, count: Int) -> Bool {
        ByteText.withBytes(a, b) { a, b in
            guard a.count >= count, b.count >= count else { return false }
            return a.suffix(count).elementsEqual(b.suffix(count))
        }
    }
}
