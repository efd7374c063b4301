/// The South Jakarta regions the generated people live in: the kecamatan (31.74.01–10) and
/// their kelurahan, copied from shared/data/wilayah/dki_jakarta_wilayah.csv, with the
/// abbreviations and misspellings people write on forms.
struct Kecamatan: Sendable {
    /// The two-digit district code, as in the NIK (`07` for Kebayoran Baru).
    var code: String
    var name: String
    /// The three-letter code used in session codes (`KBB`).
    var short: String
    /// Other ways the name is written: abbreviations, spacing, common typos.
    var variants: [String]
    var kelurahan: [String]

    static let all: [Kecamatan] = [
        Kecamatan(
            code: "01", name: "Tebet", short: "TBT", variants: ["Kec. Tebet", "Tebet"],
            kelurahan: [
                "Tebet Timur", "Tebet Barat", "Menteng Dalam", "Kebon Baru", "Bukit Duri", "Manggarai Selatan", "Manggarai",
            ]),
        Kecamatan(
            code: "02", name: "Setiabudi", short: "STB", variants: ["Setia Budi", "Setiabudhi", "Kec. Setiabudi"],
            kelurahan: [
                "Setia Budi", "Karet Semanggi", "Karet Kuningan", "Karet", "Menteng Atas", "Pasar Manggis", "Guntur", "Kuningan Timur",
            ]),
        Kecamatan(
            code: "03", name: "Mampang Prapatan", short: "MPP", variants: ["Mampang", "Mampang Prpt", "Mampang Prapatan"],
            kelurahan: [
                "Mampang Prapatan", "Bangka", "Pela Mampang", "Tegal Parang", "Kuningan Barat",
            ]),
        Kecamatan(
            code: "04", name: "Pasar Minggu", short: "PSM", variants: ["Ps. Minggu", "Psr Minggu", "Pasar Mingu"],
            kelurahan: [
                "Pasar Minggu", "Jati Padang", "Cilandak Timur", "Ragunan", "Pejaten Timur", "Pejaten Barat", "Kebagusan",
            ]),
        Kecamatan(
            code: "05", name: "Kebayoran Lama", short: "KBL", variants: ["Kby. Lama", "Keb. Lama", "Kebayoran Lama"],
            kelurahan: [
                "Kebayoran Lama Utara", "Pondok Pinang", "Cipulir", "Grogol Utara", "Grogol Selatan", "Kebayoran Lama Selatan",
            ]),
        Kecamatan(
            code: "06", name: "Cilandak", short: "CLD", variants: ["Kec. Cilandak", "Cilandak", "Cilandack"],
            kelurahan: [
                "Cilandak Barat", "Lebak Bulus", "Pondok Labu", "Gandaria Selatan", "Cipete Selatan",
            ]),
        Kecamatan(
            code: "07", name: "Kebayoran Baru", short: "KBB", variants: ["Kby. Baru", "Keb. Baru", "Kebayoran Br"],
            kelurahan: [
                "Melawai", "Gunung", "Kramat Pela", "Selong", "Rawa Barat", "Senayan", "Pulo", "Petogogan", "Gandaria Utara", "Cipete Utara",
            ]),
        Kecamatan(
            code: "08", name: "Pancoran", short: "PCR", variants: ["Kec. Pancoran", "Pancoran", "Pncoran"],
            kelurahan: [
                "Pancoran", "Kalibata", "Rawajati", "Duren Tiga", "Pengadegan", "Cikoko",
            ]),
        Kecamatan(
            code: "09", name: "Jagakarsa", short: "JGK", variants: ["Jagakarsa", "Jaga Karsa", "Kec. Jagakarsa"],
            kelurahan: [
                "Jagakarsa", "Srengseng Sawah", "Ciganjur", "Lenteng Agung", "Tanjung Barat", "Cipedak",
            ]),
        Kecamatan(
            code: "10", name: "Pesanggrahan", short: "PSG", variants: ["Pesangrahan", "Psanggrahan", "Kec. Pesanggrahan"],
            kelurahan: [
                "Pesanggrahan", "Bintaro", "Petukangan Utara", "Petukangan Selatan", "Ulujami",
            ]),
    ]

    /// Real kelurahan of the other kota, with their kecamatan: places people outside the
    /// office's area give (each name belongs to no South Jakarta place).
    static let elsewhere: [(kelurahan: String, kecamatan: String)] = [
        ("Cengkareng Barat", "Cengkareng"), ("Rawamangun", "Pulogadung"), ("Kelapa Gading Timur", "Kelapa Gading"), ("Cikini", "Menteng"),
        ("Tomang", "Grogol Petamburan"), ("Pluit", "Penjaringan"), ("Sunter Agung", "Tanjung Priok"), ("Cililitan", "Kramatjati"),
        ("Klender", "Duren Sawit"), ("Kampung Melayu", "Jatinegara"), ("Cempaka Putih Timur", "Cempaka Putih"), ("Kemayoran", "Kemayoran"),
    ]

    /// Word abbreviations used in kelurahan names on hand-typed sheets (`Tebet Brt`).
    static let wordAbbreviations: [String: String] = [
        "Barat": "Brt", "Timur": "Tmr", "Utara": "Utr", "Selatan": "Sel.", "Kebayoran": "Kby.", "Pasar": "Ps.", "Petukangan": "Ptk.",
    ]
}
