internal import MusterCore

/// Places and the checks across fields: kecamatan and kelurahan to official codes, the
/// postal code, and the NIK against the record's own birth date, gender and kecamatan.
extension NormalizeStage {
    func resolvePlaces(_ work: inout Work) {
        var kecamatan: PlaceIndex.Place?
        if let text = work.kecamatanText {
            kecamatan = resolve(text, field: Field.kecamatan, level: .kecamatan, kecamatanCode: nil, into: &work)
            if let kecamatan {
                checkArea(kecamatan, field: Field.kecamatan, into: &work)
                work.out.values[Field.kecamatan] = kecamatan.name
                work.out.values[Field.kecamatanCode] = kecamatan.code
                work.kecamatanCode = kecamatan.code
            } else {
                work.out.values[Field.kecamatan] = TextNormalizer.titleCased(places.strippedName(text))
            }
        }
        if let text = work.kelurahanText {
            if let kelurahan = resolve(text, field: Field.kelurahan, level: .kelurahan, kecamatanCode: kecamatan?.code, into: &work) {
                if kecamatan?.code != kelurahan.parentCode { checkArea(kelurahan, field: Field.kelurahan, into: &work) }
                work.out.values[Field.kelurahan] = kelurahan.name
                work.out.values[Field.kelurahanCode] = kelurahan.code
                if let kecamatan, kecamatan.code != kelurahan.parentCode {
                    work.issue(
                        "kelurahan.not-in-kecamatan", Field.kelurahan, "the kelurahan (\(kelurahan.code)) is not in the given kecamatan (\(kecamatan.code))")
                } else if work.kecamatanText == nil, let parent = places.place(code: kelurahan.parentCode) {
                    work.out.values[Field.kecamatan] = parent.name
                    work.out.values[Field.kecamatanCode] = parent.code
                    work.kecamatanCode = parent.code
                    work.derived.append(Field.kecamatan)
                }
                checkPostalCode(against: kelurahan, into: &work)
                return
            }
            work.out.values[Field.kelurahan] = TextNormalizer.titleCased(places.strippedName(text))
        }
        checkPostalCode(against: nil, into: &work)
    }

    /// A real place outside the office's area: an issue naming the place and its kota.
    private func checkArea(_ place: PlaceIndex.Place, field: String, into work: inout Work) {
        guard place.code != area, !place.code.hasPrefix(area + ".") else { return }
        let kota = WilayahTable.regencies.first { place.code.hasPrefix($0.code + ".") }?.name ?? "another kota"
        work.issue("place.outside-area", field, "\(place.name) (\(place.code)) lies in \(kota), outside the office's area \(area)")
    }

    private func resolve(_ text: String, field: String, level: PlaceIndex.Level, kecamatanCode: String?, into work: inout Work) -> PlaceIndex.Place? {
        // Memoized without the kecamatan; looked up again with it only when it broke a tie.
        var entry = (level == .kecamatan ? kecamatanMemo : kelurahanMemo).value(for: text) { places.lookup(text, level: level) }
        if entry.tied, kecamatanCode != nil { entry = places.lookup(text, level: level, kecamatanCode: kecamatanCode) }
        let match = entry.match
        switch match {
        case .exact(let place):
            return place
        case .typo(let place):
            work.issue("\(field).typo", field, "a close spelling of an official name; read as \(place.code)")
            return place
        case .ambiguous:
            work.issue("\(field).ambiguous", field, "fits several official \(field) names equally")
        case .unknown:
            work.issue("\(field).unknown", field, "not an official DKI Jakarta \(field) name")
        }
        return nil
    }

    private func checkPostalCode(against kelurahan: PlaceIndex.Place?, into work: inout Work) {
        guard let text = work.postalCode else { return }
        let digits = TextNormalizer.digits(text)
        guard digits.utf8.count == 5, digits.utf8.count == text.utf8.count else {
            work.out.values[Field.postalCode] = text
            work.issue("postalCode.format", Field.postalCode, "a postal code has 5 digits")
            return
        }
        work.out.values[Field.postalCode] = digits
        if let expected = kelurahan?.postalCode, expected != digits, let code = kelurahan?.code {
            work.issue("postalCode.mismatch", Field.postalCode, "the kelurahan (\(code)) has postal code \(expected)")
        }
    }

    func crossCheck(_ work: inout Work) {
        guard let nik = work.nik else { return }
        if let nikDate = nik.birthDate {
            if let stated = work.statedBirthDate {
                if stated.day != nikDate.day || stated.month != nikDate.month || stated.year % 100 != nikDate.year % 100 {
                    work.issue("nik.birth-date-mismatch", Field.nik, "the NIK's birth date differs from the stated birth date")
                }
            } else if !work.birthDateStated {
                work.out.values[Field.birthDate] = nikDate.iso
                work.derived.append(Field.birthDate)
            } else if let index = work.out.issues.lastIndex(where: { $0.field == Field.birthDate && $0.code.hasPrefix("date.") }) {
                // The stated date cannot be used and stays the person's: the reason says what
                // the NIK suggests, so the operator can fix the source and replay.
                work.out.issues[index].message += "; the NIK suggests \(nikDate.iso)"
            }
        }
        if let gender = work.gender {
            if gender != nik.gender { work.issue("nik.gender-mismatch", Field.nik, "the NIK's gender differs from the stated gender") }
        } else {
            work.out.values[Field.gender] = nik.gender
            work.derived.append(Field.gender)
        }
        if let code = work.kecamatanCode, nik.district.hasPrefix("31."), code != nik.district, !work.derived.contains(Field.kecamatan) {
            work.issue("nik.kecamatan-mismatch", Field.nik, "the NIK's kecamatan differs from the stated kecamatan")
        }
    }
}
