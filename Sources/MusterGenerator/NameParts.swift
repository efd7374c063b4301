/// The pieces generated names are built from: syllables and common Indonesian name words.
/// Full names are random combinations, so no generated name is taken from a real person.
enum NameParts {
    /// Syllables that open a generated given name.
    static let onsets = [
        "Su", "Sri", "Wa", "Ju", "Ra", "Har", "Ku", "Ma", "Ni", "Nur", "Ti", "Yu", "Da", "Pu", "Ro", "Sa", "Wi", "Dar",
        "Ce", "Ja", "Mu", "Hen", "Tu", "Ar", "Ba", "Ling", "Ha", "Se", "Rus", "Ka", "Le", "Ri", "Mar", "Ci", "Ta", "Ya",
    ]
    /// Middle syllables of a generated given name (often none).
    static let middles = ["har", "ma", "ri", "la", "wan", "sa", "di", "ya", "ti", "na", "ra", "ju", "ku", "li", "hu"]
    /// Endings that make a generated given name read as a woman's name.
    static let femaleEndings = ["ti", "ni", "wati", "yani", "sih", "nah", "yah", "ningsih", "rini", "yati", "tun", "ah", "na"]
    /// Endings that make a generated given name read as a man's name.
    static let maleEndings = ["to", "no", "man", "di", "yanto", "wan", "din", "jo", "yadi", "ri", "han", "mat", "yono"]

    /// Common given-name words for women.
    static let femaleWords = [
        "Siti", "Dewi", "Sri", "Nur", "Ratna", "Rina", "Yuliani", "Eka", "Dwi", "Ani", "Indah", "Fitri", "Wulan", "Ayu",
        "Putri", "Mega", "Lestari", "Rahma", "Ika", "Dian", "Neneng", "Juwita", "Aisyah", "Anisa", "Elly", "Hartini",
        "Yanti", "Novi", "Rosmala", "Umi", "Cici", "Intan", "Tuti", "Yuyun",
    ]
    /// Common given-name words for men.
    static let maleWords = [
        "Agus", "Ahmad", "Budi", "Dedi", "Eko", "Fajar", "Firman", "Heru", "Iqbal", "Joko", "Rudi", "Bambang", "Darmawan",
        "Hendra", "Andi", "Rizki", "Yusuf", "Arif", "Bayu", "Dimas", "Hasan", "Husein", "Ilham", "Taufik", "Wahyu", "Yoga",
        "Cahyo", "Jajang", "Ujang", "Asep", "Dadang",
    ]
    /// Second and family names (Javanese, Sundanese, Batak, Arabic-derived), for either gender.
    static let familyWords = [
        "Saputra", "Pratama", "Hidayat", "Setiawan", "Nasution", "Lubis", "Siregar", "Simanjuntak", "Harahap", "Sinaga",
        "Tambunan", "Pohan", "Manurung", "Hakim", "Salim", "Rahman", "Kurniawan", "Gunawan", "Santoso", "Wibowo",
        "Nugroho", "Hartono", "Ramadhan", "Syahputra", "Firmansyah", "Hutapea", "Sitompul", "Rangkuti", "Lim", "Wijaya",
    ]
    /// Second names that read as a woman's.
    static let femaleFamilyWords = [
        "Lestari", "Wahyuni", "Susanti", "Handayani", "Anggraini", "Purnamasari", "Safitri", "Fauziah", "Yulianti",
        "Komariah", "Rahmawati", "Marlina", "Oktaviani", "Pertiwi", "Kusumawati", "Puspitasari", "Maharani", "Cahyani",
    ]
    /// The canonical spelling of the name with many variants.
    static let muhammad = "Muhammad"
    /// How `Muhammad` is written on forms.
    static let muhammadVariants = ["Muhammad", "Mohammad", "Muhamad", "Mohamad", "M.", "Moh.", "Muh.", "Mochammad"]

    /// Honorifics written before a woman's name.
    static let femaleHonorifics = ["Ibu ", "Bu ", "Ny. ", "Ibu "]
    /// Honorifics written before a man's name.
    static let maleHonorifics = ["Bapak ", "Bpk. ", "Pak ", "Sdr. "]
    /// Academic degrees as people append them.
    static let degreeSuffixes = [", S.E.", " S.E", ", S.Pd.", " S.Pd", ", S.Kom.", " S.Kom", ", S.Sos.", " S.Sos", ", A.Md."]
    /// Titles written before the name.
    static let degreePrefixes = ["Ir. ", "Dr. ", "Drs. "]

    /// Full names that many people share: the source of same-name, same-kecamatan homonyms.
    static let commonNames: [[String]] = [
        ["Siti", "Aminah"], ["Sri", "Wahyuni"], ["Dewi", "Lestari"], ["Nur", "Hasanah"], ["Siti", "Rahmawati"],
        ["Muhammad", "Rizki"], ["Agus", "Setiawan"], ["Budi", "Santoso"], ["Ahmad", "Hidayat"], ["Eko", "Saputra"],
        ["Siti", "Komariah"], ["Dedi", "Kurniawan"],
    ]
    /// Which common names are women's (index-aligned with ``commonNames``).
    static let commonNameIsFemale = [true, true, true, true, true, false, false, false, false, false, true, false]

    /// Street names for addresses.
    static let streets = [
        "Jl. Kenanga", "Jl. Melati", "Jl. Mawar", "Jl. Flamboyan", "Jl. Cempaka", "Jl. Dahlia", "Jl. Masjid", "Jl. Haji Saleh",
        "Gg. Damai", "Gg. Sawo", "Jl. Pinang", "Jl. Nangka", "Jl. Jambu", "Jl. Delima", "Jl. Sepakat", "Jl. Swadaya",
    ]
    /// What the participants' businesses do, as written on sign-up forms.
    static let sectors = [
        "Kuliner", "Katering rumahan", "Jahit, permak pakaian", "Kerajinan tas", "Tote bag", "Sablon kaos", "Kue kering",
        "Hijab & mukena", "Toko kelontong", "Aksesoris manik-manik", "Laundry kiloan", "Minuman kekinian", "Keripik singkong",
        "Dompet & pouch", "Jahit & Bordir", "Fesyen",
    ]
    /// E-mail hosts; all reserved or invented (`example.*`, `*.example`).
    static let emailDomains = ["example.com", "example.co.id", "example.net", "mail.example", "surel.example", "webmail.example"]
}
