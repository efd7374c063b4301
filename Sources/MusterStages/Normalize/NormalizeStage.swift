public import MusterCore

/// Turns raw values into canonical, comparable ones, keeping the raw beside them (the
/// record's source is never changed) and recording what it could not parse, or found
/// contradictory, as field issues. It never quarantines: judging is the validate stage's job.
///
/// Canonical values (``NormalizedRecord/values``), per source field:
/// - `name`: display-cased, honorifics → `honorific`, degrees → `degree`, folded `nameKey`.
/// - `nik`: spaces, dots, dashes removed; a 16-digit NIK adds `nikDistrict`, `nikBirthDate`,
///   `nikGender`, checked against the region list and the record's birth date, gender and kecamatan.
/// - `phone`: E.164 primary, `phoneType` (mobile/landline), further numbers → `otherPhones`.
/// - `email`: trimmed, lower case. `birthDate`: ISO. `gender`: `L`/`P`.
/// - `kecamatan`/`kelurahan`: official names with `kecamatanCode`/`kelurahanCode`; a
///   missing kecamatan is inferred from the kelurahan; `postalCode` is checked against it. A
///   kota where the kecamatan belongs (`Jaksel`) gives no kecamatan (`kecamatan.is-kota`, and
///   `place.outside-area` for another kota); a kecamatan where the kelurahan belongs
///   (`Kebayoran Lama`, which no kelurahan is called) is the kecamatan (`kelurahan.is-kecamatan`).
/// - `sector`: one of a small canonical list. Other fields: cleaned text.
/// - Enrollments: the training batch as `sessionCode` (from a code) and `sessionKey` (from a
///   title), see ``SessionIdentity``; a status that is not a known one (``EnrollmentStanding``) raises
///   `enrollment.status-unknown`, which quarantines nothing unless a validate `issue` rule lists it.
///
/// Derived values (birth date and gender from the NIK, kecamatan from the kelurahan) are
/// listed in `derived`. Issue codes are `field.problem` (`nik.gender-mismatch`, `date.future`);
/// their messages never contain the value.
public final class NormalizeStage: RecordTransform {
    public static let descriptor = StageDescriptor(
        id: "normalize",
        summary:
            "Canonical forms: names (honorifics, degrees, matching key), NIK (split and cross-checked), E.164 phones, ISO dates, gender, official places, sectors; raw values kept, problems as issues.",
        options: optionDescriptors
    )

    let placeholders: Set<String>
    let placeholderMaxBytes: Int
    /// Placeholders by UTF-8 length, so most values are ruled out without hashing.
    let placeholderBuckets: [[[UInt8]]]
    /// Whether a placeholder has this UTF-8 length and lower-cased first byte, at
    /// `length << 8 | byte`: one load rules out almost every value. Any non-ASCII first byte
    /// of a length some placeholder has passes, for the Unicode comparison.
    let placeholderShapes: [Bool]
    let names: NameNormalizer
    let dates: DateNormalizer
    let genders: GenderNormalizer
    let sectors: SectorTable
    let places: PlaceIndex
    /// The office's area (a wilayah code): places outside it are flagged.
    let area: String
    let reference: Day

    /// Places and sectors repeat across records: their lookups (typo search included) are
    /// remembered per stage instance. Bounded; one task drives a stage, so no lock.
    let kecamatanMemo = TextMemo<PlaceIndex.Reading>()
    let kelurahanMemo = TextMemo<PlaceIndex.Reading>()
    let sectorMemo = TextMemo<String>()
    /// Session keys by title and the record's kecamatan: announcement rows share a title.
    let sessionMemo = TextMemo<String?>(slots: 16384)

