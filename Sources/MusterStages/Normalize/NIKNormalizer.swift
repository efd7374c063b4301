/// NIK, the 16-digit national ID: `PP RR DD ddmmyy SSSS` — province, regency, district
/// (together the kecamatan code), birth date with 40 added to the day for women, serial.
enum NIKNormalizer {
    /// Indonesia's province codes (Kemendagri), for NIKs from outside DKI Jakarta.
    static let provinces: [Bool] = {
        var table = [Bool](repeating: false, count: 100)
        for code in [
            11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
            71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
        ] { table[code] = true }
        return table
    }()

    struct Parts: Equatable {
        /// Kecamatan code, dotted (`31.74.01`).
        var district: String
        /// The first six digits as a number (`317401`).
        var districtNumber: Int
        var province: Int
        var birthDate: Day?
        var gender: String
    }

    /// The NIK with spaces, dots, dashes (and `_`, `/`) removed; other characters are kept
    /// so a value such as `3,17401E+15` stays visibly malformed for validate.
    static func canonical(_ cleaned: String) -> String {
        let utf8 = cleaned.utf8
        if utf8.count == 16, ByteText.all(cleaned, ByteText.isDigit) { return cleaned }
        return ByteText.string(capacity: utf8.count) { buffer in
            var count = 0
            for byte in utf8 where byte != 0x20 && byte != 0x2E && byte != 0x2D && byte != 0x5F && byte != 0x2F {
                buffer[count] = byte
                count += 1
            }
            return count
        }
    }

    /// Splits a 16-digit NIK; `reference` decides the century of the two-digit year: the
    /// birth date is the latest one not after it. The birth date is nil when it is not a
    /// real day.
    static func split(_ nik: String, reference: Day) -> Parts {
        var nik = nik
        return nik.withUTF8 { bytes in
            func d(_ index: Int) -> Int { Int(bytes[index]) - 0x30 }
            let district = ByteText.string(capacity: 8) { buffer in
                buffer[0] = bytes[0]
                buffer[1] = bytes[1]
                buffer[2] = 0x2E
                buffer[3] = bytes[2]
                buffer[4] = bytes[3]
                buffer[5] = 0x2E
                buffer[6] = bytes[4]
                buffer[7] = bytes[5]
                return 8
            }
            var day = d(6) * 10 + d(7)
            let female = day > 40
            if female { day -= 40 }
            let month = d(8) * 10 + d(9)
            let yy = d(10) * 10 + d(11)
            var year = reference.year / 100 * 100 + yy
            if (year, month, day) > (reference.year, reference.month, reference.day) { year -= 100 }
            return Parts(
                district: district,
                districtNumber: (0..<6).reduce(0) { $0 * 10 + d($1) },
                province: d(0) * 10 + d(1),
                birthDate: DateNormalizer.day(year: year, month: month, day: day),
                gender: female ? "P" : "L"
            )
        }
    }
}
