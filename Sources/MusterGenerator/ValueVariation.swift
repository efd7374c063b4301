import MusterCore

/// How one person's NIK, phone, e-mail, birth date and places are written on one record,
/// and how a defect breaks exactly one of them.
///
/// Every variant of a valid value stays valid under the pipeline's rules (a NIK keeps its
/// 16 digits; a phone normalizes to +62 and 8–13 digits), so a record is invalid only
/// through its one defect.
enum ValueVariation {
    static func nik(_ person: Person, asNumber: Bool, random: inout SplitMix64) -> String {
        var digits = Array(person.nik.utf8)
        if random.chance(0.03) {
            // One digit mistyped: well-formed, but another NIK. A slip in the date digits
            // that makes no real day would break the NIK's format; it goes to the serial.
            var position = random.within(6...15)
            let original = digits[position]
            digits[position] = UInt8(48 + (Int(original) - 48 + random.within(1...9)) % 10)
            if position < 12, !hasRealDate(digits) {
                digits[position] = original
                position = random.within(12...15)
                digits[position] = UInt8(48 + (Int(digits[position]) - 48 + random.within(1...9)) % 10)
            }
        }
        let text = String(decoding: digits, as: UTF8.self)
        if asNumber { return text }
        switch random.below(12) {
        case 0: return grouped(text, [4, 4, 4, 4], separator: " ")
        case 1: return grouped(text, [4, 2, 6, 4], separator: ".")
        default: return text
        }
    }

    /// Whether a NIK's DDMMYY digits (day + 40 for women) can be a birth date in any year.
    static func hasRealDate(_ digits: [UInt8]) -> Bool {
        func number(_ at: Int) -> Int { (Int(digits[at]) - 48) * 10 + Int(digits[at + 1]) - 48 }
        let day = number(6) > 40 ? number(6) - 40 : number(6)
        return (1...12).contains(number(8)) && (1...28).contains(day)
    }

