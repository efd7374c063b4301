import MusterCore
import Testing

@testable import MusterStages

/// Properties over generated inputs: normalizing is idempotent (a canonical value read again
/// gives itself; the same record normalized twice gives the same result) and loses nothing
/// (every raw value that is not a placeholder ends as a canonical value or an issue, and the
/// raw values are untouched).
@Suite struct NormalizePropertyTests {
    /// Deterministic messy inputs, one per field, built from pieces real sheets use.
    struct Generator {
        var random: SplitMix64
        init(seed: UInt64) { random = SplitMix64(seed: seed) }
        mutating func next() -> UInt64 { random.next() }
        mutating func pick(_ items: [String]) -> String { random.pick(items) }
        mutating func digits(_ count: Int) -> String { random.digits(count) }

        mutating func fields() -> [String: String] {
            let separators = ["", " ", ".", "-", "  "]
            let nik =
                pick(["3174", "3201", "3171", "9999"]) + pick(separators) + digits(2) + pick(separators) + pick(["05", "45", "71", "32", "00"])
                + pick(["01", "12", "13", "02"]) + digits(2) + pick(separators) + digits(Int(next() % 3) + 3)
            return [
                Field.name: pick(["", "Ibu ", "BPK. ", "Hj. ", "dr. ", "Sdri "])
                    + pick(["siti", "MUHAMMAD", "Moh.", "Nur'aini", "DJOKO", "Ａｇｕｓ", "Élia", "S.E."])
                    + pick(["", " aminah", " BIN yusuf", " Soekarno  ", ", S.Pd.", " S.Kom", "\t rahayu"]),
                Field.nik: nik,
                Field.phone: pick(["0812", "+62 813", "62857", "8", "(021) ", "0", "+1 "]) + pick(separators) + digits(Int(next() % 8) + 3)
                    + pick(["", " / 0813" + digits(8), " atau 021" + digits(7), ", 12"]),
                Field.email: pick([" Siti", "A.B", "x", ""]) + pick(["@Example.COM", "@", "example.com", "@mail.example ", "@@x.id"]),
                Field.birthDate: pick(["", "0", "1", "2", "3"]) + digits(1) + pick(["/", "-", " ", "."])
                    + pick(["02", "13", "Agt", "Sept", "Mei", "Smarch", "9"]) + pick(["/", "-", " "]) + pick(["1988", "88", "2031", "1899", "24", "2000"]),
                Field.gender: pick(["L", "p", "Laki-laki", "WANITA", "x", "Female", "Pria "]),
                Field.kelurahan: pick(["", "Kel. ", "kelurahan "])
                    + pick(["Tebet Timur", "Senayan", "manggarai sel.", "Pd Labu", "Cipete Utr", "Atlantis", "Senayn"]),
                Field.kecamatan: pick(["", "Kec. "]) + pick(["Tebet", "Kby. Baru", "Ps. Minggu", "CILANDAK", "Jagakrsa", "Gotham", "Setia Budi"]),
                Field.sector: pick(["Kuliner", "Jahit, permak", "tas anyaman", "Laundry", "entah", "Hijab & mukena"]),
                Field.postalCode: pick(["12190", "12820", "1282", "abcde"]),
                Field.address: pick(["Jl. Tebet Raya No. 1", "  Gg. Haji  Ung ", "-"]),
            ]
        }
    }

    static let records: [[String: String]] = {
        var generator = Generator(seed: 0x9E37_79B9_7F4A_7C15)
        return (0..<600).map { _ in generator.fields() }
    }()

    static let canonicalFields = [
        Field.name, Field.nik, Field.phone, Field.email, Field.birthDate, Field.gender,
        Field.kelurahan, Field.kecamatan, Field.sector, Field.postalCode, Field.address,
    ]

    let stage = Normalizing.stage

    @Test func normalizingTwiceGivesTheSameResult() {
        for fields in Self.records {
            var record = Fixtures.record("row:2", fields)
            stage.transform(&record)
            let once = record.normalized
            stage.transform(&record)
            #expect(record.normalized == once)
        }
    }

    @Test func aCanonicalValueNormalizesToItself() {
        for fields in Self.records {
            let first = Normalizing.values(fields, stage: stage)
            for field in Self.canonicalFields {
                guard let canonical = first[field] else { continue }
                // Fields that only mean something together are fed back together.
                var again = [field: canonical]
                if field == Field.kelurahan, let kecamatan = first[Field.kecamatan] { again[Field.kecamatan] = kecamatan }
                let second = Normalizing.values(again, stage: stage)
                #expect(second[field] == canonical, "\(field)")
            }
        }
    }

    @Test func noRawValueIsLost() {
        for fields in Self.records {
            var record = Fixtures.record("row:2", fields)
            let before = record.source
            stage.transform(&record)
            #expect(record.source == before)
            let normalized = record.normalized ?? NormalizedRecord()
            for (field, raw) in fields where !stage.isPlaceholder(TextNormalizer.clean(raw)) {
                let kept = normalized[field] != nil || normalized.issues.contains { $0.field == field && $0.raw == raw }
                #expect(kept, "\(field)")
            }
            for issue in normalized.issues {
                #expect(issue.raw == fields[issue.field] || issue.field == Field.otherPhones)
                if let raw = issue.raw, raw.count > 2 { #expect(!issue.message.contains(raw)) }
            }
        }
    }

    @Test func aCanonicalKeyFieldIsAlwaysWellFormedOrFlagged() {
        for fields in Self.records {
            let result = Normalizing.values(fields, stage: stage)
            if let phone = result[Field.phone] {
                let indonesian = phone.hasPrefix("+62") && (11...16).contains(phone.utf8.count)
                let foreign = !phone.hasPrefix("+62") && (9...16).contains(phone.utf8.count) && result.issues.contains { $0.code == "phone.foreign" }
                #expect(indonesian || foreign, "\(phone)")
            }
            if let nik = result[Field.nik], IdentifierRules.isWellFormedNIK(nik) == false {
                #expect(result.issues.contains { $0.field == Field.nik })
            }
            if let email = result[Field.email], !EmailNormalizer.isWellFormed(email) {
                #expect(result.issues.contains { $0.code == "email.syntax" })
            }
        }
    }
}
