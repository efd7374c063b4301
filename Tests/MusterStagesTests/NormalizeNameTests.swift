import MusterCore
import Testing

@testable import MusterStages

@Suite struct NormalizeNameTests {
    @Test(arguments: [
        ("SITI AMINAH", "Siti Aminah"), ("mUHAMMAD rIZKI", "Muhammad Rizki"), ("  siti   aminah ", "Siti Aminah"),
        ("nur'aini", "Nur'aini"), ("NUR’AINI", "Nur'aini"), ("ma'ruf amin", "Ma'ruf Amin"), ("abdul-aziz", "Abdul-Aziz"),
        ("AHMAD BIN YUSUF", "Ahmad bin Yusuf"), ("siti binti ahmad", "Siti binti Ahmad"), ("BINTANG", "Bintang"),
        ("m. rizki", "M. Rizki"), ("SUMARNI", "Sumarni"), ("Ｓｉｔｉ　Ａｍｉｎａｈ", "Siti Aminah"), ("ÉLIA ÖZIL", "Élia Özil"),
        ("van der berg", "Van der Berg"), ("I GUSTI AYU MADE", "I Gusti Ayu Made"), ("Dian S.E", "Dian"),
    ])
    func displayCasing(raw: String, display: String) {
        #expect(Normalizing.values([Field.name: raw])[Field.name] == display)
    }

    @Test(
        arguments: [
            ("Ibu Siti Aminah", "Siti Aminah", "Ibu", nil),
            ("Bu Siti", "Siti", "Ibu", nil),
            ("BAPAK AHMAD", "Ahmad", "Bapak", nil),
            ("Pak Dedi", "Dedi", "Bapak", nil),
            ("Bpk. Eko Saputra", "Eko Saputra", "Bapak", nil),
            ("Sdr. Firman Lubis", "Firman Lubis", "Sdr.", nil),
            ("Sdri. Rina", "Rina", "Sdri.", nil),
            ("H. Ahmad Dahlan", "Ahmad Dahlan", "H.", nil),
            ("Hj. Dewi Wahyuni", "Dewi Wahyuni", "Hj.", nil),
            ("Hajjah Dewi", "Dewi", "Hj.", nil),
            ("IBU HJ. SITI", "Siti", "Ibu Hj.", nil),
            ("Ny. Mega", "Mega", "Ny.", nil),
            ("Siti Aminah, S.E.", "Siti Aminah", nil, "S.E."),
            ("Siti Aminah, S.E., M.M.", "Siti Aminah", nil, "S.E., M.M."),
            ("Sulastri Yulianti S.Pd", "Sulastri Yulianti", nil, "S.Pd."),
            ("SITI PERTIWI S.KOM", "Siti Pertiwi", nil, "S.Kom."),
            ("Budi Santoso SH", "Budi Santoso", nil, "S.H."),
            ("Ir. Joko Widodo", "Joko Widodo", nil, "Ir."),
            ("Dr. Ir. Bambang, M.M.", "Bambang", nil, "Dr., Ir., M.M."),
            ("dr. Rina Susanti", "Rina Susanti", nil, "Dr."),
            ("Rina Susanti, A.Md.", "Rina Susanti", nil, "A.Md."),
            ("Dewi Lestari S. E.", "Dewi Lestari", nil, "S.E."),
            ("Prof. Dr. Siti Rahayu, S.H., M.H.", "Siti Rahayu", nil, "Prof., Dr., S.H., M.H."),
            ("Hj. Nur Hidayah, S.Pd.I", "Nur Hidayah", "Hj.", "S.Pd.I."),
        ] as [(String, String, String?, String?)])
    func honorificsAndDegreesSplitOff(raw: String, name: String, honorific: String?, degree: String?) {
        let result = Normalizing.values([Field.name: raw])
        #expect(result[Field.name] == name)
        #expect(result[Field.honorific] == honorific)
        #expect(result[Field.degree] == degree)
        #expect(result.issues.isEmpty)
    }

    @Test(arguments: ["Ibu", "Bpk.", "S.E."])
    func aTitleAloneIsAnIssueNotAName(raw: String) {
        let result = Normalizing.values([Field.name: raw])
        #expect(result[Field.name] == nil)
        #expect(result.issues.map(\.code) == ["name.title-only"])
    }

    @Test(arguments: [
        ["Muhammad Rizki", "Mohammad Rizki", "Muhamad Rizki", "Moh. Rizki", "M. Rizki", "MOCH RIZKI", "Mochammad Rizki", "Muh. Rizki", "Mohamad Rizky"],
        ["Soekarno", "Sukarno"], ["Djoko Susilo", "Joko Susilo"], ["Tjahjo Kumolo", "Cahyo Kumolo"], ["Jahja", "Yahya"],
        ["Sjamsul Arifin", "Syamsul Arifin"], ["Chairul Tanjung", "Khairul Tanjung", "Hairul Tanjung"],
        ["Achmad Dahlan", "Ahmad Dahlan", "Akhmad Dahlan", "H. Ahmad Dahlan"], ["Ramadhan", "Ramadan"],
        ["Abdullah", "Abdulah"], ["Nur'aini", "Nuraini", "NURAINI"],
        ["Siti Aminah, S.E.", "Ibu Siti Aminah", "SITI AMINAH"], ["Oetomo Djojo", "Utomo Joyo"],
    ])
    func spellingsOfOneNameShareAKey(spellings: [String]) {
        let keys = Set(spellings.map { Normalizing.values([Field.name: $0])[Field.nameKey] })
        #expect(keys.count == 1, "\(keys)")
    }

    @Test(arguments: [("Siti Aminah", "Siti Rahayu"), ("Joko", "Yoga"), ("Muhammad Rizki", "Rizki"), ("Dewi", "Dewo")])
    func differentNamesKeepDifferentKeys(first: String, second: String) {
        #expect(Normalizing.values([Field.name: first])[Field.nameKey] != Normalizing.values([Field.name: second])[Field.nameKey])
    }

    @Test func honorificsAndDegreesComeFromOptions() throws {
        let options = try Normalizing.options(
            #"{"honorifics": {"Kak": ["kakak"], "Bunda": ["bun"]}, "degrees": {"S.Tr.Kes.": ["strkes"]}, "particles": ["dari"]}"#)
        let stage = NormalizeStage(options: options, context: Fixtures.context())
        let result = Normalizing.values([Field.name: "Bun Siti Dari Jawa S.Tr.Kes."], stage: stage)
        #expect(result[Field.name] == "Siti dari Jawa")
        #expect(result[Field.honorific] == "Bunda")
        #expect(result[Field.degree] == "S.Tr.Kes.")
    }
}
