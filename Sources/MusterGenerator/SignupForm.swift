/// The sign-up forms offices build: Google Forms' own columns (`Timestamp`, and `Email
/// Address` second when the form collects e-mails) and the question texts people write,
/// each form with its own order, so the importer must read headers by their words.
struct SignupForm {
    enum Column {
        case timestamp, name, nik, phone, email, birthDate, gender, address, kelurahan, kecamatan, sector
        /// "Tempat, Tanggal Lahir": the birth place, a comma, the birth date.
        case birthPlaceAndDate
    }

    /// Header cells and the value each holds, in order.
    var cells: [(header: String, column: Column)]

    var header: String { cells.map { $0.header.contains(",") ? "\"\($0.header)\"" : $0.header }.joined(separator: ",") }
    var columns: [Column] { cells.map(\.column) }

    static let all: [SignupForm] = [
        SignupForm(cells: [
            ("Timestamp", .timestamp), ("Nama Lengkap", .name), ("NIK", .nik), ("No HP/WA", .phone), ("Email", .email),
            ("Tanggal Lahir", .birthDate), ("Jenis Kelamin", .gender), ("Kelurahan", .kelurahan), ("Kecamatan", .kecamatan),
            ("Jenis Usaha", .sector),
        ]),
        SignupForm(cells: [
            ("Timestamp", .timestamp), ("Email Address", .email), ("Nama Lengkap", .name), ("NIK", .nik), ("No. HP/WhatsApp", .phone),
            ("Tanggal Lahir", .birthDate), ("Jenis Kelamin", .gender), ("Alamat Lengkap", .address), ("Kelurahan", .kelurahan),
            ("Kecamatan", .kecamatan), ("Kategori Usaha", .sector),
        ]),
        SignupForm(cells: [
            ("Timestamp", .timestamp), ("Nama", .name), ("Nomor WA aktif", .phone), ("Nomor KTP (NIK)", .nik), ("Alamat Email", .email),
            ("Tgl Lahir", .birthDate), ("Jenis Kelamin", .gender), ("Alamat Rumah", .address), ("Kelurahan", .kelurahan),
            ("Kecamatan", .kecamatan), ("Bidang Usaha", .sector),
        ]),
        SignupForm(cells: [
            ("Timestamp", .timestamp), ("Nama Lengkap", .name), ("Tempat, Tanggal Lahir", .birthPlaceAndDate), ("NIK", .nik),
            ("No. HP/WhatsApp", .phone), ("Email", .email), ("Jenis Kelamin", .gender), ("Kelurahan", .kelurahan), ("Kecamatan", .kecamatan),
            ("Jenis Usaha", .sector),
        ]),
        // An Indonesian-language Google account's form, for a business list.
        SignupForm(cells: [
            ("Stempel waktu", .timestamp), ("Nama Pemilik Usaha", .name), ("No. NIK", .nik), ("Kontak", .phone), ("Alamat Email", .email),
            ("Tanggal Lahir", .birthDate), ("Jenis Kelamin", .gender), ("Kel/Desa", .kelurahan), ("Kecamatan Domisili", .kecamatan),
            ("Produk", .sector),
        ]),
    ]
}
