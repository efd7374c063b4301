import Foundation
import MusterCore
import Testing

/// The one order of field names: ranks, `String`'s `<`, the order ``FieldValues`` keeps and
/// the key order ``JSONWriter`` writes must all agree.
@Suite struct FieldOrderTests {
    /// Every ``Field`` name, listed here apart from ``FieldOrder/names``.
    static let fieldNames = [
        Field.name, Field.nik, Field.phone, Field.email, Field.birthDate, Field.birthPlace, Field.gender, Field.address,
        Field.kelurahan, Field.kecamatan, Field.postalCode, Field.sector, Field.businessName, Field.externalID,
        Field.submittedAt, Field.honorific, Field.degree, Field.nameKey, Field.otherPhones, Field.phoneType,
        Field.kecamatanCode, Field.kelurahanCode, Field.nikDistrict, Field.nikBirthDate, Field.nikGender, Field.derived,
        Field.sessionCode, Field.sessionKey, Field.session, Field.guid, Field.title, Field.link, Field.published, Field.author,
        Field.categories, Field.text,
    ]

    /// Names outside ``Field``: near misses, other cases, non-ASCII, combining marks.
    static let otherNames = [
        "Nama", "nama", "nam", "names", "", "é", "e\u{301}", "ex", "Ω", "z", "Catatan", "Catatan (3)", "Catatan (10)",
        "a\u{338}", "ne\u{301}", "na\u{301}x", "nama_ibu", "Kolom Lain", "nikbirthdate", "phone ", "_", "0", "NIK",
    ]

    /// A known name, another name, or either with something appended, in NFC: across
    /// normalization forms `String`'s `<` is itself no order when one name's NFC form is a
    /// prefix of the other's (`"e\u{301}" < "\u{E9}2"` and its converse are both false), so
    /// no order can agree with it there.
    static func randomName(_ random: inout SplitMix64) -> String {
        let name =
            switch random.below(4) {
            case 0, 1: random.pick(fieldNames)
            case 2: random.pick(otherNames)
            default: random.pick(fieldNames + otherNames) + random.pick(["x", "\u{301}", "Key", " ", "é", "A", "2", "_id"])
            }
        return name.precomposedStringWithCanonicalMapping
    }

    @Test func everyFieldNameIsRankedByItsPlaceInStringOrder() {
        #expect(FieldOrder.names == Self.fieldNames.sorted())
        #expect(FieldOrder.names.count <= 64)
        for (index, name) in FieldOrder.names.enumerated() {
            #expect(FieldOrder.rank(of: name) == index, "\(name)")
        }
        for name in Self.otherNames {
            #expect(FieldOrder.rank(of: name) == nil, "\(name.debugDescription)")
        }
    }

    @Test func precedesIsStringsLessThan() {
        let names = Self.fieldNames + Self.otherNames
        for left in names {
            for right in names {
                #expect(FieldOrder.precedes(left, right) == (left < right), "\(left.debugDescription) < \(right.debugDescription)")
            }
        }
    }

    /// Random sets of names, known and not: rank order, `String` order, the order
    /// ``FieldValues`` keeps and the key order of the JSON written for it are one order.
    @Test(arguments: [1, 2, 3, 4]) func rankStringFieldValuesAndJSONOrderAgree(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<200 {
            let names = (0..<random.within(0...30)).map { _ in Self.randomName(&random) }
            var values = FieldValues()
            for (index, name) in names.enumerated() { values[name] = "v\(index)" }
            let sorted = values.dictionary.keys.sorted()
            #expect(values.keys == sorted)
            #expect(values.keys.sorted(by: FieldOrder.precedes) == sorted)

            let known = values.keys.compactMap { name in FieldOrder.rank(of: name).map { (name, $0) } }
            #expect(known.map(\.1) == known.map(\.1).sorted())
            values.forEachMember { rank, name, _ in #expect(rank == FieldOrder.rank(of: name), "\(name.debugDescription)") }

            var writer = JSONWriter()
            writer.object(values)
            guard case .object(let members) = try JSONParser.parse(writer.bytes) else {
                Issue.record("not a JSON object: \(writer.text)")
                continue
            }
            #expect(members.map(\.key) == sorted)
            var fromDictionary = JSONWriter()
            fromDictionary.object(values.dictionary)
            #expect(fromDictionary.text == writer.text)
        }
    }
}
