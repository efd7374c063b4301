import MusterCore
import Testing

/// The signature blocks and totals below a list of participants, and the names that must
/// never be taken for them.
@Suite struct FooterRowTests {
    @Test(arguments: [
        // Closings.
        "Mengetahui,", "MENGETAHUI", "Menyetujui:", "Diketahui oleh,", "Dibuat oleh", "Dibuat oleh:", "Hormat kami,", "ttd", "(ttd)",
        "TTD.", "Tanda Tangan", "Yang membuat,",
        // Totals and counts.
        "TOTAL", "Total", "Jumlah", "JUMLAH PESERTA", "Jumlah Peserta: 40", "Jumlah peserta", "Total Hadir 35", "Sub Total", "Grand Total",
        "Jumlah L/P", "30 orang", "38 orang", "246 peserta",
        // Offices, alone or with their unit; deputies and acting officials.
        "Kepala", "Kepala Seksi Perindustrian", "Kepala Suku Dinas PPKUKM Jakarta Selatan", "Lurah Pejaten Timur", "Camat Tebet",
        "Instruktur", "Narasumber:", "Ketua RW 05", "Ketua RT 003/RW 05", "Ketua Panitia", "Wakil Ketua RW 05", "Sekretaris Kelurahan",
        "a.n. Kepala Suku Dinas", "Plt. Lurah Cipete Utara",
        // Civil-servant numbers, place and date, a blank to sign on.
        "NIP. 197104121998031005", "NIP 19710412 199803 1 005", "NIP.", "Jakarta, 22 Oktober 2024", "Jakarta Selatan, 1 Des 2024",
        "Jakarta, 5 Nop 2024", "Jakarta, 3 Pebruari 2025", "Jakarta, 22/10/2024", "(..............................)", "(____________)",
    ])
    func aFooterTextIsRecognized(text: String) {
        #expect(FooterRow.isFooterText(text), "\(text)")
    }

    @Test(arguments: [
        // Real names, some starting like a footer word.
        "Totalia Sari", "Totok Suharto", "Ketut Sudarsana", "Jumiati", "Siti Jumlah", "Ahmad Total", "Total Sari", "Nipah Lestari",
        "Camelia Putri", "Lurahman", "Hormat", "Ketua", "Ketua Siti Aminah", "Bendahara", "Drs. Hartono Wiryawan, M.Si.",
        "Ibu Hj. Siti Aminah, S.E.", "Tati Nurjanah (Tas anyaman)", "Orang",
        // Values that are no footer either.
        "-", "", "35", "Pejaten Timur", "Jakarta, Indonesia", "12 Mei 1990",
    ])
    func aNameIsNoFooter(text: String) {
        #expect(!FooterRow.isFooterText(text), "\(text)")
    }

    /// A row: its fields, its other cells, and whether it is a signature or totals line.
    struct Row: Sendable, CustomTestStringConvertible {
        var fields: [String: String]
        var others: [String] = []
        var isFooter: Bool

        var testDescription: String { "\(fields) \(others)" }
    }

    @Test(arguments: [
        // The name cell is footer text; the other cells may hold the place and date or a role.
        Row(fields: [Field.name: "Mengetahui,"], others: ["Jakarta, 22 Oktober 2024"], isFooter: true),
        Row(fields: [Field.name: "Kepala Seksi Perindustrian"], others: ["Instruktur"], isFooter: true),
        Row(fields: [Field.name: "TOTAL"], others: ["246 peserta"], isFooter: true),
        Row(fields: [Field.name: "JUMLAH PESERTA", Field.nik: "38 orang"], others: ["35", "33"], isFooter: true),
        Row(fields: [Field.name: "30 orang"], others: ["Jumlah peserta"], isFooter: true),
        Row(fields: [Field.name: "(..............)", Field.phone: "-"], isFooter: true),
        // An official's name above their NIP, wherever the NIP stands.
        Row(fields: [Field.name: "Drs. Hartono Wiryawan, M.Si.", Field.nik: "NIP. 197104121998031005"], others: ["Lia Kartika"], isFooter: true),
        Row(fields: [Field.name: "Drs. Hartono Wiryawan, M.Si."], others: ["NIP. 197104121998031005"], isFooter: true),
        // No name: the footer text is elsewhere and the rest are numbers.
        Row(fields: [:], others: ["Jumlah", "40"], isFooter: true),
        Row(fields: [Field.name: "7"], others: ["Total", "1.250"], isFooter: true),
        // An identifier makes it a person, whatever the name column says.
        Row(fields: [Field.name: "Kepala", Field.nik: "3174015203870001"], isFooter: false),
        Row(fields: [Field.name: "TOTAL", Field.phone: "0812-1111-2222"], isFooter: false),
        Row(fields: [Field.name: "Ketua RW 05", Field.email: "rw05@example.net"], isFooter: false),
        Row(fields: [Field.name: "Mengetahui,", Field.phone: "HP: 0812 1111 2222"], isFooter: false),
        // Real names pass, with or without identifiers.
        Row(fields: [Field.name: "Totalia Sari"], others: ["1"], isFooter: false),
        Row(fields: [Field.name: "Ketua Siti Aminah", Field.kelurahan: "Pulo"], isFooter: false),
        Row(fields: [Field.name: "Siti Aminah", Field.kelurahan: "Pulo"], others: ["Jumlah"], isFooter: false),
        // No name and a cell that is neither footer text nor a number: an incomplete row, not a footer.
        Row(fields: [Field.kelurahan: "Pulo"], others: ["Jumlah"], isFooter: false),
        Row(fields: [:], others: ["35"], isFooter: false),
    ])
    func aRowIsAFooterOnlyWithoutIdentifiers(row: Row) {
        #expect(FooterRow.matches(FieldValues(row.fields), otherCells: { row.others }) == row.isFooter)
    }
}
