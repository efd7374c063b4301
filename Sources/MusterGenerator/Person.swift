/// One invented person: the truth behind the records the generator writes about them.
struct Person {
    /// 1-based; the truth file's `person_id` is `T` and this number, zero-padded to 7 digits.
    var number: Int
    /// The name's words in canonical spelling and title case (`["Muhammad", "Rizki"]`).
    var words: [String]
    var isFemale: Bool
    var birthYear: Int
    var birthMonth: Int
    var birthDay: Int
    /// Index into ``Kecamatan/all``.
    var kecamatan: Int
    /// Index into that kecamatan's kelurahan.
    var kelurahan: Int
    /// 16 digits: 31 74 district, DDMMYY (DD + 40 for women), serial.
    var nik: String
    /// National numbers without the leading 0 or +62 (`81234567890`, landlines `217804519`);
    /// the first is the one mostly given, a second is an older number.
    var phones: [String]
    var email: String?
    var address: String
    /// Index into ``NameParts/sectors``.
    var sector: Int
    /// A degree the person sometimes writes (index into ``NameParts/degreeSuffixes`` or
    /// ``NameParts/degreePrefixes`` when negative − 1), if any.
    var degree: Int?
    /// Haji or Hajjah: writes `H.`/`Hj.` before the name sometimes.
    var isHajj: Bool
    /// The Jakpreneur platform id (`JP-2024-00107`).
    var platformID: Int
    /// The household's number, shared by everyone living at one address.
    var household = 0
    /// The person's twin, born the same day into the same household.
    var twinOf: Int?
    /// The sessions the person enrolled in (indices into ``Sessions/all``): one, or two.
    var sessions: [Int] = []

    /// `T0000042`.
    var id: String {
        var digits = String(number)
        if digits.count < 7 { digits = String(repeating: "0", count: 7 - digits.count) + digits }
        return "T" + digits
    }

    /// Where the person was born: Jakarta for most, a city they moved from for the rest
    /// (fixed by the person's number, so every record of theirs agrees).
    var birthPlace: String {
        let places = ["Jakarta", "Jakarta", "Jakarta", "Bogor", "Bekasi", "Tangerang", "Bandung", "Cirebon", "Tegal", "Padang", "Medan", "Surabaya"]
        return places[number &* 7919 % places.count]
    }

    var kecamatanInfo: Kecamatan { Kecamatan.all[kecamatan] }
    var kelurahanName: String { Kecamatan.all[kecamatan].kelurahan[kelurahan] }
}
