/// The lines below a list of participants that are not people: signature blocks and totals,
/// as attendance sheets and announcement tables end. An importer rejects such a row with
/// ``rejectionMessage`` (it is quarantined as `malformed-record`, so it is neither a
/// participant nor lost).
///
/// A row is one when it holds no identifier (a NIK, phone or e-mail cell that is not
/// itself footer text such as `38 orang`) and
/// - its name cell is footer text as a whole (``isFooterText(_:)``), whatever its other
///   cells hold (`Mengetahui,` beside `Jakarta, 22 Oktober 2024`); or
/// - a cell reads `NIP. 1975…`: an official's name above their civil-servant number; or
/// - its name cell is empty or a number, and every other cell is footer text or a number,
///   one at least footer text (`Jumlah` in the `No` column, `30 orang` beside it).
///
/// Footer texts, matched on the whole cell, case and punctuation ignored:
/// - closings: `Mengetahui`, `Menyetujui`, `Mengesahkan`, `Diketahui`/`Disetujui`/`Disahkan`
///   (`oleh`), `Dibuat`/`Disusun`/`Diperiksa oleh`, `Hormat kami`, `Yang membuat`,
///   `Yang menerima`, `ttd`, `Tanda tangan`, and anything after them;
/// - totals: `Total`, `Jumlah`, `Subtotal`, `Sub total`, `Grand total`, followed only by
///   numbers and words such as `peserta`, `hadir`, `orang` (`Jumlah Peserta: 40`);
/// - counts: a number and `orang`, `org`, `peserta`, `pendaftar` or `pax` (`30 orang`);
/// - offices: `Kepala`, `Kasi`, `Kasudin`, `Kabid`, `Lurah`, `Camat`, `Sekcam`, `Seklur`,
///   `Instruktur`, `Narasumber`, `Fasilitator`, `Koordinator`, alone or with anything after
///   (`Kepala Seksi Perindustrian`), also after `a.n.`, `Plt.`, `Plh.`; `Ketua`, `Wakil Ketua`,
///   `Sekretaris` and `Bendahara` only before a body (`Ketua RW 05`, `Ketua Panitia`), as
///   `Ketua` alone may stand before a name;
/// - `NIP`, alone or with its digits;
/// - a place and date: a word, a comma, then a day, a month and a year (`Jakarta, 22 Oktober
///   2024`);
/// - a blank to sign on: brackets, dots and underscores only (`(..........)`).
package enum FooterRow {
    /// The rejection's message.
    package static let rejectionMessage = "the row is a signature or totals line, not a participant"

    /// Whether a row with these fields, and these other cells (extras, attendance marks, a
    /// training's cells), is a signature or totals line. `otherCells` is only asked for when
    /// the fields hold no identifier.
    package static func matches(_ fields: FieldValues, otherCells: () -> [String]) -> Bool {
        // Most rows hold a NIK or a phone: they are settled here, by a few bytes of it.
        var identifiers: [String] = []
        for field in identifierFields {
            guard let value = fields[field] else { continue }
            switch identification(of: value) {
            case .identifier: return false
            case .empty: continue
            case .other: identifiers.append(value)
            }
        }
        let name = fields[Field.name] ?? ""
        if hasContent(name) && !isNumber(name) {
            if isFooterText(name) { return true }
            return identifiers.contains(where: isNIPLine) || otherCells().contains(where: isNIPLine)
        }
        if !name.isEmpty && isFooterText(name) { return true }  // a blank to sign on: `(……)`
        var cells = identifiers + otherCells()
        for (field, value) in fields where field != Field.name && !identifierFields.contains(field) { cells.append(value) }
        var sawFooterText = false
        for cell in cells where hasContent(cell) && !isNumber(cell) {
            guard isFooterText(cell) else { return false }
            sawFooterText = true
        }
        return sawFooterText
    }

    private static let identifierFields = [Field.nik, Field.phone, Field.email]

    /// Whether one cell's text as a whole is footer text (see the type's documentation).
    package static func isFooterText(_ text: String) -> Bool {
        let words = HeaderVocabulary.key(text).split(separator: " ")
        guard let first = words.first else { return isSignatureBlank(text) }
        if closings.contains(where: { words.starts(with: $0) }) { return true }
        if isTotal(words) || isCount(words) || isOffice(words) || isNIP(words) { return true }
        return first.allSatisfy(\.isLetter) && text.contains(",") && isDateEnding(words.dropFirst())
    }

    private enum Identification {
        /// A NIK, phone or e-mail.
        case identifier
        /// No letter or digit (`-`): says nothing.
        case empty
        /// Footer text in an identifier's column (`NIP. 1975…`, `38 orang`), or a number.
        case other
    }

    /// Five digits before any letter or an `@` make an identifier, in one pass over the first
    /// bytes of a NIK or phone; text that is neither footer text nor a number is one too.
    private static func identification(of value: String) -> Identification {
        let quick: Identification?? = value.utf8.withContiguousStorageIfAvailable { bytes -> Identification? in
            var digits = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    digits += 1
                    if digits == 5 { return .identifier }
                case UInt8(ascii: "@"): return .identifier
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), 0x80...: return nil
                default: break
                }
            }
            return digits == 0 ? .empty : nil
        }
        if let quick = quick ?? nil { return quick }
        guard hasContent(value) else { return .empty }
        return isNumber(value) || isFooterText(value) ? .other : .identifier
    }

    /// A letter or a digit: `-` and `…` say nothing.
    private static func hasContent(_ text: String) -> Bool {
        var nonASCII = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return true
            case 0x80...: nonASCII = true
            default: break
            }
        }
        return nonASCII && text.contains { $0.isLetter || $0.isNumber }
    }

    /// Digits, with dots, commas, dashes, slashes and spaces between: a row number, a total.
    private static func isNumber(_ text: String) -> Bool {
        var digits = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits = true
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: " "): break
            default: return false
            }
        }
        return digits
    }

    private static func isNIPLine(_ text: String) -> Bool {
        isNIP(HeaderVocabulary.key(text).split(separator: " "))
    }

    private static let closings: [[Substring]] = [
        ["mengetahui"], ["menyetujui"], ["mengesahkan"], ["diketahui"], ["disetujui"], ["disahkan"], ["dibuat", "oleh"],
        ["disusun", "oleh"], ["diperiksa", "oleh"], ["hormat", "kami"], ["yang", "membuat"], ["yang", "menerima"], ["ttd"],
        ["tanda", "tangan"],
    ]

    private static let totalWords: Set<Substring> = [
        "peserta", "hadir", "tidak", "orang", "org", "keseluruhan", "seluruhnya", "semua", "akhir", "pendaftar", "lulus",
        "laki", "perempuan", "l", "p", "yang", "absen", "terdaftar", "kehadiran",
    ]

    private static func isTotal(_ words: [Substring]) -> Bool {
        let rest: ArraySlice<Substring>
        if ["total", "jumlah", "subtotal"].contains(words[0]) {
            rest = words.dropFirst()
        } else if words.count >= 2, ["sub", "grand"].contains(words[0]), words[1] == "total" {
            rest = words.dropFirst(2)
        } else {
            return false
        }
        return rest.allSatisfy { totalWords.contains($0) || isDigits($0) }
    }

    private static func isCount(_ words: [Substring]) -> Bool {
        words.count == 2 && isDigits(words[0]) && ["orang", "org", "peserta", "pendaftar", "pax"].contains(words[1])
    }

    private static let offices: Set<Substring> = [
        "kepala", "kasi", "kasie", "kasudin", "kabid", "kasubag", "kasubbag", "lurah", "camat", "sekcam", "seklur", "instruktur",
        "narasumber", "fasilitator", "koordinator",
    ]
    private static let officers: Set<Substring> = ["ketua", "sekretaris", "sekertaris", "bendahara"]
    private static let bodies: Set<Substring> = [
        "rt", "rw", "panitia", "pelaksana", "kelompok", "pkk", "koperasi", "paguyuban", "forum", "lmk", "fkdm", "karang", "umkm",
        "kegiatan", "pokja", "seksi", "bidang", "kelurahan", "kecamatan", "dekel", "majelis", "yayasan", "komunitas", "asosiasi",
        "ikatan", "himpunan", "posyandu", "dasawisma",
    ]

    private static func isOffice(_ words: [Substring]) -> Bool {
        var rest = words[...]
        // a.n. (on behalf of), Plt./Plh. (acting), Wakil (deputy).
        if rest.starts(with: ["a", "n"]) { rest = rest.dropFirst(2) }
        if let first = rest.first, ["an", "plt", "plh", "wakil"].contains(first) { rest = rest.dropFirst() }
        guard let first = rest.first else { return false }
        if offices.contains(first) { return true }
        return officers.contains(first) && rest.dropFirst().first.map(bodies.contains) == true
    }

    private static func isNIP(_ words: [Substring]) -> Bool {
        words.first == "nip" && words.dropFirst().allSatisfy(isDigits)
    }

    /// The last three words are a day, a month (a name or a number) and a four-digit year.
    private static func isDateEnding(_ words: ArraySlice<Substring>) -> Bool {
        guard words.count >= 3 else { return false }
        let date = words.suffix(3)
        let (day, month, year) = (date[date.startIndex], date[date.startIndex + 1], date[date.startIndex + 2])
        guard isDigits(day), let dayNumber = Int(day), (1...31).contains(dayNumber), isDigits(year), year.count == 4 else { return false }
        if MonthNames.numbers[String(month)] != nil { return true }
        guard isDigits(month), let monthNumber = Int(month) else { return false }
        return (1...12).contains(monthNumber)
    }

    /// No letters or digits, and three dots, underscores or ellipses at least.
    private static func isSignatureBlank(_ text: String) -> Bool {
        text.count { $0 == "." || $0 == "_" || $0 == "…" } >= 3
    }

    private static func isDigits(_ word: Substring) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
