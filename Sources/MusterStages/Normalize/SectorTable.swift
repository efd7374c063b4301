/// Business sector: free text ("Katering rumahan", "Jahit, permak pakaian", "Tas anyaman")
/// to one of a small canonical list. The sector whose word or phrase appears first in the
/// text wins; on a tie, the longer phrase.
struct SectorTable: Sendable {
    /// What an unmatched text becomes (with an issue).
    static let other = "lainnya"

    static let defaults: [String: [String]] = [
        "kuliner": [
            "kuliner", "makanan", "minuman", "makan", "mamin", "food", "beverage", "f b", "fnb", "katering",
            "catering", "kue", "cake", "roti", "bakery", "snack", "camilan", "cemilan", "keripik", "kripik",
            "sambal", "nasi", "warung", "warteg", "kopi", "coffee", "jus", "minuman", "frozen", "bakso",
            "gorengan", "jajanan", "masakan", "dapur", "kuliner rumahan", "hampers", "lontong", "dimsum",
        ],
        "fesyen": [
            "fesyen", "fashion", "busana", "pakaian", "baju", "konveksi", "jahit", "menjahit", "penjahit",
            "permak", "hijab", "jilbab", "mukena", "kerudung", "batik", "sablon", "kaos", "tshirt", "butik",
            "garmen", "bordir", "sepatu", "sandal", "tenun",
        ],
        "kerajinan tangan": [
            "kerajinan", "kerajinan tangan", "kriya", "craft", "handicraft", "handmade", "tas",
            "totebag", "tote bag", "anyaman", "rajut", "merajut", "souvenir", "suvenir", "aksesoris",
            "manik", "manik manik", "decoupage", "serut", "pouch", "dompet", "kulit", "flanel",
        ],
        "jasa": [
            "jasa", "laundry", "loundry", "servis", "service", "bengkel", "salon", "potong rambut", "barbershop",
            "ojek", "rental", "sewa", "les", "kursus", "fotokopi", "fotocopy", "percetakan", "event", "travel",
        ],
        "perdagangan": [
            "dagang", "perdagangan", "toko", "retail", "grosir", "sembako", "kelontong", "jualan",
            "reseller", "dropship", "agen", "distributor", "warung sembako",
        ],
        "pertanian": [
            "pertanian", "tani", "hidroponik", "tanaman", "kebun", "perkebunan", "ternak", "peternakan",
            "ikan", "budidaya", "urban farming", "lele", "sayur", "sayuran", "jamur", "madu", "bibit",
        ],
        "kecantikan": [
            "kecantikan", "kosmetik", "skincare", "spa", "rias", "make up", "makeup", "mua", "sabun", "parfum",
            "lulur", "jamu", "herbal",
        ],
        "digital": [
            "digital", "online", "aplikasi", "website", "desain", "design", "grafis", "konten", "fotografi",
            "video", "it", "teknologi", "software",
        ],
    ]

    /// Phrases as word arrays, longest first, with their sector.
    private let phrases: [(words: [Substring], sector: String)]
    private let canonical: Set<String>

    init(extra: [String: [String]]) {
        var phrases: [(words: [Substring], sector: String)] = []
        for (sector, variants) in Self.defaults.merging(extra, uniquingKeysWith: +) {
            for variant in variants + [sector] {
                let words = TextNormalizer.words(variant)
                if !words.isEmpty { phrases.append((words, sector)) }
            }
        }
        self.phrases = phrases.sorted { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.sector < $1.sector }
        canonical = Set(Self.defaults.keys).union(extra.keys)
    }

    /// The canonical sector, or nil when no word of the text names one.
    func sector(_ cleaned: String) -> String? {
        let lower = TextNormalizer.lowercased(cleaned)
        if canonical.contains(lower) { return lower }
        let words = TextNormalizer.words(lower)
        var best: (position: Int, length: Int, sector: String)?
        for (words:phrase, sector:sector) in phrases where phrase.count <= words.count {
            var position = 0
            while position + phrase.count <= words.count {
                if words[position] == phrase[0], phrase.count == 1 || words[position..<position + phrase.count].elementsEqual(phrase) {
                    if best == nil || position < best?.position ?? 0 || (position == best?.position && phrase.count > best?.length ?? 0) {
                        best = (position, phrase.count, sector)
                    }
                    break
                }
                position += 1
            }
        }
        return best?.sector
    }
}
