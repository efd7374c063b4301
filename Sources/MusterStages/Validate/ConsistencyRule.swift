internal import MusterCore

/// `consistency`: two fields that must agree — the NIK's encoded birth date, gender and
/// kecamatan against the stated ones, and the kelurahan against its kecamatan. Reads the
/// canonical values normalize derives (`nikBirthDate`, `nikGender`, `nikDistrict`,
/// `kecamatanCode`, `kelurahanCode`) and normalize's mismatch issues where it raised them.
/// A birth date or gender normalize derived from the NIK equals it; a kecamatan it derived
/// from the kelurahan is, as in normalize, not held against the NIK on one record.
struct ConsistencyRule: ValidationRule {
    enum Check: String, CaseIterable {
        case nikBirthDate = "nik-birth-date"
        case nikGender = "nik-gender"
        case nikKecamatan = "nik-kecamatan"
        case kelurahanKecamatan = "kelurahan-kecamatan"

        /// normalize's issue code for the same disagreement.
        var issueCode: String {
            switch self {
            case .nikBirthDate: "nik.birth-date-mismatch"
            case .nikGender: "nik.gender-mismatch"
            case .nikKecamatan: "nik.kecamatan-mismatch"
            case .kelurahanKecamatan: "kelurahan.not-in-kecamatan"
            }
        }
    }

    static let type = "consistency"
    static let summary = "Fields that must agree: nik-birth-date, nik-gender, nik-kecamatan, kelurahan-kecamatan."
    static let options = [OptionDescriptor("check", type: "string", summary: "nik-birth-date, nik-gender, nik-kecamatan or kelurahan-kecamatan.")]
    static let defaultScope = RuleScope.record

    let header: RuleHeader
    let check: Check

    private enum Keys: String, CodingKey { case check }

    init(header: RuleHeader, check: Check) {
        self.header = header
        self.check = check
    }

    init(header: RuleHeader, from decoder: any Decoder, fields: KnownFields) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let name = try container.decode(String.self, forKey: .check, oneOf: Check.allCases.map(\.rawValue))
        self.init(header: header, check: Check(rawValue: name) ?? .nikBirthDate)
    }

    func check(_ subject: RuleSubject) -> [RuleFailure] {
        let values = subject.values
        let field = check == .kelurahanKecamatan ? Field.kelurahan : Field.nik
        if !subject.isParticipant, subject.has(issue: check.issueCode) { return [failure(field)] }
        let disagree: Bool
        switch check {
        case .nikBirthDate:
            guard let nik = values[Field.nikBirthDate], let stated = values[Field.birthDate] else { return [] }
            // The NIK holds a two-digit year: compare day, month and the year's last two digits.
            disagree = nik.suffix(5) != stated.suffix(5) || nik.dropLast(6).suffix(2) != stated.dropLast(6).suffix(2)
        case .nikGender:
            guard let nik = values[Field.nikGender], let stated = values[Field.gender] else { return [] }
            disagree = nik != stated
        case .nikKecamatan:
            guard let nik = values[Field.nikDistrict], nik.hasPrefix("31."), let stated = values[Field.kecamatanCode],
                subject.isParticipant || !subject.isDerived(Field.kecamatan)
            else { return [] }
            disagree = nik != stated
        case .kelurahanKecamatan:
            guard let kelurahan = values[Field.kelurahanCode], let kecamatan = values[Field.kecamatanCode] else { return [] }
            disagree = !kelurahan.hasPrefix(kecamatan + ".")
        }
        return disagree ? [failure(field)] : []
    }

    private func failure(_ field: String) -> RuleFailure {
        let text =
            switch check {
            case .nikBirthDate: "the NIK's birth date differs from the stated birth date"
            case .nikGender: "the NIK's gender differs from the stated gender"
            case .nikKecamatan: "the NIK's kecamatan differs from the stated kecamatan"
            case .kelurahanKecamatan: "the kelurahan is not in the stated kecamatan"
            }
        return RuleFailure(field: field, text)
    }
}
