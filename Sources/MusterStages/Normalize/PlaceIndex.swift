/// Kecamatan and kelurahan names to official codes and names, from the DKI Jakarta list
/// (``WilayahTable``).
///
/// Lookup folds the text to a key first: the part before a comma, lower case, prefixes
/// (`Kec.`, `Kel.`, `Kelurahan`, `Desa`) dropped, abbreviations expanded (`Ps.`→pasar,
/// `Kby.`→kebayoran, `Sel.`→selatan, `Jaksel`), a trailing city (`Jakarta Selatan`) dropped,
/// spaces removed (so `Setia Budi` = `Setiabudi`). A key with no exact entry may match one
/// official name within a small edit distance (1 for 5–8 letters, 2 from 9): a typo, not a
/// guess. Ties go to places inside the given kecamatan, then to the home kota; a tie left
/// after that is no match.
struct PlaceIndex: Sendable {
    enum Level: Sendable { case kecamatan, kelurahan }

    struct Place: Sendable, Hashable {
        var code: String
        var name: String
        var parentCode: String
        var postalCode: String?
    }

    enum Match: Equatable {
        case exact(Place)
        case typo(Place)
        case ambiguous
        case unknown
    }

    static let defaultAbbreviations: [String: [String]] = [
        "pasar": ["ps", "psr"], "kebayoran": ["kby", "keb", "kbyr"], "pondok": ["pd", "pdk"],
        "selatan": ["sel", "slt", "sltn", "sltn"], "utara": ["utr", "ut"], "timur": ["tim", "tmr"],
        "barat": ["bar", "brt"], "tengah": ["tgh", "teng"], "kampung": ["kp", "kamp"], "gunung": ["gn"],
        "tanjung": ["tj", "tg"], "jakarta selatan": ["jaksel"], "jakarta": ["jkt", "dki"],
    ]

    static let defaultAliases: [String: [String]] = [
        "Mampang Prapatan": ["Mampang"], "Kebayoran Baru": ["Kebbar"], "Kebayoran Lama": ["Keblam"],
        "Pasar Minggu": ["Pasming"], "Pesanggrahan": ["Pesanggerahan"], "Setiabudi": ["Setiabudhi"],
    ]

    private static let prefixes: Set<Substring> = ["kec", "kecamatan", "kel", "kelurahan", "desa", "kelurahaan", "kecamatn"]
    private static let cityWords: Set<Substring> = ["jakarta", "kota", "kabupaten", "kab", "provinsi"]

    let kecamatan: [Place]
    let kelurahan: [Place]
    private let byCode: [String: Place]
    private let kecamatanNumbers: Set<Int>
    private let kecamatanByKey: [String: [Int]]
    private let kelurahanByKey: [String: [Int]]
    /// First words of official names ("cipete" for Cipete Utara and Cipete Selatan): a text
    /// that is only such a word names no place, however close it is to another name.
    private let firstWords: Set<String>
    private let kecamatanKeys: [[UInt8]]
    private let kelurahanKeys: [[UInt8]]
    private let abbreviations: [Substring: [Substring]]
    private let homeRegency: String
    /// Each official name's words, lower case, for names typed with abbreviated words.
    private let kecamatanWords: [[Substring]]
    private let kelurahanWords: [[Substring]]

    /// Numerals people type for the number words of official names (`Duren 3`: Duren Tiga).
    static let numberWords: [Substring: Substring] = [
        "1": "satu", "2": "dua", "3": "tiga", "4": "empat", "5": "lima", "6": "enam", "7": "tujuh", "8": "delapan", "9": "sembilan",
        "10": "sepuluh",
    ]