    public init(options: Options, context: StageContext) {
        let placeholders = TextNormalizer.defaultPlaceholders.union(options.placeholders.map { TextNormalizer.clean($0).lowercased() })
        self.placeholders = placeholders
        placeholderMaxBytes = placeholders.map(\.utf8.count).max() ?? 0
        var buckets = [[[UInt8]]](repeating: [], count: placeholderMaxBytes + 1)
        for placeholder in placeholders { buckets[placeholder.utf8.count].append(Array(placeholder.utf8)) }
        placeholderBuckets = buckets
        var shapes = [Bool](repeating: false, count: (placeholderMaxBytes + 1) << 8)
        for placeholder in placeholders { shapes[placeholder.utf8.count << 8 | Int(placeholder.utf8.first ?? 0)] = true }
        for length in buckets.indices where !buckets[length].isEmpty {
            for byte in 0x80...0xFF { shapes[length << 8 | byte] = true }
        }
        placeholderShapes = shapes
        names = NameNormalizer(honorifics: options.honorifics, degrees: options.degrees, particles: options.particles)
        reference = options.referenceDate.flatMap(DateNormalizer.isoDay) ?? Day.today()
        dates = DateNormalizer(dayFirst: options.dateOrder == "dmy", referenceYear: reference.year)
        genders = GenderNormalizer(extra: options.genders)
        sectors = SectorTable(extra: options.sectors)
        places = PlaceIndex(aliases: options.placeAliases, abbreviations: options.placeAbbreviations, homeRegency: options.homeRegency)
        area = options.area ?? options.homeRegency
    }

    public func transform(_ record: inout Record) {
        var work = Work(raw: record.source.fields)
        record.source.fields.forEachMember { rank, field, raw in
            let cleaned = TextNormalizer.clean(raw)
            if isPlaceholder(cleaned) { return }
            normalize(field: field, kind: rank.map { Self.kindByRank[$0] } ?? .other, cleaned: cleaned, raw: raw, into: &work)
        }
        resolvePlaces(&work)
        crossCheck(&work)
        if !record.source.enrollments.isEmpty {
            checkEnrollments(record.source.enrollments, into: &work)
            identifySession(record.source.enrollments, into: &work)
        }
        if !work.derived.isEmpty { work.out.values[Field.derived] = work.derived.joined(separator: " ") }
        record.normalized = work.out
    }

    /// An identifier cell as a spreadsheet or an export wrote it, without what it added: the
    /// apostrophe Excel puts before a number typed as text (`'3174015203870001`: one leading
    /// apostrophe, and only that; Word's and phones' autocorrect make it `’` or `‘`, some
    /// keyboards a backtick), the zero fraction of a number stored as a float
    /// (`81234567890.0`), which would otherwise read as one more digit, and the exponent form
    /// a JSON number may take (`3.174061512930246e15`) when its mantissa carries every digit.
    /// Excel's `3,17401E+15` has lost digits and is kept as it is. The raw value keeps all.
    static func spreadsheetIdentifier(_ cleaned: String) -> String {
        var text = cleaned
        if let first = text.utf8.first, first == 0x27 || first == 0x60 || first == 0xE2 && startsWithQuotationMark(text) {
            text = TextNormalizer.clean(String(text.dropFirst()))
        }
        if let dot = text.utf8.firstIndex(of: 0x2E), dot != text.utf8.startIndex, text.utf8[..<dot].allSatisfy(ByteText.isDigit) {
            if text.utf8[text.utf8.index(after: dot)...].allSatisfy({ $0 == 0x30 }) {
                text = String(text[..<dot])
            } else if text.utf8.index(after: text.utf8.startIndex) == dot, let digits = exponentInteger(text) {
                text = digits
            }
        }
        return text
    }

    /// Whether the text opens with `‘` or `’`, autocorrect's forms of the apostrophe.
    private static func startsWithQuotationMark(_ text: String) -> Bool {
        let scalar = text.unicodeScalars.first
        return scalar == "\u{2018}" || scalar == "\u{2019}"
    }

    /// The integer a number in exponent form writes, `d.ddd…e±n`, when it has exactly `n`
    /// digits after the point: every digit is written, none is made up by padding with zeros.
    static func exponentInteger(_ text: String) -> String? {
        let utf8 = Array(text.utf8)
        guard utf8.count > 4, ByteText.isDigit(utf8[0]), utf8[0] != 0x30, utf8[1] == 0x2E,
            let mark = utf8.firstIndex(where: { $0 | 0x20 == 0x65 })
        else { return nil }
        let fraction = utf8[2..<mark]
        var exponentDigits = utf8[(mark + 1)...]
        if exponentDigits.first == 0x2B { exponentDigits = exponentDigits.dropFirst() }
        guard !fraction.isEmpty, fraction.allSatisfy(ByteText.isDigit), !exponentDigits.isEmpty, exponentDigits.count <= 2,
            exponentDigits.allSatisfy(ByteText.isDigit)
        else { return nil }
        let exponent = exponentDigits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard exponent == fraction.count else { return nil }
        return String(decoding: [utf8[0]] + fraction, as: UTF8.self)
    }

