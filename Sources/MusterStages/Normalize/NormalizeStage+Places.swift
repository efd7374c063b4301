internal import MusterCore

/// Places and the checks across fields: kecamatan and kelurahan to official codes, the
/// postal code, and the NIK against the record's own birth date, gender and kecamatan.
extension NormalizeStage {
    /// A kecamatan the record states (in its own cell or in the kelurahan's): checked against
    /// the area, then taken.
    private func adoptKecamatan(_ kecamatan: PlaceIndex.Place, statedIn field: String, into work: inout Work) {
        checkArea(kecamatan, field: field, into: &work)
        setKecamatan(kecamatan, into: &work)
    }

    /// A place no official name was found for, kept as typed (without its `Kel.`/`Kec.` label).
    private func keepAsTyped(_ text: String, _ field: String, into work: inout Work) {
        work.out.values[field] = TextNormalizer.titleCased(places.strippedName(text))
    }

    func resolvePlaces(_ work: inout Work) {
        var kecamatan: PlaceIndex.Place?
        // The record says which kecamatan (readable or not): the kelurahan's is then not inferred.
        var kecamatanStated = false
        if let text = work.kecamatanText {
            let reading = read(text, level: .kecamatan, kecamatanCode: nil)
            if case .regency(let kota) = reading.match {
                noteRegency(kota, field: Field.kecamatan, into: &work)
            } else {
                kecamatanStated = true
                kecamatan = place(reading.match, field: Field.kecamatan, into: &work)
                if let kecamatan {
                    adoptKecamatan(kecamatan, statedIn: Field.kecamatan, into: &work)
                } else {
                    keepAsTyped(text, Field.kecamatan, into: &work)
                }
            }
        }
        guard let text = work.kelurahanText else {
            checkPostalCode(against: nil, into: &work)
            return
        }
        let reading = read(text, level: .kelurahan, kecamatanCode: kecamatan?.code)
        if !kecamatanStated, let index = reading.kecamatanIndex {
            let written = places.kecamatan[index]
            // `Gandaria Selatan/Cilandak`: the cell names the kecamatan too.
            kecamatanStated = true
            kecamatan = written
            adoptKecamatan(written, statedIn: Field.kelurahan, into: &work)
        }
        switch reading.match {
        case .kecamatan(let named):
            if let kecamatan, kecamatan.code != named.code {
                work.issue(
                    "kelurahan.unknown", Field.kelurahan,
                    "names the kecamatan \(named.name) (\(named.code)), not a kelurahan, and the given kecamatan is \(kecamatan.code)")
                keepAsTyped(text, Field.kelurahan, into: &work)
            } else {
                if !kecamatanStated {
                    adoptKecamatan(named, statedIn: Field.kelurahan, into: &work)
                }
                work.issue(
                    "kelurahan.is-kecamatan", Field.kelurahan, "names the kecamatan \(named.name) (\(named.code)), not a kelurahan: read as no kelurahan given")
            }
        case .regency(let kota):
            noteRegency(kota, field: Field.kelurahan, into: &work)
        default:
            guard let kelurahan = place(reading.match, field: Field.kelurahan, into: &work) else {
                keepAsTyped(text, Field.kelurahan, into: &work)
                break
            }
            if kecamatan?.code != kelurahan.parentCode { checkArea(kelurahan, field: Field.kelurahan, into: &work) }
            work.out.values[Field.kelurahan] = kelurahan.name
            work.out.values[Field.kelurahanCode] = kelurahan.code
            if let kecamatan, kecamatan.code != kelurahan.parentCode {
                work.issue("kelurahan.not-in-kecamatan", Field.kelurahan, "the kelurahan (\(kelurahan.code)) is not in the given kecamatan (\(kecamatan.code))")
            } else if !kecamatanStated, let parent = places.place(code: kelurahan.parentCode) {
                setKecamatan(parent, into: &work)
                work.derived.append(Field.kecamatan)
            }
            checkPostalCode(against: kelurahan, into: &work)
            return
        }
        checkPostalCode(against: nil, into: &work)
    }

    private func setKecamatan(_ kecamatan: PlaceIndex.Place, into work: inout Work) {
        work.out.values[Field.kecamatan] = kecamatan.name
        work.out.values[Field.kecamatanCode] = kecamatan.code
        work.kecamatanCode = kecamatan.code
    }

    /// A real place outside the office's area: an issue naming the place and its kota.
    private func checkArea(_ place: PlaceIndex.Place, field: String, into work: inout Work) {
        guard isOutsideArea(place.code) else { return }
        let kota = WilayahTable.regencies.first { place.code.hasPrefix($0.code + ".") }?.name ?? "another kota"
        work.issue("place.outside-area", field, "\(place.name) (\(place.code)) lies in \(kota), outside the office's area \(area)")
    }

    private func isOutsideArea(_ code: String) -> Bool { code != area && !code.hasPrefix(area + ".") }

    /// A kota where a kecamatan or kelurahan was asked for (`Jaksel`, `Kota Jakarta Selatan`):
    /// no place of that level is read from it, which an issue says; a kota outside the office's
    /// area is a place outside it.
    private func noteRegency(_ kota: PlaceIndex.Place, field: String, into work: inout Work) {
        work.issue("\(field).is-kota", field, "names \(kota.name) (\(kota.code)), a kota, not a \(field): read as no \(field) given")
        if isOutsideArea(kota.code) {
            work.issue("place.outside-area", field, "\(kota.name) (\(kota.code)) is outside the office's area \(area)")
        }
    }

    private func read(_ text: String, level: PlaceIndex.Level, kecamatanCode: String?) -> PlaceIndex.Reading {
        // Memoized without the kecamatan; looked up again with it only when it broke a tie.
        let reading = (level == .kecamatan ? kecamatanMemo : kelurahanMemo).value(for: text) { places.lookup(text, level: level) }
        return reading.tied && kecamatanCode != nil ? places.lookup(text, level: level, kecamatanCode: kecamatanCode) : reading
    }

    /// The official place a match names, or nil with an issue saying why not.
    private func place(_ match: PlaceIndex.Match, field: String, into work: inout Work) -> PlaceIndex.Place? {
        switch match {
        case .exact(let place):
            return place
        case .typo(let place):
            work.issue("\(field).typo", field, "a close spelling of an official name; read as \(place.code)")
            return place
        case .ambiguous:
            work.issue("\(field).ambiguous", field, "fits several official \(field) names equally")
        case .unknown, .regency, .kecamatan:
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
