internal import MusterCore

/// One training batch named the ways sources name it, read into two keys dedupe can join:
/// - a code (`WUIB-TBT-03` in a sheet's file name or an export's training code) → `sessionCode`
///   `WUIB-TBT-3`: upper case, the batch without leading zeros;
/// - a title (`Daftar Peserta Pelatihan WUIB Kerajinan Tas Angkatan 3 Kecamatan Tebet` in a
///   news item, `Pelatihan WUIB Kerajinan Tas Angkatan 3` in a recap row) → `sessionKey`
///   `wuib kerajinan tas|3|31.74.01`: the programme's own words, the batch, and the kecamatan
///   the title names (else the record's own).
///
/// A record holding both (an export's training: code and title) tells dedupe that the two
/// name one session, so a news row can meet the people who signed up for it.
enum SessionIdentity {
    /// Words a title uses around the programme's name, not part of it.
    static let fillerWords: Set<Substring> = [
        "daftar", "peserta", "pengumuman", "pelatihan", "yang", "diterima", "lolos", "terpilih", "calon", "kegiatan", "program", "batch",
        "gelombang", "tahun", "2023", "2024", "2025", "2026",
    ]

    /// `WUIB-TBT-3` for a code of two to three dash-separated parts ending in a batch number
    /// of at most three digits (`WUIB-TBT-03`, `jahit-kbb-1`, `DIGI-02`); nil for anything
    /// else, a news item's guid (`ppkukm-jaksel-000042`) included.
    static func code(_ text: String) -> String? {
        // Checked on the bytes first: most programme fields (news guids, titles) are no code,
        // and this runs for every enrollment.
        var dashes = 0
        var partLength = 0
        var partIsDigits = true
        var partIsLetters = true
        for byte in text.utf8 where byte != 0x20 {
            if byte == 0x2D {
                guard partLength > 0, partLength <= 8, partIsLetters, dashes < 2 else { return nil }
                dashes += 1
                (partLength, partIsDigits, partIsLetters) = (0, true, true)
                continue
            }
            let isDigit = ByteText.isDigit(byte)
            let isLetter = ByteText.isLetter(byte)
            guard isDigit || isLetter else { return nil }
            partIsDigits = partIsDigits && isDigit
            partIsLetters = partIsLetters && isLetter
            partLength += 1
        }
        guard dashes >= 1, partIsDigits, (1...3).contains(partLength) else { return nil }
        // Upper case, no spaces, the batch without its leading zeros.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var dashesSeen = 0
        var batchStarted = false
        for byte in text.utf8 where byte != 0x20 {
            if byte == 0x2D { dashesSeen += 1 }
            if dashesSeen == dashes && byte != 0x2D {
                if byte == 0x30 && !batchStarted { continue }
                batchStarted = true
            }
            bytes.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
        }
        guard batchStarted else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `programme words|batch|kecamatan code` for a title that names a batch (`Angkatan 3`);
    /// nil without one. `kecamatan` resolves the words after `Kecamatan`; `fallback` is the
    /// record's own kecamatan code.
    static func key(title: String, kecamatan: (String) -> String?, fallback: String?) -> String? {
        let words = TextNormalizer.words(title)
        guard let angkatan = words.firstIndex(where: { $0 == "angkatan" || $0 == "batch" || $0 == "gelombang" }),
            angkatan + 1 < words.count, let batch = Int(words[angkatan + 1]), batch > 0
        else { return nil }
        var place = fallback
        var end = words.count
        if let named = words.firstIndex(where: { $0 == "kecamatan" || $0 == "kec" }) {
            end = min(end, named)
            let rest = words[(named + 1)...].prefix { $0 != "angkatan" && $0 != "tahun" }
            // The longest run of words that is a kecamatan (`Pasar Minggu`, `Tebet`).
            for length in stride(from: min(3, rest.count), through: 1, by: -1) {
                if let code = kecamatan(rest.prefix(length).joined(separator: " ")) {
                    place = code
                    break
                }
            }
        }
        let programme = words[..<min(end, angkatan)].filter { !fillerWords.contains($0) && Int($0) == nil }
        guard !programme.isEmpty, let place else { return nil }
        return programme.joined(separator: " ") + "|\(batch)|" + place
    }
}