    func isPlaceholder(_ cleaned: String) -> Bool {
        let utf8 = cleaned.utf8
        let count = utf8.count
        guard count <= placeholderMaxBytes else { return false }
        guard let first = utf8.first else { return true }
        guard placeholderShapes[count << 8 | Int(ByteText.lower(first))] else { return false }
        if ByteText.any(cleaned, { $0 >= 0x80 }) { return placeholders.contains(cleaned.lowercased()) }
        return placeholderBuckets[count].contains { candidate in zip(candidate, utf8).allSatisfy { $0 == ByteText.lower($1) } }
    }

    /// One record's state while it is normalized: the output plus what later checks need.
    struct Work {
        var raw: FieldValues
        var out = NormalizedRecord(values: FieldValues(minimumCapacity: 24))
        var nik: NIKNormalizer.Parts?
        var statedBirthDate: Day?
        var kecamatanText: String?
        var kelurahanText: String?
        var postalCode: String?
        /// Copies of three canonical values the cross-checks read, so they are not looked up
        /// again in the values dictionary.
        var gender: String?
        var kecamatanCode: String?
        /// A birth date was given, usable or not: the NIK's date is then never put in its place.
        var birthDateStated = false
        var derived: [String] = []

        init(raw: FieldValues) { self.raw = raw }

        mutating func issue(_ code: String, _ field: String, _ message: String) {
            out.issues.append(FieldIssue(code: code, field: field, raw: raw[field], message: message))
        }
    }

    private enum Kind { case name, nik, phone, email, birthDate, gender, kecamatan, kelurahan, postalCode, sector, birthPlace, other }

    /// The rule each ``Field`` name selects, by its rank in ``FieldOrder``: the source
    /// fields hand over their ranks, so no name is compared.
    private static let kindByRank: [Kind] = {
        var kinds = [Kind](repeating: .other, count: FieldOrder.names.count)
        let rules: [(String, Kind)] = [
            (Field.name, .name), (Field.nik, .nik), (Field.phone, .phone), (Field.email, .email),
            (Field.birthDate, .birthDate), (Field.gender, .gender), (Field.kecamatan, .kecamatan),
            (Field.kelurahan, .kelurahan), (Field.postalCode, .postalCode), (Field.sector, .sector),
            (Field.birthPlace, .birthPlace),
        ]
        for (field, kind) in rules {
            guard let rank = FieldOrder.rank(of: field) else { preconditionFailure("\(field) is a Field name") }
            kinds[rank] = kind
        }
        return kinds
    }()

    private func normalize(field: String, kind: Kind, cleaned: String, raw: String, into work: inout Work) {
        switch kind {
        case .name: normalizeName(cleaned, into: &work)
        case .nik: normalizeNIK(Self.spreadsheetIdentifier(cleaned), into: &work)
        case .phone: normalizePhone(Self.spreadsheetIdentifier(cleaned), into: &work)
        case .email:
            let email = EmailNormalizer.canonical(Self.spreadsheetIdentifier(cleaned))
            work.out.values[Field.email] = email
            if !EmailNormalizer.isWellFormed(email) { work.issue("email.syntax", Field.email, "not an e-mail address of the form name@domain.tld") }
        case .birthDate: normalizeBirthDate(cleaned, into: &work)
        case .gender:
            if let code = genders.code(cleaned) {
                work.out.values[Field.gender] = code
                work.gender = code
            } else {
                work.issue("gender.unknown", Field.gender, "not a known gender value")
            }
        case .kecamatan: work.kecamatanText = cleaned
        case .kelurahan: work.kelurahanText = cleaned
        case .postalCode: work.postalCode = Self.spreadsheetIdentifier(cleaned)
        case .sector: normalizeSector(cleaned, into: &work)
        case .birthPlace: work.out.values[field] = TextNormalizer.titleCased(cleaned)
        case .other: work.out.values[field] = cleaned
        }
    }
}
