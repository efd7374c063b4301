/// The character encoding of one sheet, decided once for the whole file.
///
/// UTF-8 and Windows-1252 (and the two mixed) are ASCII-compatible, so their bytes go to
/// libcsv unchanged and each field is decoded on its own (a bad field is rejected, the rest
/// of the file is kept). UTF-16 is transcoded to UTF-8 before libcsv sees it.
enum TextEncoding: Equatable {
    case utf8
    case utf16LittleEndian
    case utf16BigEndian
    case windows1252
    /// UTF-8 with a few bytes that are not (a cell pasted in from a Windows-1252 file):
    /// each field is read as UTF-8, and only its invalid bytes as Windows-1252.
    case utf8WithWindows1252

    /// How long the byte order mark at the start of the file is, if there is one.
    static func byteOrderMark(in prefix: some Collection<UInt8>) -> (encoding: TextEncoding, markLength: Int)? {
        let bytes = Array(prefix.prefix(3))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        return nil
    }

    /// Guesses UTF-16 without a byte order mark from where the zero bytes fall: ASCII text
    /// in UTF-16 has a zero in every other byte, which UTF-8 and Windows-1252 never have.
    static func guessUTF16(in prefix: some Collection<UInt8>) -> TextEncoding? {
        let sample = Array(prefix.prefix(1024))
        guard sample.count >= 4 else { return nil }
        var zeros = (even: 0, odd: 0)
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index.isMultiple(of: 2) { zeros.even += 1 } else { zeros.odd += 1 }
        }
        let half = sample.count / 2
        if zeros.odd * 10 >= half * 4 && zeros.even * 20 <= half { return .utf16LittleEndian }
        if zeros.even * 10 >= half * 4 && zeros.odd * 20 <= half { return .utf16BigEndian }
        return nil
    }

    /// The name used in rejection messages.
    var name: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian, .utf16BigEndian: "UTF-16"
        case .windows1252: "Windows-1252"
        case .utf8WithWindows1252: "UTF-8 or Windows-1252"
        }
    }

    /// Decodes one field's bytes (as given to libcsv), or nil when they are not valid text
    /// in this encoding; invalid bytes never become U+FFFD.
    func decode(_ bytes: some Collection<UInt8>) -> String? {
        switch self {
        case .utf8, .utf16LittleEndian, .utf16BigEndian:
            // The module's own validator is specialized and much cheaper here than the
            // generic String(validating:); once valid, decoding cannot repair anything.
            var validator = UTF8Validator()
            validator.consume(bytes)
            guard validator.isComplete else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        case .windows1252:
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                guard let scalar = Self.windows1252Scalar(byte) else { return nil }
                scalars.append(scalar)
            }
            return String(scalars)
        case .utf8WithWindows1252:
            var validator = UTF8Validator()
            validator.consume(bytes)
            guard validator.isComplete else { return Self.decodeRepairing(Array(bytes)) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// UTF-8 where it is valid, each byte of an invalid sequence as Windows-1252; nil when
    /// such a byte is undefined there too (0x81, 0x8D, 0x8F, 0x90, 0x9D).
    private static func decodeRepairing(_ bytes: [UInt8]) -> String? {
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length > 0 {
                scalars.append(contentsOf: String(decoding: bytes[index..<index + length], as: UTF8.self).unicodeScalars)
                index += length
            } else {
                guard let scalar = windows1252Scalar(bytes[index]) else { return nil }
                scalars.append(scalar)
                index += 1
            }
        }
        return String(scalars)
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`, 0 when there is none.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        guard let sequence = UTF8Validator.sequence(startingWith: bytes[index]), index + sequence.continuations < bytes.count else { return 0 }
        for offset in stride(from: 1, through: sequence.continuations, by: 1) {
            let byte = bytes[index + offset]
            guard byte >= (offset == 1 ? sequence.lower : 0x80), byte <= (offset == 1 ? sequence.upper : 0xBF) else { return 0 }
        }
        return sequence.continuations + 1
    }

    /// Windows-1252 is Latin-1 except for 0x80–0x9F, where five bytes are undefined.
    private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let value = windows1252High[Int(byte) - 0x80]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
