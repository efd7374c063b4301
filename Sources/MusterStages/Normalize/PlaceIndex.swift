/// Kecamatan and kelurahan names to official codes and names, from the DKI Jakarta list
/// (``WilayahTable``).
///
/// Lookup folds the text to a key first: the part before a comma, lower case, prefixes
/// (`Kec.`, `Kel.`, `Kelurahan`, `Desa`) dropped, an RT/RW after the name (`Pejaten Barat
/// RT 05/RW 03`) dropped, abbreviations expanded (`Ps.`→pasar, `Kby.`→kebayoran,
/// `Sel.`→selatan, `Jaksel`), a trailing city (`Jakarta Selatan`) dropped, spaces removed (so
/// `Setia Budi` = `Setiabudi`). A key with no exact entry may match one official name within
/// a small edit distance (1 for 5–8 letters, 2 from 9): a typo, not a guess. Ties go to places
/// inside the given kecamatan, then to the home kota; a tie left after that is no match.
///
/// A cell may hold more than a name: the official code (`3174091004`, `31.74.04.1006`), the
/// kelurahan and its kecamatan split by a slash (`Gandaria Selatan/Cilandak`), a kota where a
/// kecamatan was asked for (`Jaksel`, `Kota Jakarta Selatan`), a kecamatan where a kelurahan
/// was (`Kebayoran Lama`): ``Reading`` says which.
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
        /// A kota (`Jakarta Selatan`, `Jaksel`), not a place of the level asked for.
        case regency(Place)
        /// A kecamatan asked for as a kelurahan, and no kelurahan has its name (`Tebet`,
        /// `Kebayoran Lama`; not `Pasar Minggu`, which is both).
        case kecamatan(Place)
        case ambiguous
        case unknown
    }

    /// What one cell names.
    struct Reading: Equatable {
        var match: Match
        /// The answer came from breaking a tie, so it may change with the kecamatan.
        var tied = false
        /// A kelurahan cell's other part that names a kecamatan (`Gandaria Selatan/Cilandak`),
        /// by its index in ``PlaceIndex/kecamatan``: readings are copied out of memos per record.
        var kecamatanIndex: Int?
    }

    static let defaultAbbreviations: [String: [String]] = [
        "pasar": ["ps", "psr"], "kebayoran": ["kby", "keb", "kbyr"], "pondok": ["pd", "pdk"],
        "selatan": ["sel", "slt", "sltn", "sltn"], "utara": ["utr", "ut"], "timur": ["tim", "tmr"],
        "barat": ["bar", "brt"], "tengah": ["tgh", "teng"], "kampung": ["kp", "kamp"], "gunung": ["gn"],
        "tanjung": ["tj", "tg"], "jakarta selatan": ["jaksel"], "jakarta": ["jkt", "dki", "jak"], "jakarta timur": ["jaktim"],
        "jakarta barat": ["jakbar"], "jakarta utara": ["jakut"], "jakarta pusat": ["jakpus"], "pusat": ["pst"],
    ]

    static let defaultAliases: [String: [String]] = [
        "Mampang Prapatan": ["Mampang"], "Kebayoran Baru": ["Kebbar"], "Kebayoran Lama": ["Keblam"],
        "Pasar Minggu": ["Pasming"], "Pesanggrahan": ["Pesanggerahan"], "Setiabudi": ["Setiabudhi"],
    ]

    private static let prefixes: Set<Substring> = ["kec", "kecamatan", "kel", "kelurahan", "desa", "kelurahaan", "kecamatn"]
    private static let cityWords: Set<Substring> = ["jakarta", "kota", "kabupaten", "kab", "provinsi"]
    /// Words before a kota's name: `Kota Adm. Jakarta Selatan`, `DKI Jakarta Selatan`.
    private static let regencyPrefixes: Set<Substring> = [
        "kota", "kotamadya", "kotamadia", "kodya", "administrasi", "adm", "kabupaten", "kab", "dki", "provinsi",
    ]

    let kecamatan: [Place]
    let kelurahan: [Place]
    private let byCode: [String: Place]
    /// Kota by their folded names without `Kota Administrasi` (`jakartaselatan`).
    private let regencyByKey: [String: Place]
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

    /// Numerals people type for the number words of official names (`Duren 3`, `Duren III`:
    /// Duren Tiga).
    static let numberWords: [Substring: Substring] = [
        "1": "satu", "2": "dua", "3": "tiga", "4": "empat", "5": "lima", "6": "enam", "7": "tujuh", "8": "delapan", "9": "sembilan",
        "10": "sepuluh", "i": "satu", "ii": "dua", "iii": "tiga", "iv": "empat", "v": "lima", "vi": "enam", "vii": "tujuh",
        "viii": "delapan", "ix": "sembilan", "x": "sepuluh",
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
        regencyByKey = Dictionary(
            WilayahTable.regencies.map { (Self.regencyKey($0.name, abbreviations: abbreviations), Place(code: $0.code, name: $0.name, parentCode: "31")) },
            uniquingKeysWith: { first, _ in first })
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
    /// `Kec.`/`Kel.` word, cut at an RT or RW, each word replaced by `expand`'s words, cut at
    /// a city word.
    private static func nameWords(_ text: String, expand: (Substring) -> [Substring]) -> [Substring] {
        let head = text.split(separator: ",", maxSplits: 1).first.map(String.init) ?? ""
        var words = TextNormalizer.words(head)
        while let first = words.first, prefixes.contains(first), words.count > 1 { words.removeFirst() }
        if let unit = words.indices.dropFirst().first(where: { isNeighbourhoodUnit(words[$0]) }) { words.removeSubrange(unit...) }
        var expanded = words.flatMap(expand)
        if let city = expanded.indices.dropFirst().first(where: { cityWords.contains(expanded[$0]) }) {
            expanded.removeSubrange(city...)
        }
        return expanded
    }

    /// `rt`, `rw`, `rt05`, `rw003`: the neighbourhood units an address adds after the kelurahan.
    private static func isNeighbourhoodUnit(_ word: Substring) -> Bool {
        (word.hasPrefix("rt") || word.hasPrefix("rw")) && word.dropFirst(2).allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A kota's name folded: before any comma, without `Kota`, `Adm.`, `DKI`…, abbreviations
    /// expanded (`Jak-Sel`, `Jaksel`, `JKT Selatan` are all `jakartaselatan`).
    private static func regencyKey(_ text: String, abbreviations: [Substring: [Substring]]) -> String {
        let head = text.split(separator: ",", maxSplits: 1).first.map(String.init) ?? ""
        var words = TextNormalizer.words(head)[...]
        while let first = words.first, regencyPrefixes.contains(first), words.count > 1 { words.removeFirst() }
        return words.flatMap { abbreviations[$0] ?? [$0] }.joined()
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

    /// What a cell names at `level`; `kecamatanCode` narrows kelurahan ties. A cell split by
    /// slashes is read part by part: the first part naming a place of the level is the
    /// answer, and for a kelurahan, another part naming a kecamatan is its kecamatan.
    func lookup(_ text: String, level: Level, kecamatanCode: String? = nil) -> Reading {
        guard text.utf8.contains(0x2F) else { return lookupName(text, level: level, kecamatanCode: kecamatanCode) }
        let parts = text.split(separator: "/").map(String.init)
        var reading: Reading?
        var found: Int?
        for (index, part) in parts.enumerated() {
            let candidate = lookupName(part, level: level, kecamatanCode: kecamatanCode)
            switch candidate.match {
            case .exact, .typo:
                reading = candidate
                found = index
            default:
                if reading == nil { reading = candidate }
            }
            if found != nil { break }
        }
        var result = reading ?? Reading(match: .unknown)
        if level == .kelurahan {
            for (index, part) in parts.enumerated() where index != found {
                if case .exact(let place)? = named(part, level: .kecamatan, kecamatanCode: nil)?.match {
                    result.kecamatanIndex = kecamatan.firstIndex(of: place)
                    break
                }
            }
        }
        return result
    }

    /// The official place one name means at `level`.
    private func lookupName(_ text: String, level: Level, kecamatanCode: String?) -> Reading {
        if let place = officialCode(text) {
            if place.code.utf8.count == (level == .kecamatan ? 8 : 13) { return Reading(match: .exact(place)) }
            if level == .kelurahan, place.code.utf8.count == 8 { return Reading(match: .kecamatan(place)) }
            return Reading(match: .unknown)
        }
        let key = key(text)
        guard !key.isEmpty else { return Reading(match: .unknown) }
        if let reading = named(text, key: key, level: level, kecamatanCode: kecamatanCode) { return reading }
        if let regency = regencyByKey[Self.regencyKey(text, abbreviations: abbreviations)] { return Reading(match: .regency(regency)) }
        if level == .kelurahan, case .exact(let place)? = named(text, key: key, level: .kecamatan, kecamatanCode: nil)?.match {
            return Reading(match: .kecamatan(place))
        }
        if firstWords.contains(key) { return Reading(match: .ambiguous) }
        let places = level == .kecamatan ? kecamatan : kelurahan
        let bytes = Array(key.utf8)
        let limit = bytes.count >= 9 ? 2 : bytes.count >= 5 ? 1 : 0
        guard limit > 0 else { return Reading(match: .unknown) }
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
        guard best <= limit, !candidates.isEmpty else { return Reading(match: .unknown) }
        guard let index = preferred(candidates, in: places, kecamatanCode: kecamatanCode) else { return Reading(match: .ambiguous, tied: true) }
        return Reading(match: .typo(places[index]), tied: candidates.count > 1)
    }

    /// The place the name writes exactly, by its key or word for word with abbreviated words;
    /// nil when it writes none.
    private func named(_ text: String, key: String? = nil, level: Level, kecamatanCode: String?) -> Reading? {
        let places = level == .kecamatan ? kecamatan : kelurahan
        let byKey = level == .kecamatan ? kecamatanByKey : kelurahanByKey
        guard let indices = byKey[key ?? self.key(text)] ?? abbreviated(text, level: level) else { return nil }
        guard let index = preferred(indices, in: places, kecamatanCode: kecamatanCode) else { return Reading(match: .ambiguous, tied: true) }
        return Reading(match: .exact(places[index]), tied: indices.count > 1)
    }

    /// The place whose official code the text is, dotted or not (`3174091004`, `31.74.04.1006`,
    /// `317404`).
    private func officialCode(_ text: String) -> Place? {
        let utf8 = text.utf8
        guard let first = utf8.first, ByteText.isDigit(first), utf8.count <= 16, utf8.allSatisfy({ ByteText.isDigit($0) || $0 == 0x2E }) else { return nil }
        let digits = utf8.filter(ByteText.isDigit)
        guard digits.count == 6 || digits.count == 10 else { return nil }
        var dotted: [UInt8] = []
        for (index, digit) in digits.enumerated() {
            if index == 2 || index == 4 || index == 6 { dotted.append(0x2E) }
            dotted.append(digit)
        }
        return byCode[String(decoding: dotted, as: UTF8.self)]
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
