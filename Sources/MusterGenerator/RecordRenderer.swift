import MusterCore

/// Writes one person up for one channel: which values that kind of source holds, and how
/// its people tend to write them.
struct RecordRenderer {
    private var random: SplitMix64

    init(random: SplitMix64) {
        self.random = random
    }

    mutating func draft(_ person: Person, channel: Channel, defect: Defect?, session: Session) -> RecordDraft {
        var draft = RecordDraft(person: person, defect: defect, session: session)
        draft.name = name(person, channel: channel)
        switch channel {
        case .signupSheet:
            fillIdentifiers(&draft, nik: 0.75, email: 0.85, json: false, excel: false)
            draft.birthDate = ValueVariation.birthDate(person, random: &random)
            draft.gender = person.isFemale ? "Perempuan" : "Laki-laki"
            draft.kelurahan = ValueVariation.kelurahan(person, random: &random)
            draft.kecamatan = ValueVariation.kecamatan(person, random: &random)
            draft.sector = sector(person, multiline: random.chance(0.01))
            draft.address = person.address
            // Answers pasted from a chat app bring invisible characters along.
            if !draft.nik.isEmpty, random.chance(0.02) { draft.nik = "\u{200B}" + draft.nik }
            if random.chance(0.02) { draft.name += "\u{00A0}" }
        case .excelAttendance:
            fillIdentifiers(&draft, nik: 0.85, email: 0, json: false, excel: true)
            draft.kelurahan = ValueVariation.kelurahan(person, random: &random)
            draft.kecamatan = ValueVariation.kecamatan(person, random: &random)
        case .bomAttendance:
            fillIdentifiers(&draft, nik: 0.8, email: 0, json: false, excel: false)
            draft.kelurahan = ValueVariation.kelurahan(person, random: &random)
        case .recapSheet:
            fillIdentifiers(&draft, nik: 0.8, email: 0, json: false, excel: true, curlyApostrophe: true)
            draft.kelurahan = ValueVariation.kelurahan(person, random: &random)
            draft.kecamatan = ValueVariation.kecamatan(person, random: &random)
            draft.trainingTitle = session.programme + " Angkatan \(session.batch)"
            let (month, day) = (session.month, session.day)
            draft.trainingDate =
                random.chance(0.7) ? "\(pad(day, 2))/\(pad(month, 2))/2024" : "\(day) \(ValueVariation.monthsID[month - 1]) 2024"
            draft.status = Self.status(random: &random)
        case .jsonDocument, .ndjson:
            fillIdentifiers(&draft, nik: channel == .ndjson ? 0.7 : 0.85, email: 0.85, json: true, excel: false)
            switch random.weighted([0.84, 0.1, 0.04, 0.02]) {
            case 1: draft.birthDate = "\(pad(person.birthDay, 2))-\(pad(person.birthMonth, 2))-\(person.birthYear)"
            case 2: draft.birthDate = ValueVariation.utcTimestamp(person)
            case 3: draft.birthDate = "0000-00-00"  // the platform's "not given"
            default: draft.birthDate = ValueVariation.isoDate(person)
            }
            draft.gender = person.isFemale ? "P" : "L"
            draft.kelurahan = random.chance(0.9) ? person.kelurahanName : ValueVariation.kelurahan(person, random: &random)
            draft.kecamatan = random.chance(0.9) ? person.kecamatanInfo.name : ValueVariation.kecamatan(person, random: &random)
            draft.sector = sector(person, multiline: false)
        case .rssTable, .atomTable:
            draft.kelurahan = random.chance(0.9) ? person.kelurahanName : ValueVariation.kelurahan(person, random: &random)
            draft.sector = sector(person, multiline: false)
        }
        switch defect {
        case .birthDateUnreal?:
            draft.birthDate = ValueVariation.unrealBirthDate(person, iso: channel == .jsonDocument || channel == .ndjson, random: &random)
        case .placeOutsideArea?:
            let place = ValueVariation.placeElsewhere(random: &random)
            draft.kelurahan = place.kelurahan
            if !draft.kecamatan.isEmpty { draft.kecamatan = place.kecamatan }
        default: break
        }
        if defect == .requiredName {
            // A table cell is simply empty; a form field may hold a dash (an en dash where
            // autocorrect made one, in the files written as UTF-8).
            let dashes = channel == .excelAttendance ? ["-"] : ["-", "-", "\u{2013}"]
            draft.name = channel == .rssTable || channel == .atomTable || random.chance(0.5) ? "" : random.pick(dashes)
        }
        return draft
    }