    static func brokenNIK(_ person: Person, excel: Bool, random: inout SplitMix64) -> String {
        var digits = Array(person.nik.utf8)
        switch random.below(excel ? 4 : 3) {
        case 0: digits.remove(at: random.within(4...15))
        case 1: digits.insert(digits[10], at: 10)
        case 2: digits[random.within(6...12)] = UInt8(ascii: "O")
        default: return "3,\(person.nik.dropFirst().prefix(5))E+15"
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// A phone in one of the ways people write it; `numeric` gives digits fit for a JSON number.
    static func phone(_ national: String, style: Int, numeric: Bool = false) -> String {
        let isLandline = national.hasPrefix("21")
        if numeric { return style % 2 == 0 ? "62" + national : national }
        if isLandline {
            let local = String(national.dropFirst(2))
            switch style % 3 {
            case 0: return "(021) " + grouped(local, [4, 4], separator: " ")
            case 1: return "021-" + local
            default: return "+62 21 " + local
            }
        }
        switch style % 7 {
        case 0: return "0" + grouped(national, [3, 4, 4], separator: "-")
        case 1, 2: return "0" + national
        case 3: return "+62 " + grouped(national, [3, 4, 4], separator: " ")
        case 4: return "62" + national
        case 5: return national
        default: return "0" + grouped(national, [3, 4, 4], separator: " ")
        }
    }

    /// A number with another country's code, as people abroad or with a foreign SIM write it.
    static func foreignPhone(random: inout SplitMix64) -> String {
        let digits = { (count: Int, random: inout SplitMix64) in String((0..<count).map { _ in Character(String(random.below(10))) }) }
        switch random.below(4) {
        case 0: return "+61 4" + digits(2, &random) + " " + digits(3, &random) + " " + digits(3, &random)
        case 1: return "+60 1" + digits(1, &random) + "-" + digits(3, &random) + " " + digits(4, &random)
        case 2: return "0061 4" + digits(2, &random) + " " + digits(3, &random) + " " + digits(3, &random)
        default: return "+1 (415) 555-" + digits(4, &random)
        }
    }

    /// Too short or too long to be an Indonesian number, or with a letter for a digit.
    static func brokenPhone(_ national: String, random: inout SplitMix64) -> String {
        switch random.below(4) {
        case 3:
            // A letter typed for a digit (O for 0, l for 1, S for 5): another, shorter number if read past.
            // Inside a group of digits, never next to the dashes put in below.
            var characters = Array("0" + national)
            let position = random.pick([5, 6, 9].filter { $0 < characters.count - 1 })
            characters[position] = random.pick(["O", "l", "S"])
            return String(characters.prefix(4)) + "-" + String(characters.dropFirst(4).prefix(4)) + "-" + String(characters.dropFirst(8))
        case 0: return "0" + national.prefix(4)
        case 1: return "0" + national.prefix(3) + "-" + national.dropFirst(3).prefix(3)
        default: return "0" + national + String(random.within(10_000...99_999))
        }
    }

    static func email(_ email: String, random: inout SplitMix64) -> String {
        guard random.chance(0.1) else { return email }
        return random.chance(0.5) ? email.uppercased() : email.prefix(1).uppercased() + email.dropFirst()
    }

    static func brokenEmail(_ person: Person, random: inout SplitMix64) -> String {
        let email = person.email ?? "peserta\(person.number)@mail.example"
        let parts = email.split(separator: "@", maxSplits: 1).map(String.init)
        let local = parts[0]
        let domain = parts.count > 1 ? parts[1] : "mail.example"
        switch random.below(4) {
        case 0: return local + "(at)" + domain
        case 1: return local + "." + domain
        case 2: return local + "@" + (domain.split(separator: ".").first.map(String.init) ?? "mail")
        default: return local + " @" + domain
        }
    }

    static let monthsID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
    static let monthsShort = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sept", "Okt", "Nov", "Des"]

    /// A birth date as sheets show it: 06/11/1979, 6-11-79, 1979-11-06, 6 November 1979,
    /// 6 Nov 1979, or an Excel serial number.
    static func birthDate(_ person: Person, random: inout SplitMix64) -> String {
        let (day, month, year) = (person.birthDay, person.birthMonth, person.birthYear)
        switch random.weighted([0.45, 0.1, 0.1, 0.1, 0.1, 0.08, 0.07]) {
        case 0: return "\(pad(day, 2))/\(pad(month, 2))/\(year)"
        case 1: return "\(day)/\(month)/\(year)"
        case 2: return "\(day)-\(month)-\(pad(year % 100, 2))"
        case 3: return isoDate(person)
        case 4: return "\(day) \(monthsID[month - 1]) \(year)"
        case 5: return "\(day) \(monthsShort[month - 1]) \(year)"
        default: return String(excelSerial(year: year, month: month, day: day))
        }
    }

    /// A stated birth date no one can have: decades ahead (a year typed wrong) or a day the
    /// month does not have, written day first or ISO as the source writes dates.
    static func unrealBirthDate(_ person: Person, iso: Bool, random: inout SplitMix64) -> String {
        let (day, month, year): (Int, Int, Int)
        switch random.below(3) {
        case 0: (day, month, year) = (person.birthDay, person.birthMonth, random.within(2040...2095))
        case 1: (day, month, year) = (random.within(30...31), 2, person.birthYear)
        default: (day, month, year) = (31, random.pick([4, 6, 9, 11]), person.birthYear)
        }
        return iso ? "\(year)-\(pad(month, 2))-\(pad(day, 2))" : "\(pad(day, 2))/\(pad(month, 2))/\(year)"
    }

    /// A real kelurahan of another kota, written as people write their own.
    static func placeElsewhere(random: inout SplitMix64) -> (kelurahan: String, kecamatan: String) {
        let place = random.pick(Kecamatan.elsewhere)
        switch random.below(4) {
        case 0: return (place.kelurahan.uppercased(), place.kecamatan.uppercased())
        case 1: return ("Kel. " + place.kelurahan, "Kec. " + place.kecamatan)
        default: return place
        }
    }

    static func isoDate(_ person: Person) -> String {
        "\(person.birthYear)-\(pad(person.birthMonth, 2))-\(pad(person.birthDay, 2))"
    }

    /// Days since 1899-12-30, as Excel stores dates.
    static func excelSerial(year: Int, month: Int, day: Int) -> Int {
        daysFromCivil(year, month, day) - daysFromCivil(1899, 12, 30)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func kelurahan(_ person: Person, random: inout SplitMix64) -> String {
        let name = person.kelurahanName
        switch random.weighted([0.66, 0.08, 0.05, 0.05, 0.04, 0.03, 0.03, 0.02, 0.03, 0.01]) {
        case 8: return name + " RT \(pad(random.within(1...15), 2))/RW \(pad(random.within(1...12), 2))"
        case 9: return numerals(name, roman: true)
        case 1: return name.split(separator: " ").map { Kecamatan.wordAbbreviations[String($0)] ?? String($0) }.joined(separator: " ")
        case 6: return abbreviatedLastWord(name)
        case 7: return numerals(name)
        case 2: return "Kel. " + name
        case 3: return name.uppercased()
        case 4: return name.lowercased()
        case 5:
            var words = [name]
            NameVariation.typo(&words, random: &random)
            return words[0]
        default: return name
        }
    }

    static func kecamatan(_ person: Person, random: inout SplitMix64) -> String {
        let info = person.kecamatanInfo
        switch random.weighted([0.57, 0.3, 0.05, 0.05, 0.03]) {
        case 1: return random.pick(info.variants)
        case 4: return abbreviatedLastWord(info.name)
        case 2: return info.name.uppercased()
        case 3: return info.name.lowercased()
        default: return info.name
        }
    }

    /// A place name as a hurried hand writes it: its last word cut to its first letter and the
    /// consonants after it, four letters at most, with a dot (`Mampang Prpt.`, `Cilandak Tmr.`).
    /// One-word names and short last words stay whole.
    static func abbreviatedLastWord(_ name: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        guard words.count > 1, let last = words.last, last.count > 4, let first = last.first else { return name }
        let consonants = last.dropFirst().filter { !"aeiou".contains($0) }
        let cut = String(first) + consonants.prefix(3)
        guard cut.count >= 2, cut.count < last.count else { return name }
        words[words.count - 1] = cut + "."
        return words.joined(separator: " ")
    }

    /// Number words as numerals (`Duren Tiga` → `Duren 3`, or Roman `Duren III`).
    static func numerals(_ name: String, roman: Bool = false) -> String {
        let words = ["Satu", "Dua", "Tiga", "Empat", "Lima", "Enam", "Tujuh", "Delapan", "Sembilan"]
        let romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
        return name.split(separator: " ").map { word in
            guard let index = words.firstIndex(of: String(word)) else { return String(word) }
            return roman ? romans[index] : String(index + 1)
        }.joined(separator: " ")
    }

    /// A birth date as a JavaScript export writes it: midnight in Jakarta as UTC, which is
    /// five in the afternoon of the day before (`1992-08-14T17:00:00.000Z` for 15 August).
    static func utcTimestamp(_ person: Person) -> String {
        var (year, month, day) = (person.birthYear, person.birthMonth, person.birthDay - 1)
        if day == 0 {
            (year, month) = month == 1 ? (year - 1, 12) : (year, month - 1)
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            day = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        }
        return "\(year)-\(pad(month, 2))-\(pad(day, 2))T17:00:00.000Z"
    }

    /// `text` cut into groups of the given lengths (the last takes the rest).
    static func grouped(_ text: String, _ lengths: [Int], separator: String) -> String {
        var parts: [Substring] = []
        var rest = Substring(text)
        for (index, length) in lengths.enumerated() {
            guard !rest.isEmpty else { break }
            let take = index == lengths.count - 1 ? rest.count : min(length, rest.count)
            parts.append(rest.prefix(take))
            rest = rest.dropFirst(take)
        }
        if !rest.isEmpty { parts.append(rest) }
        return parts.joined(separator: separator)
    }
}
