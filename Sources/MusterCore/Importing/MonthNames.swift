/// Month names as Indonesian and English offices write them, old spellings (`djuni`,
/// `pebruari`, `nopember`) and abbreviations (`agt`, `mrt`) included: one table for every
/// reader of dates — normalize's dates, a sheet's attendance-day headers, a signature
/// block's "Jakarta, 5 Nop 2024" — so a spelling one of them reads, all of them read.
package enum MonthNames {
    package static let numbers: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [(Int, [String])] = [
            (1, ["januari", "january", "jan", "djanuari"]), (2, ["februari", "february", "feb", "febr", "pebruari", "peb", "pebr"]),
            (3, ["maret", "march", "mar", "mrt"]), (4, ["april", "apr"]), (5, ["mei", "may"]),
            (6, ["juni", "june", "jun", "djuni"]), (7, ["juli", "july", "jul", "djuli"]),
            (8, ["agustus", "august", "agu", "agt", "ags", "agst", "agus", "aug"]),
            (9, ["september", "sept", "sep", "spt", "sepember"]), (10, ["oktober", "october", "okt", "oct"]),
            (11, ["november", "nopember", "nov", "nop", "nopem"]), (12, ["desember", "december", "des", "dec"]),
        ]
        for (month, words) in names { for word in words { table[word] = month } }
        return table
    }()
}