    private mutating func name(_ person: Person, channel: Channel) -> String {
        let variation: NameVariation
        switch channel {
        case .signupSheet: variation = NameVariation(honorific: 0.06, upper: 0.08, lower: 0.04)
        case .excelAttendance, .recapSheet: variation = NameVariation(honorific: 0.03, upper: 0.4, lower: 0.02)
        case .bomAttendance: variation = NameVariation(honorific: 0.05, upper: 0.1, lower: 0.02)
        case .jsonDocument, .ndjson: variation = NameVariation(honorific: 0.04, upper: 0.15, lower: 0.03)
        case .rssTable, .atomTable: variation = NameVariation(honorific: 0.15, upper: 0, lower: 0)
        }
        return variation.render(person, random: &random)
    }

    /// NIK, phone and e-mail, each present with the given chance (the phone nearly always),
    /// then the record's defect applied to the one value it breaks.
    private mutating func fillIdentifiers(_ draft: inout RecordDraft, nik: Double, email: Double, json: Bool, excel: Bool, curlyApostrophe: Bool = false) {
        let person = draft.person
        if random.chance(nik) {
            draft.nikAsNumber = json && random.chance(0.2)
            draft.nik = ValueVariation.nik(person, asNumber: draft.nikAsNumber, random: &random)
        }
        if random.chance(0.95) {
            let national = person.phones.count > 1 && random.chance(0.3) ? person.phones[1] : person.phones[0]
            draft.phoneAsNumber = json && random.chance(0.1)
            let style = excel && random.chance(0.5) ? 5 : random.below(7)
            draft.phone = ValueVariation.phone(national, style: style, numeric: draft.phoneAsNumber)
        }
        // Excel's text apostrophe before a number typed into a text cell (or, in the UTF-8
        // recap sheets, Word's curly one).
        if excel, !draft.nik.isEmpty, random.chance(0.3) { draft.nik = (curlyApostrophe && random.chance(0.2) ? "\u{2019}" : "'") + draft.nik }
        if excel, draft.phone.first == "0", random.chance(0.3) { draft.phone = "'" + draft.phone }
        if let address = person.email, random.chance(email) {
            draft.email = ValueVariation.email(address, random: &random)
        }
        switch draft.defect {
        case .nikFormat?:
            draft.nikAsNumber = false
            draft.nik = ValueVariation.brokenNIK(person, excel: excel, random: &random)
        case .phoneFormat?:
            draft.phoneAsNumber = false
            draft.phone = ValueVariation.brokenPhone(person.phones[0], random: &random)
        case .phoneForeign?:
            draft.phoneAsNumber = false
            draft.phone = ValueVariation.foreignPhone(random: &random)
        case .emailFormat?: draft.email = ValueVariation.brokenEmail(person, random: &random)
        case .requiredName?, .malformedRecord?, .birthDateUnreal?, .placeOutsideArea?, nil: break
        }
    }

    /// How far a person got in a training, as offices write it (any case).
    static func status(random: inout SplitMix64) -> String {
        let status = random.pick(["lulus", "lulus", "hadir", "terdaftar"])
        switch random.below(3) {
        case 0: return status.uppercased()
        case 1: return status.prefix(1).uppercased() + status.dropFirst()
        default: return status
        }
    }

    private mutating func sector(_ person: Person, multiline: Bool) -> String {
        let sector = NameParts.sectors[person.sector]
        return multiline ? sector + "\n(" + random.pick(["pesanan online", "nasi uduk & lontong sayur", "titip di warung"]) + ")" : sector
    }
}
