/// Indonesian phone numbers to E.164 (`+6281234567890`).
///
/// Accepts 0812-3456-7890, +62 812 3456 7890, 62812…, 0062…, 812…, +62 (0) 812…, Jakarta
/// landlines (021) 7890123 and 0812.3456.7890. A field holding several numbers
/// ("0812… / 0813…", "0812…, 021…", "0812… atau 0813…") gives the first valid one as the
/// primary and the rest as others. A number with another country's code (`+61 457 161 634`,
/// `0061 …`, `+1 (415) …`) stays that country's, in E.164, of kind `foreign`: it is never
/// read as an Indonesian number, and an Indonesian number in the same field is preferred as
/// the primary. A letter typed for a digit (`0815-22O2-6320`, `0877-3l96-196`) makes its
/// number unreadable rather than a shorter, different number; words around numbers
/// (`WA: 0812…`, `0812… (WA)`, `0812… a.n. Siti`) are fine. Works on UTF-8 bytes: no
/// Foundation, no allocation besides the results.
enum PhoneNormalizer {
    enum Kind: String {
        case mobile
        case landline
        case foreign
    }

    struct Result: Equatable {
        var primary: String?
        var kind: Kind?
        var others: [String] = []
        /// Parts that held digits but are not a possible number.
        var rejectedParts = 0
    }

    static func normalize(_ raw: String) -> Result {
        var result = Result()
        var digits = DigitBuffer()
        var utf8 = raw.utf8.makeIterator()
        var previous: UInt8 = 0x20
        var international = false
        var touch = LetterTouch.none
        func flush() {
            defer {
                digits.removeAll(keepingCapacity: true)
                international = false
            }
            guard !digits.isEmpty else { return }
            let found = digits.withDigits { foreign($0, international: international).map { ($0, Kind.foreign) } ?? canonical($0) }
            guard let (number, kind) = found else {
                result.rejectedParts += 1
                return
            }
            if result.primary == nil {
                result.primary = number
                result.kind = kind
            } else if result.kind == .foreign, kind != .foreign, let primary = result.primary {
                result.others.removeAll { $0 == number }
                result.others.insert(primary, at: 0)
                result.primary = number
                result.kind = kind
            } else if number != result.primary, !result.others.contains(number) {
                result.others.append(number)
            }
        }
        while let byte = utf8.next() {
            switch byte {
            case 0x2B where digits.isEmpty: international = true  // + before a number's first digit
            case 0x30...0x39:
                // `0815-22O2`, `0877-3l96`, `0812-O456`: a letter for a digit. The number is
                // not the one it reads as without the letter.
                if touch.rawValue >= LetterTouch.afterDigit.rawValue { digits.spoil() }
                touch = .none
                digits.append(byte)
            case 0x2F, 0x2C, 0x3B, 0x7C, 0x26:  // / , ; | &
                touch = .none
                flush()
            case 0x2D, 0x2E:  // - . inside a number
                touch = touch == .afterDigit ? .bridged : ByteText.isDigit(previous) ? .separator : .none
            case 0x61...0x7A, 0x41...0x5A:
                if ByteText.isLetter(previous) { break }
                // A word between numbers ("atau", "dan", "or", "wa") separates them.
                if previous == 0x20 && !digits.isEmpty && digits.count >= 8 { flush() }
                touch = ByteText.isDigit(previous) ? .afterDigit : touch == .separator ? .afterSeparator : .none
            default:
                touch = .none
            }
            previous = byte
        }
        flush()
        return result
    }

    /// Where the bytes just read stand against the number being read: from `afterDigit` on, a
    /// digit next puts letters between two of its digits.
    private enum LetterTouch: UInt8 {
        case none
        /// A `-` or `.` right after a digit (`0812-`).
        case separator
        /// Letters right after a digit (`22O`).
        case afterDigit
        /// Letters right after a digit and a `-` or `.` (`0812-O`).
        case afterSeparator
        /// Letters right after a digit, then a `-` or `.` (`345O-`).
        case bridged
    }

    /// Up to 20 digits on the stack: a phone field's numbers are read without allocating.
    struct DigitBuffer {
        private var storage: (UInt64, UInt64, UInt64) = (0, 0, 0)
        private(set) var count = 0
        var isEmpty: Bool { count == 0 }

        mutating func append(_ digit: UInt8) {
            guard count < 24 else {
                count += 1
                return
            }
            withUnsafeMutableBytes(of: &storage) { $0[count] = digit }
            count += 1
        }

        mutating func removeAll(keepingCapacity: Bool) { count = 0 }

        /// Marks the digits as no number: ``withDigits(_:)`` gives nil until they are removed.
        mutating func spoil() { count = max(count, 25) }

        /// The digits, or nil when more than the buffer holds (no phone number is that long).
        func withDigits<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
            guard count <= 24 else { return nil }
            return withUnsafeBytes(of: storage) { raw in body(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0..<count])) }
        }
    }

    /// A number with another country's code, in E.164: `+` or the international prefix `00`,
    /// then a country code other than Indonesia's 62, 8 to 15 digits in all. Nil otherwise.
    static func foreign(_ input: UnsafeBufferPointer<UInt8>, international: Bool) -> String? {
        var start = 0
        if !international {
            guard input.count > 2, input[0] == 0x30, input[1] == 0x30 else { return nil }
            start = 2
        }
        let number = input[start...]
        guard let first = number.first, first != 0x30, (8...15).contains(number.count) else { return nil }
        if first == 0x36, number.dropFirst().first == 0x32 { return nil }  // 62: Indonesia
        return e164(countryCode: "", number)
    }

    /// `+`, the country code's digits, then the number's: E.164 text.
    private static func e164(countryCode: StaticString, _ number: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        ByteText.string(capacity: number.count + countryCode.utf8CodeUnitCount + 1) { buffer in
            buffer[0] = 0x2B
            var count = 1
            for index in 0..<countryCode.utf8CodeUnitCount {
                buffer[count] = countryCode.utf8Start[index]
                count += 1
            }
            for digit in number {
                buffer[count] = digit
                count += 1
            }
            return count
        }
    }

    static func canonical(_ input: [UInt8]) -> (String, Kind)? {
        input.withUnsafeBufferPointer { canonical($0) }
    }

    /// One number's digits to E.164 and its kind, or nil when it cannot be an Indonesian number.
    static func canonical(_ input: UnsafeBufferPointer<UInt8>) -> (String, Kind)? {
        var start = 0
        if input.count >= 4, input[0] == 0x30, input[1] == 0x30, input[2] == 0x36, input[3] == 0x32 {
            start = 4
        }  // 0062
        else if input.count >= 10, input[0] == 0x36, input[1] == 0x32 {
            start = 2
        }  // 62
        if start < input.count, input[start] == 0x30 { start += 1 }  // trunk 0, also "+62 (0) 812"
        let national = input[start...]
        guard let first = national.first else { return nil }
        let kind: Kind
        switch first {
        case 0x38:  // 8: mobile, 9–12 digits (0812-345-678 … 0812-3456-78901)
            guard (9...12).contains(national.count) else { return nil }
            kind = .mobile
        case 0x32...0x37, 0x39:  // area code 2x–7x, 9x: landline, 8–11 digits ((021) 7890123)
            guard (8...11).contains(national.count) else { return nil }
            kind = .landline
        default:
            return nil
        }
        return (e164(countryCode: "62", national), kind)
    }

    static func canonical(_ raw: String) -> String? {
        normalize(raw).primary
    }
}
