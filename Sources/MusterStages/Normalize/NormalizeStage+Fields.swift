internal import MusterCore

/// The per-field rules: names, NIK, phones, dates, sectors.
extension NormalizeStage {
    func normalizeName(_ cleaned: String, into work: inout Work) {
        let name = names.normalize(cleaned)
        if let display = name.display { work.out.values[Field.name] = display }
        if let key = name.key { work.out.values[Field.nameKey] = key }
        if !name.honorifics.isEmpty { work.out.values[Field.honorific] = name.honorifics.joined(separator: " ") }
        if !name.degrees.isEmpty { work.out.values[Field.degree] = name.degrees.joined(separator: ", ") }
        if name.display == nil { work.issue("name.title-only", Field.name, "holds a title or degree but no name") }
    }

    func normalizeNIK(_ cleaned: String, into work: inout Work) {
        let nik = NIKNormalizer.canonical(cleaned)
        work.out.values[Field.nik] = nik
        guard IdentifierRules.isWellFormedNIK(nik) else {
            if ByteText.all(nik, ByteText.isDigit) {
                work.issue("nik.length", Field.nik, "NIK has \(nik.utf8.count) digits, expected 16")
            } else {
                work.issue("nik.characters", Field.nik, "NIK holds characters other than digits and separators")
            }
            return
        }
        let parts = NIKNormalizer.split(nik, reference: reference)
        work.nik = parts
        work.out.values[Field.nikDistrict] = parts.district
        work.out.values[Field.nikGender] = parts.gender
        if !NIKNormalizer.provinces[parts.province] {
            work.issue("nik.province", Field.nik, "NIK's first two digits are not an Indonesian province code")
        } else if parts.province == 31, !places.isKecamatan(parts.districtNumber) {
            work.issue("nik.district", Field.nik, "NIK's first six digits are not an official DKI Jakarta kecamatan code")
        }
        if let birthDate = parts.birthDate {
            work.out.values[Field.nikBirthDate] = birthDate.iso
        } else {
            work.issue("nik.birth-date", Field.nik, "NIK's date digits (DDMMYY, day + 40 for women) are not a real day")
        }
    }

    func normalizePhone(_ cleaned: String, into work: inout Work) {
        let phones = PhoneNormalizer.normalize(cleaned)
        guard let primary = phones.primary else {
            work.issue("phone.unparseable", Field.phone, "not a possible Indonesian phone number")
            return
        }
        work.out.values[Field.phone] = primary
        work.out.values[Field.phoneType] = phones.kind?.rawValue
        if phones.kind == .foreign {
            work.issue("phone.foreign", Field.phone, "a number of another country (\(primary.prefix(3))…), not an Indonesian one")
        }
        if !phones.others.isEmpty { work.out.values[Field.otherPhones] = phones.others.joined(separator: " ") }
        if phones.rejectedParts > 0 {
            work.out.issues.append(
                FieldIssue(
                    code: "phone.part-unparseable", field: Field.otherPhones, raw: work.raw[Field.phone],
                    message: "\(phones.rejectedParts) of the numbers in the field is not a possible Indonesian phone number"
                ))
        }
    }

    func normalizeBirthDate(_ cleaned: String, into work: inout Work) {
        work.birthDateStated = true
        // Forms ask "Tempat, Tanggal Lahir" in one question (`Jakarta, 05 Mei 1988`): the date
        // reader skips the place, which is kept as the birth place.
        if let first = cleaned.utf8.first, first >= 0x80 || ByteText.isLetter(first), let place = Self.placeBeforeDate(cleaned),
            work.out.values[Field.birthPlace] == nil
        {
            work.out.values[Field.birthPlace] = TextNormalizer.titleCased(place)
        }
        switch dates.parse(cleaned) {
        case .unparseable:
            work.issue("date.unparseable", Field.birthDate, "not a date in a known form")
        case .invalid:
            work.issue("date.invalid", Field.birthDate, "not a real day")
        case .date(let day, let swapped):
            if day > reference {
                work.issue("date.future", Field.birthDate, "birth date is after \(reference.iso)")
                return
            }
            if day.year < reference.year - 120 {
                work.issue("date.implausible", Field.birthDate, "birth date is more than 120 years ago")
                return
            }
            if swapped { work.issue("date.swapped", Field.birthDate, "read month first: the day-first reading is not a real day") }
            work.statedBirthDate = day
            work.out.values[Field.birthDate] = day.iso
        }
    }

    /// Words that open a date cell without being a place: weekdays and labels.
    static let notPlaces: Set<String> = [
        "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "tgl", "tanggal", "lahir", "ttl", "date", "dob", "born",
    ]

    /// A birth place written before the date (`Jakarta, 05-05-1988`, `Bogor 5 Mei 1988`): the
    /// words before the first digit, unless they are a month's name (`Mei 5, 1988`).
    static func placeBeforeDate(_ text: String) -> String? {
        guard let digit = text.firstIndex(where: \.isNumber) else { return nil }
        let separators: Set<Character> = [" ", ",", "/", "-"]
        let place = String(text[..<digit].drop { separators.contains($0) }.reversed().drop { separators.contains($0) }.reversed())
        guard place.count >= 2, place.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." }) else { return nil }
        // Opening with a month, a weekday or a label, it is no place (`Mei 5, 1988`, `Senin, 12 Mei
        // 1990`, `Tgl 12-05-1990`); `Pasar Minggu, 12 Mei 1990` is one.
        let first = place.split(separator: " ").first.map { $0.lowercased().filter { $0 != "." } } ?? ""
        if DateNormalizer.months[first] != nil || Self.notPlaces.contains(first) { return nil }
        return place
    }

    func normalizeSector(_ cleaned: String, into work: inout Work) {
        let sector = sectorMemo.value(for: cleaned) { sectors.sector(cleaned) ?? SectorTable.other }
        work.out.values[Field.sector] = sector
        if sector == SectorTable.other { work.issue("sector.unknown", Field.sector, "matches no sector; set to \(SectorTable.other)") }
    }
}
