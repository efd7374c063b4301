import MusterCore

/// How one person's name is written on one record: Muhammad variants, old spellings
/// (oe/u, dj/j, tj/c), typos, honorifics and degrees that come and go, and casing.
///
/// Names are ASCII, so the work is done on bytes.
struct NameVariation {
    /// Chance of an honorific (`Ibu`, `Bpk.`) on this kind of record.
    var honorific: Double
    /// Chance of the whole name in capitals.
    var upper: Double
    /// Chance of the whole name in lower case.
    var lower: Double

    func render(_ person: Person, random: inout SplitMix64) -> String {
        var words = person.words
        if words.count > 2 || (words.count == 2 && words[0] != NameParts.muhammad), random.chance(0.05) {
            words.removeLast()  // the family name left off
        }
        for index in words.indices where words[index] == NameParts.muhammad && random.chance(0.45) {
            words[index] = random.pick(NameParts.muhammadVariants)
        }
        if random.chance(0.04) { Self.oldSpelling(&words, random: &random) }
        if random.chance(0.05) { Self.typo(&words, random: &random) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(48)
        if person.isHajj, random.chance(0.4) {
            bytes += Array((person.isFemale ? "Hj. " : "H. ").utf8)
        } else if random.chance(honorific) {
            bytes += Array(random.pick(person.isFemale ? NameParts.femaleHonorifics : NameParts.maleHonorifics).utf8)
        }
        if let degree = person.degree, degree < 0, random.chance(0.5) {
            bytes += Array(NameParts.degreePrefixes[-1 - degree].utf8)
        }
        for (index, word) in words.enumerated() {
            if index > 0 { bytes.append(0x20) }
            bytes += Array(word.utf8)
        }
        if let degree = person.degree, degree >= 0, random.chance(0.5) {
            bytes += Array(NameParts.degreeSuffixes[degree].utf8)
        }
        if random.chance(upper) {
            for index in bytes.indices where bytes[index] >= 0x61 && bytes[index] <= 0x7A { bytes[index] -= 32 }
        } else if random.chance(lower) {
            for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] += 32 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One pre-1972 spelling: `u`→`oe`, `j`→`dj`, `c`→`tj`, or `Y`→`J` at the start.
    static func oldSpelling(_ words: inout [String], random: inout SplitMix64) {
        let index = random.below(words.count)
        var word = Array(words[index].utf8)
        let rules: [(from: [UInt8], to: [UInt8])] = [
            (Array("u".utf8), Array("oe".utf8)), (Array("j".utf8), Array("dj".utf8)), (Array("c".utf8), Array("tj".utf8)),
            (Array("J".utf8), Array("Dj".utf8)), (Array("C".utf8), Array("Tj".utf8)), (Array("Y".utf8), Array("J".utf8)),
        ]
        for rule in rules.shuffledStart(random.below(rules.count)) {
            if let position = word.firstIndex(of: rule.from[0]) {
                word.replaceSubrange(position...position, with: rule.to)
                words[index] = String(decoding: word, as: UTF8.self)
                return
            }
        }
    }

    /// One slip of the keyboard in a word of five letters or more, never its first letter.
    static func typo(_ words: inout [String], random: inout SplitMix64) {
        guard let index = words.indices.filter({ words[$0].utf8.count >= 5 && words[$0] != NameParts.muhammad }).randomElement(using: &random) else { return }
        var word = Array(words[index].utf8)
        let position = random.within(1...(word.count - 2))
        switch random.below(4) {
        case 0: word.remove(at: position)
        case 1: word.insert(word[position], at: position)
        case 2: word.swapAt(position, position + 1)
        default:
            let vowels: [UInt8] = Array("aeiou".utf8)
            if vowels.contains(word[position]) { word[position] = random.pick(vowels.filter { $0 != word[position] }) } else { word.remove(at: position) }
        }
        words[index] = String(decoding: word, as: UTF8.self)
    }
}

extension Array {
    /// The elements starting at `start`, wrapping around: a cheap random order of tries.
    func shuffledStart(_ start: Int) -> [Element] {
        Array(self[start...] + self[..<start])
    }

    func randomElement(using random: inout SplitMix64) -> Element? {
        isEmpty ? nil : self[random.below(count)]
    }
}