    init(aliases extraAliases: [String: [String]] = [:], abbreviations extraAbbreviations: [String: [String]] = [:], homeRegency: String = "31.74") {
        var abbreviations: [Substring: [Substring]] = [:]
        for (word, variants) in Self.defaultAbbreviations.merging(extraAbbreviations, uniquingKeysWith: +) {
            let expansion = TextNormalizer.words(word)
            for variant in variants { abbreviations[Substring(TextNormalizer.lowercased(variant))] = expansion }
        }
        self.abbreviations = abbreviations
        self.homeRegency = homeRegency
        kecamatan = WilayahTable.kecamatan.map { Place(code: $0.code, name: $0.name, parentCode: String($0.code.prefix(5))) }
        kelurahan = WilayahTable.kelurahan.map {
            Place(code: $0.code, name: $0.name, parentCode: String($0.code.prefix(8)), postalCode: $0.postalCode.isEmpty ? nil : $0.postalCode)
        }
        var kecamatanByKey: [String: [Int]] = [:]
        var kelurahanByKey: [String: [Int]] = [:]
        let fold = { (text: String) in Self.key(text, abbreviations: abbreviations) }
        for (index, place) in kecamatan.enumerated() { kecamatanByKey[fold(place.name), default: []].append(index) }
        for (index, place) in kelurahan.enumerated() { kelurahanByKey[fold(place.name), default: []].append(index) }
        for (official, aliases) in Self.defaultAliases.merging(extraAliases, uniquingKeysWith: +) {
            let target = fold(official)
            for alias in aliases {
                let key = fold(alias)
                guard key != target else { continue }
                if let indices = kecamatanByKey[target] { kecamatanByKey[key, default: []] += indices }
                if let indices = kelurahanByKey[target] { kelurahanByKey[key, default: []] += indices }
            }
        }
        var firstWords: Set<String> = []
        for place in kecamatan + kelurahan {
            let words = TextNormalizer.words(place.name)
            if words.count > 1, let first = words.first { firstWords.insert(fold(String(first))) }
        }
        self.firstWords = firstWords
        kecamatanNumbers = Set(kecamatan.compactMap { Int($0.code.filter { $0 != "." }) })
        byCode = Dictionary((kecamatan + kelurahan).map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.kecamatanByKey = kecamatanByKey
        self.kelurahanByKey = kelurahanByKey
        kecamatanWords = kecamatan.map { TextNormalizer.words($0.name) }
        kelurahanWords = kelurahan.map { TextNormalizer.words($0.name) }
        kecamatanKeys = kecamatan.map { Array(fold($0.name).utf8) }
        kelurahanKeys = kelurahan.map { Array(fold($0.name).utf8) }
    }

    func key(_ text: String) -> String { Self.key(text, abbreviations: abbreviations) }

    private static func key(_ text: String, abbreviations: [Substring: [Substring]]) -> String {
        nameWords(text) { abbreviations[$0] ?? [$0] }.joined()
    }

    /// A typed place name's words, lower case: before any comma, without a leading
    /// `Kec.`/`Kel.` word, each word replaced by `expand`'s words, cut at a city word.
    private static func nameWords(_ text: String, expand: (Substring) -> [Substring]) -> [Substring] {
        let head = text.split(separator: ",", maxSplits: 1).first.map(String.init) ?? ""
        var words = TextNormalizer.words(head)
        while let first = words.first, prefixes.contains(first), words.count > 1 { words.removeFirst() }
        var expanded = words.flatMap(expand)
        if let city = expanded.indices.dropFirst().first(where: { cityWords.contains(expanded[$0]) }) {
            expanded.removeSubrange(city...)
        }
        return expanded
    }

    /// The text without a leading `Kec.`/`Kel.`/`Kelurahan`… word, for names not in the list.
    func strippedName(_ text: String) -> String {
        var rest = Substring(text)
        while true {
            let word = rest.prefix { $0 != " " && $0 != "." }
            guard Self.prefixes.contains(Substring(TextNormalizer.lowercased(String(word)))) else { break }
            let after = rest.dropFirst(word.count).drop { $0 == "." || $0 == " " }
            guard !after.isEmpty else { break }
            rest = after
        }
        return String(rest)
    }

    /// Whether a NIK's first six digits (`317401`) are an official kecamatan code.
    func isKecamatan(_ number: Int) -> Bool { kecamatanNumbers.contains(number) }

    /// The kecamatan or kelurahan with an official code (`31.74.01`, `31.74.01.1001`).
    func place(code: String) -> Place? { byCode[code] }

    /// The official place a name means at `level`; `kecamatanCode` narrows kelurahan ties.
    /// `tied` says the answer came from breaking a tie, so it may change with `kecamatanCode`.
    func lookup(_ text: String, level: Level, kecamatanCode: String? = nil) -> (match: Match, tied: Bool) {
        let key = key(text)
        guard !key.isEmpty else { return (.unknown, false) }
        let places = level == .kecamatan ? kecamatan : kelurahan
        if let indices = (level == .kecamatan ? kecamatanByKey : kelurahanByKey)[key] {
            guard let index = preferred(indices, in: places, kecamatanCode: kecamatanCode) else { return (.ambiguous, true) }
            return (.exact(places[index]), indices.count > 1)
        }
        if let indices = abbreviated(text, level: level) {
            guard let index = preferred(indices, in: places, kecamatanCode: kecamatanCode) else { return (.ambiguous, true) }
            return (.exact(places[index]), indices.count > 1)
        }
        if firstWords.contains(key) { return (.ambiguous, false) }
        let bytes = Array(key.utf8)
        let limit = bytes.count >= 9 ? 2 : bytes.count >= 5 ? 1 : 0
        guard limit > 0 else { return (.unknown, false) }
        var best = limit + 1
        var candidates: [Int] = []
        for (index, candidate) in (level == .kecamatan ? kecamatanKeys : kelurahanKeys).enumerated() {
            guard abs(candidate.count - bytes.count) <= limit else { continue }
            let distance = Self.distance(bytes, candidate, limit: best)
            if distance < best {
                best = distance
                candidates = [index]
            } else if distance == best {
                candidates.append(index)
            }
        }
        guard best <= limit, !candidates.isEmpty else { return (.unknown, false) }
        guard let index = preferred(candidates, in: places, kecamatanCode: kecamatanCode) else { return (.ambiguous, true) }
        return (.typo(places[index]), candidates.count > 1)
    }

    /// The places whose official name the text writes word for word, each word whole, as a
    /// numeral for its number word, or abbreviated: its letters in order, from the word's first
    /// (`Prpt.` Prapatan, `Pdk` Pondok, `Tim.` Timur), with one word at least whole. A trailing `Sel.` or city word that
    /// names the region rather than the place is dropped when nothing matches with it.
    private func abbreviated(_ text: String, level: Level) -> [Int]? {
        let words = Self.nameWords(text) { [Self.numberWords[$0] ?? $0] }
        guard !words.isEmpty else { return nil }
        let names = level == .kecamatan ? kecamatanWords : kelurahanWords
        func matching(_ words: [Substring]) -> [Int] {
            // One word at least is whole: an abbreviation alone ("Tebe") names no place.
            names.indices.filter { index in
                names[index].count == words.count && zip(words, names[index]).allSatisfy { Self.writes($0, $1) }
                    && zip(words, names[index]).contains { $0 == $1 }
            }
        }
        let all = matching(words)
        if !all.isEmpty { return all }
        guard words.count > 1, let last = words.last, Self.writes(last, "selatan") || last == "jaksel" else { return nil }
        let shorter = matching(Array(words.dropLast()))
        return shorter.isEmpty ? nil : shorter
    }

    /// Whether `typed` writes the official word `word`: the same, or an abbreviation of it —
    /// two to four of its letters in order, starting with its first. A longer word is a
    /// misspelling, for the typo search to judge and flag.
    static func writes(_ typed: Substring, _ word: Substring) -> Bool {
        if typed == word { return true }
        guard (2...4).contains(typed.count), typed.count < word.count, typed.first == word.first else { return false }
        var rest = word.dropFirst()[...]
        for character in typed.dropFirst() {
            guard let found = rest.firstIndex(of: character) else { return false }
            rest = rest[rest.index(after: found)...]
        }
        return true
    }

    private func preferred(_ indices: [Int], in places: [Place], kecamatanCode: String?) -> Int? {
        if indices.count == 1 { return indices[0] }
        for test in [{ (place: Place) in place.parentCode == kecamatanCode }, { $0.code.hasPrefix(homeRegency) }] {
            let chosen = indices.filter { test(places[$0]) }
            if chosen.count == 1 { return chosen[0] }
        }
        return nil
    }

    /// Levenshtein distance, giving up (returning `limit`) once every path costs more.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
